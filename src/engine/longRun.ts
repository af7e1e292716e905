/**
 * A long run to the end in slices, that the back key can walk back through iteration by iteration.
 *
 * `advance(rowBudget)` trains whole iterations with the kernel until about that many row passes are
 * spent, so the session can train between key presses and stop at any iteration boundary. `state()`
 * and `stateAt(k)` rebuild the exact snapshot after iteration k, as stepping iteration by iteration
 * would have left it: the kernel (bit-equal to the stepwise trainer) reaches the weights after
 * iteration k - 1, and the stepwise trainer steps iteration k, which gives the snapshot its trace,
 * previousWeights and predictions.
 *
 * Memory is bounded whatever the run's length and the net's size:
 * - the weights are kept at checkpoints, every `interval` iterations: at most 4,096 of them and at
 *   most 12 MB in all (a 64 x 256 net, 133 KB of weights, gets 94 checkpoints);
 * - the back key walks backwards, so the last rebuild keeps the weights of up to `4 MB / their size`
 *   iterations before the one asked for (at least one), and the next steps back are read from there;
 * - the error lists share one buffer with every snapshot handed out (AppendList), 8 bytes per
 *   iteration each, as any snapshot of the run has them anyway.
 *
 * Cost of `stateAt(k)`: one stepped iteration, plus, unless iteration k - 1 is kept from the last
 * rebuild, at most `interval - 1` kernel iterations from the checkpoint at or before k - 1, where
 * `interval` = ceil(iterations to train / (checkpoints - 1)): for 10^6 iterations of the book's
 * deep net, 244 iterations (about 40 µs); of a 1000 x 20 x 32 net, 427 (about 0.3 s, then the next 779
 * steps back are read from what the rebuild kept).
 */
import type { AppendList } from './appendList.js';
import { createKernel, type Kernel } from './kernel.js';
import { atBoundary, stepIteration, stepIterationAfter, type TrainerState } from './trainer.js';
import { extendPath, pathAt, type WeightPath } from './weightPath.js';

export interface LongRun {
  /** The state the run started from (may be mid-iteration). */
  readonly start: TrainerState;
  /** Iterations completed so far (counted from the start of training, like TrainerState.iteration). */
  readonly iteration: number;
  /** Whether the run reached setup.iterations. */
  readonly done: boolean;
  /**
   * Trains whole iterations until about `rowBudget` row passes (training rows plus held-out rows)
   * are spent, at least one iteration, never past the end. From a start mid-iteration, the first
   * call finishes that iteration stepwise.
   */
  advance(rowBudget: number): void;
  /** The exact state after `iteration` iterations, as if stepped with stepIteration (the start itself before any advance). */
  state(): TrainerState;
  /** The exact state after iteration k, for k from the first boundary at or after `start` up to `iteration`. */
  stateAt(k: number): TrainerState;
  /** The checkpoints held so far, their spacing in iterations, and their size. */
  readonly checkpoints: { readonly count: number; readonly interval: number; readonly bytes: number };
}

export interface LongRunOptions {
  /** Bytes of checkpoints at most (default 12 MB); 0 keeps only the first boundary. */
  readonly checkpointBytes?: number;
  /** Bytes of weights the last rebuild keeps for the next steps back (default 4 MB). */
  readonly rebuildBytes?: number;
}

const MAX_CHECKPOINTS = 4096;
/** Iterations whose errors are appended to the lists together. */
const CHUNK = 4096;
const MB = 1024 * 1024;

export function startLongRun(start: TrainerState, options: LongRunOptions = {}): LongRun {
  return new Run(start, options.checkpointBytes ?? 12 * MB, options.rebuildBytes ?? 4 * MB);
}

/** Where the kernel went on from: the first boundary at or after the start, and what was trained from there. */
interface Trained {
  /** The first boundary: the start, or the start with its iteration finished by stepping. */
  readonly base: TrainerState;
  readonly kernel: Kernel;
  readonly interval: number;
  /** Weights after base.iteration + j * interval iterations. */
  readonly checkpoints: Float64Array[];
  errors: AppendList<number>;
  heldOutErrors: AppendList<number>;
  /** The weight path as far as the kernel has trained (each state takes the part up to its iteration). */
  path: WeightPath;
  /** The weights after iteration - 1 (valid once the kernel has trained). */
  readonly beforeLast: Float64Array;
  /** Reused buffers: errors and held-out errors of the iterations trained since they were last appended. */
  readonly chunk: { readonly errors: Float64Array; readonly heldOut: Float64Array };
}

class Run implements LongRun {
  private trained: Trained | undefined;
  private latest: TrainerState | undefined;
  /** The last rebuild's weights: after `kept.from + i` iterations for each i. */
  private kept: { from: number; weights: Float64Array[] } | undefined;
  private replay: Kernel | undefined;

  constructor(
    readonly start: TrainerState,
    private readonly checkpointBytes: number,
    private readonly rebuildBytes: number,
  ) {}

  get iteration(): number {
    return this.trained ? this.trained.kernel.iteration : this.start.iteration;
  }

  get done(): boolean {
    return this.iteration >= this.start.setup.iterations;
  }

  get checkpoints(): LongRun['checkpoints'] {
    const t = this.trained;
    if (!t) return { count: 0, interval: 0, bytes: 0 };
    return { count: t.checkpoints.length, interval: t.interval, bytes: t.checkpoints.length * t.kernel.weightCount * 8 };
  }

  private get rowsPerIteration(): number {
    const { trainRows, heldOutRows } = this.start.setup;
    return Math.max(1, trainRows.length + heldOutRows.length);
  }

  advance(rowBudget: number): void {
    if (this.done) return;
    let budget = rowBudget;
    let least = 1;
    if (!this.trained) {
      const base = atBoundary(this.start) ? this.start : stepIteration(this.start);
      if (base !== this.start) {
        budget -= this.rowsPerIteration;
        least = 0;
      }
      this.trained = this.begin(base);
      if (base.done) return;
    }
    const remaining = this.start.setup.iterations - this.iteration;
    const wanted = Math.floor(Math.max(0, budget) / this.rowsPerIteration);
    this.train(Math.min(remaining, Math.max(least, wanted)));
  }

  private begin(base: TrainerState): Trained {
    const setup = base.setup;
    const kernel = createKernel({ ...setup, initialWeights: base.weights }, base.iteration);
    const bytes = kernel.weightCount * 8;
    const count = Math.max(1, Math.min(MAX_CHECKPOINTS, Math.floor(this.checkpointBytes / bytes)));
    const toTrain = Math.max(1, setup.iterations - base.iteration);
    const interval = count === 1 ? toTrain + 1 : Math.max(1, Math.ceil(toTrain / (count - 1)));
    return {
      base,
      kernel,
      interval,
      checkpoints: [kernel.saveWeights()],
      errors: base.errors,
      heldOutErrors: base.heldOutErrors,
      path: base.path,
      beforeLast: new Float64Array(kernel.weightCount),
      chunk: { errors: new Float64Array(CHUNK), heldOut: new Float64Array(setup.heldOutRows.length > 0 ? CHUNK : 0) },
    };
  }

  private train(count: number): void {
    const t = this.trained!;
    const { kernel, base, interval } = t;
    const heldOut = base.setup.heldOutRows.length > 0;
    const { errors, heldOut: held } = t.chunk;
    let filled = 0;
    const flush = () => {
      t.errors = t.errors.appendAll(errors, filled);
      if (heldOut) t.heldOutErrors = t.heldOutErrors.appendAll(held, filled);
      filled = 0;
    };
    for (let i = 0; i < count; i++) {
      if (i === count - 1) kernel.saveWeights(t.beforeLast);
      errors[filled] = kernel.next();
      if (heldOut) held[filled] = kernel.heldOutError()!;
      filled++;
      if ((kernel.iteration - base.iteration) % interval === 0) t.checkpoints.push(kernel.saveWeights());
      t.path = extendPath(t.path, kernel.iteration, () => kernel.saveWeights());
      if (filled === CHUNK) flush();
    }
    flush();
    this.latest = undefined;
  }

  state(): TrainerState {
    const t = this.trained;
    if (!t) return this.start;
    if (t.kernel.iteration === t.base.iteration) return t.base;
    this.latest ??= this.stepLast(t, t.kernel.iteration, t.beforeLast);
    return this.latest;
  }

  stateAt(k: number): TrainerState {
    const t = this.trained;
    if (k === this.iteration) return this.state();
    if (k === this.start.iteration && atBoundary(this.start)) return this.start;
    if (!t || !Number.isInteger(k) || k < t.base.iteration || k > this.iteration) {
      throw new RangeError(`stateAt(${k}): the run holds iterations ${t ? t.base.iteration : this.start.iteration} to ${this.iteration}`);
    }
    if (k === t.base.iteration) return t.base;
    return this.stepLast(t, k, this.weightsAfter(t, k - 1));
  }

  /** The snapshot after iteration k, stepped from the weights after iteration k - 1. */
  private stepLast(t: Trained, k: number, weightsBefore: Float64Array): TrainerState {
    const { base } = t;
    const done = k - 1 - base.iteration;
    const heldOut = base.setup.heldOutRows.length > 0;
    const kernel = this.replayKernel(t);
    kernel.loadWeights(weightsBefore, k - 1);
    return stepIterationAfter(base, {
      weights: kernel.weights(),
      iteration: k - 1,
      errors: t.errors.prefix(base.errors.length + done),
      heldOutErrors: heldOut ? t.heldOutErrors.prefix(base.heldOutErrors.length + done) : base.heldOutErrors,
      path: pathAt(t.path, k - 1),
    });
  }

  /** The weights after iteration m: kept from the last rebuild, or trained again from a checkpoint. */
  private weightsAfter(t: Trained, m: number): Float64Array {
    const kept = this.kept;
    if (kept && m >= kept.from && m < kept.from + kept.weights.length) return kept.weights[m - kept.from]!;
    const j = Math.floor((m - t.base.iteration) / t.interval);
    const from = t.base.iteration + j * t.interval;
    const kernel = this.replayKernel(t);
    kernel.loadWeights(t.checkpoints[j]!, from);
    // Keep the iterations just before m: the back key asks for them next.
    const keep = Math.max(1, Math.floor(this.rebuildBytes / (kernel.weightCount * 8)));
    const first = Math.max(from, m - keep + 1);
    const weights: Float64Array[] = [];
    if (first === from) weights.push(kernel.saveWeights());
    while (kernel.iteration < m) {
      kernel.next();
      if (kernel.iteration >= first) weights.push(kernel.saveWeights());
    }
    this.kept = { from: first, weights };
    return weights[weights.length - 1]!;
  }

  /** A second kernel over the same setup, for rebuilding (the run's own kernel goes on where it is). */
  private replayKernel(t: Trained): Kernel {
    this.replay ??= createKernel({ ...t.base.setup, initialWeights: t.base.weights }, t.base.iteration);
    return this.replay;
  }
}
