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
 * keeps the whole run in one loop with no call back and no allocation per iteration. A 3-layer sgd
 * net whose lamps are all 0 or 1 trains through kernelBinary.ts, which skips the work that cannot
 * change a bit; should its conditions ever fail, the iteration is trained again with the general loop.
 */
import { heldOutError, rowsPerUpdate } from './iterationRules.js';
import { litLamps, litSgdIteration, startsClean, stayedFinite, type LitLamps } from './kernelBinary.js';
import { deepBatchIteration, deepForward, deepSgdIteration, flatForward, flatIteration, type Net } from './kernelLoops.js';
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
  /** How many numbers `saveWeights` writes: the weights, flat (weights, or weights_0_1 row by row then weights_1_2). */
  readonly weightCount: number;
  /** Copies the current weights, flat, into `into` (a new array when not given) and returns it. */
  saveWeights(into?: Float64Array): Float64Array;
  /** Goes on from saved weights, as if `iteration` iterations had been trained to reach them. */
  loadWeights(from: Float64Array, iteration: number): void;
}

/** The net's flat state, with the weights and data of `setup`. */
function netOf(setup: TrainingSetup): Net {
  const init = setup.initialWeights;
  const deep = init.layers === 3;
  const nIn = setup.inputs[0]!.length;
  const nHid = deep ? init.weights_1_2.length : 0;
  const rows = setup.trainRows;
  const net: Net = {
    // Inputs and goals in training order; 3-layer weights row-major, as numpy stores them.
    x: rows.map((r) => new Float64Array(setup.inputs[r]!)),
    goals: Float64Array.from(rows, (r) => setup.labels[r]!),
    nIn,
    nHid,
    relu: setup.activation === 'relu',
    alpha: setup.alpha,
    size: rowsPerUpdate(setup),
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
  return net;
}

/**
 * The lamps of a 3-layer sgd net whose inputs are all 0 or 1, when the lit-lamps loop applies and pays:
 * below 16 weights in weights_0_1 (the book's 3 x 4 net) its bookkeeping costs more than the work it
 * skips (measured: 3 x 4 takes 163 ns per iteration dense, 194 lit; 3 x 8 takes 302 dense, 236 lit).
 */
function lampsOf(net: Net): LitLamps | undefined {
  if (net.nHid === 0 || net.size !== 1 || !Number.isFinite(net.alpha) || net.nIn * net.nHid < 16) return undefined;
  return startsClean(net.w01) ? litLamps(net.x, net.nHid) : undefined;
}

export function createKernel(setup: TrainingSetup, fromIteration = 0): Kernel {
  const net = netOf(setup);
  const deep = net.nHid > 0;
  const { nIn, nHid } = net;
  const general = !deep ? flatIteration : net.size === 1 ? deepSgdIteration : deepBatchIteration;
  let lamps = lampsOf(net);
  const before = new Float64Array(lamps ? net.w01.length + nHid : 0);

  const step = (): number => {
    if (lamps) {
      before.set(net.w01);
      before.set(net.w12, net.w01.length);
      const error = litSgdIteration(net, lamps);
      if (stayedFinite(net, lamps)) return error;
      // A weight overflowed (or `delta * w` did): train this iteration again with the general loop, and stay on it.
      net.w01.set(before.subarray(0, net.w01.length));
      net.w12.set(before.subarray(net.w01.length));
      lamps = undefined;
    }
    return general(net);
  };

  const weights = (): Weights =>
    deep
      ? {
          layers: 3,
          weights_0_1: Array.from({ length: nIn }, (_, i) => Array.from(net.w01.subarray(i * nHid, (i + 1) * nHid))),
          weights_1_2: Array.from(net.w12, (v) => [v]),
        }
      : { layers: 2, weights: Array.from(net.w) };

  // Held-out rows by row index, predicted with the same flat forward pass as the training rows.
  const heldOut: Float64Array[] = [];
  for (const row of setup.heldOutRows) heldOut[row] = Float64Array.from(setup.inputs[row]!);
  const predict = deep ? (row: number) => deepForward(net, heldOut[row]!) : (row: number) => flatForward(net, heldOut[row]!);
  const weightCount = deep ? net.w01.length + nHid : nIn;

  const kernel = {
    iteration: fromIteration,
    predictions: net.predictions,
    weightCount,
    next(): number {
      kernel.iteration += 1;
      return step();
    },
    runInto(errors: Float64Array): number {
      // One tight loop, so V8 optimises it as a whole (the caller need not be hot for this to be fast).
      const n = Math.max(0, Math.min(errors.length, setup.iterations - kernel.iteration));
      for (let i = 0; i < n; i++) errors[i] = step();
      kernel.iteration += n;
      return n;
    },
    heldOutError(): number | undefined {
      return setup.heldOutRows.length === 0 ? undefined : heldOutError(setup, predict);
    },
    weights,
    saveWeights(into = new Float64Array(weightCount)): Float64Array {
      if (!deep) into.set(net.w);
      else {
        into.set(net.w01);
        into.set(net.w12, net.w01.length);
      }
      return into;
    },
    loadWeights(from: Float64Array, iteration: number): void {
      if (!deep) net.w.set(from.subarray(0, nIn));
      else {
        net.w01.set(from.subarray(0, net.w01.length));
        net.w12.set(from.subarray(net.w01.length, weightCount));
        if (lamps && !startsClean(net.w01)) lamps = undefined;
      }
      kernel.iteration = iteration;
    },
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
