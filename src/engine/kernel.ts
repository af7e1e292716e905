/**
 * A fast path for training straight to the end (`--print`, the "run to end" key, benchmarks).
 *
 * It performs the very operations of the stepwise trainer, in the same order and grouping, on
 * flat Float64Arrays with no allocation per row, so it is bit-for-bit equal to stepping (a test
 * checks that across every scenario and mode) while running tens of times faster. The stepwise
 * trainer stays the readable reference; this is the same arithmetic, laid out for speed.
 *
 * The loops live in kernelLoops.ts, one small function per kind of net and update: a short run
 * (`--print` of 20,000 iterations, ~15 ms) spends most of its time before V8 has optimised the
 * loop, and small functions are compiled sooner. Callers that only need errors use `runInto`, which
 * keeps the whole run in one loop with no call back and no allocation per iteration.
 */
import { forward } from './network.js';
import { deepBatchIteration, deepSgdIteration, flatIteration, type Net } from './kernelLoops.js';
import type { TrainingSetup, Weights } from './types.js';

export interface KernelIteration {
  /** 1-based number of the iteration just completed. */
  readonly iteration: number;
  readonly error: number;
  readonly heldOutError: number | undefined;
  /** The prediction made for each training row during the iteration, in training order. */
  readonly predictions: Float64Array;
  /** The weights after the iteration (built on demand). */
  weights(): Weights;
}

/** A run in progress: `next()` trains one iteration and returns its summed error. */
export interface Kernel {
  /** Iterations completed. */
  readonly iteration: number;
  next(): number;
  /** Trains up to `errors.length` iterations (not past the last), writes their errors there, and returns how many. */
  runInto(errors: Float64Array): number;
  /** The prediction made for each training row during the last iteration, in training order (reused buffer). */
  readonly predictions: Float64Array;
  /** The held-out rows' summed error with the current weights; undefined when no row is held out. */
  heldOutError(): number | undefined;
  weights(): Weights;
}

export function createKernel(setup: TrainingSetup, fromIteration = 0): Kernel {
  const init = setup.initialWeights;
  const deep = init.layers === 3;
  const nIn = setup.inputs[0]!.length;
  const nHid = deep ? init.weights_1_2.length : 0;
  const rows = setup.trainRows;
  const size = setup.mode === 'sgd' ? 1 : setup.mode === 'full' ? rows.length : Math.max(1, Math.min(setup.batchSize, rows.length));
  const net: Net = {
    // Inputs and goals in training order; 3-layer weights row-major, as numpy stores them.
    x: rows.map((r) => Float64Array.from(setup.inputs[r]!)),
    goals: Float64Array.from(rows, (r) => setup.labels[r]!),
    nIn,
    nHid,
    relu: setup.activation === 'relu',
    alpha: setup.alpha,
    size,
    w: new Float64Array(deep ? 0 : nIn),
    w01: new Float64Array(nIn * nHid),
    w12: new Float64Array(nHid),
    hidden: new Float64Array(nHid),
    hiddenDelta: new Float64Array(nHid),
    sumW: new Float64Array(deep ? 0 : nIn),
    sum01: new Float64Array(nIn * nHid),
    sum12: new Float64Array(nHid),
    predictions: new Float64Array(rows.length),
  };
  if (init.layers === 2) net.w.set(init.weights);
  else {
    init.weights_0_1.forEach((r, i) => net.w01.set(r, i * nHid));
    init.weights_1_2.forEach((r, j) => (net.w12[j] = r[0]!));
  }
  const step = !deep ? flatIteration : size === 1 ? deepSgdIteration : deepBatchIteration;

  const weights = (): Weights =>
    deep
      ? {
          layers: 3,
          weights_0_1: Array.from({ length: nIn }, (_, i) => Array.from(net.w01.subarray(i * nHid, (i + 1) * nHid))),
          weights_1_2: Array.from(net.w12, (v) => [v]),
        }
      : { layers: 2, weights: Array.from(net.w) };

  const kernel = {
    iteration: fromIteration,
    predictions: net.predictions,
    next(): number {
      kernel.iteration += 1;
      return step(net);
    },
    runInto(errors: Float64Array): number {
      // One tight loop, so V8 optimises it as a whole (the caller need not be hot for this to be fast).
      const n = Math.max(0, Math.min(errors.length, setup.iterations - kernel.iteration));
      for (let i = 0; i < n; i++) errors[i] = step(net);
      kernel.iteration += n;
      return n;
    },
    heldOutError(): number | undefined {
      if (setup.heldOutRows.length === 0) return undefined;
      // Rare and small: the readable forward pass is fine here.
      const now = weights();
      let sum = 0;
      for (const row of setup.heldOutRows) {
        const p = forward(now, setup.inputs[row]!, setup.activation).prediction;
        sum += (setup.labels[row]! - p) * (setup.labels[row]! - p);
      }
      return sum;
    },
    weights,
  };
  return kernel;
}

export function trainToEnd(setup: TrainingSetup, onIteration: (it: KernelIteration) => void, fromIteration = 0): Weights {
  const kernel = createKernel(setup, fromIteration);
  while (kernel.iteration < setup.iterations) {
    const error = kernel.next();
    onIteration({
      iteration: kernel.iteration,
      error,
      heldOutError: kernel.heldOutError(),
      predictions: kernel.predictions,
      weights: kernel.weights,
    });
  }
  return kernel.weights();
}
