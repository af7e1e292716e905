/**
 * Every weight's value after each iteration of a run, for the inspector's path chart. A snapshot keeps
 * only the current weights, so the path is trained again from the start with the fast kernel (bit for
 * bit the stepwise trainer), through each stretch of the run with the setup it had: a run changed live
 * (new data, a new alpha, at iteration boundaries) is a list of segments.
 *
 * The recorder keeps what it trained, so a run stepped on is extended, not trained again, and a run
 * stepped back reads a prefix. Memory and time are bounded: a path longer than MAX_PATH_VALUES numbers,
 * or one that would take more than MAX_REPLAY_WORK multiply-adds, is not kept (the inspector says so).
 */
import { createKernel, type Kernel } from './kernel.js';
import type { TrainingSetup } from './types.js';

/** A stretch of a run: `setup` trains the iterations after `from` (until the next segment's `from`). */
export interface Segment {
  readonly setup: TrainingSetup;
  readonly from: number;
}

/** Numbers a recorder keeps at most (8 bytes each): 32 MB. */
export const MAX_PATH_VALUES = 4_000_000;
/** Multiply-adds a path may cost to train again at most (about a tenth of a second). */
export const MAX_REPLAY_WORK = 40_000_000;

function weightCount(setup: TrainingSetup): number {
  const w = setup.initialWeights;
  return w.layers === 2 ? w.weights.length : w.weights_0_1.length * w.weights_1_2.length + w.weights_1_2.length;
}

/** Multiply-adds of training `iterations` iterations of `setup` (every row, trained or held out, counts). */
export function replayWork(setup: TrainingSetup, iterations: number): number {
  return iterations * (setup.trainRows.length + setup.heldOutRows.length) * weightCount(setup);
}

export interface PathRecorder {
  readonly segments: readonly Segment[];
  /** The weights after iteration `k` (from 1), flat (see flatWeights), or undefined when not recorded. */
  valueAt(k: number, flatIndex: number): number | undefined;
  /** Records up to iteration `k`; false when that is more than the bounds allow (nothing more is then recorded). */
  recordTo(k: number): boolean;
  /** Iterations recorded so far. */
  readonly recorded: number;
}

export function createPathRecorder(segments: readonly Segment[]): PathRecorder {
  if (segments.length === 0 || segments[0]!.from !== 0) throw new Error('a path starts with a segment from iteration 0');
  const count = weightCount(segments[0]!.setup);
  let values = new Float64Array(Math.max(count, 1) * 64);
  let recorded = 0;
  let segment = -1;
  let kernel: Kernel | undefined;
  let weights: Float64Array | undefined;
  let work = 0;

  /** The kernel for the segment holding iteration `recorded + 1`, started from the weights reached. */
  const kernelFor = (k: number): Kernel => {
    let s = segment;
    while (s + 1 < segments.length && segments[s + 1]!.from < k) s++;
    if (s !== segment || !kernel) {
      segment = s;
      const { setup, from } = segments[s]!;
      const end = s + 1 < segments.length ? segments[s + 1]!.from : Number.MAX_SAFE_INTEGER;
      kernel = createKernel({ ...setup, iterations: Math.min(end, Number.MAX_SAFE_INTEGER) }, from);
      if (weights) kernel.loadWeights(weights, recorded);
    }
    return kernel;
  };

  const recorder: PathRecorder = {
    segments,
    get recorded() {
      return recorded;
    },
    valueAt(k, flatIndex) {
      return k >= 1 && k <= recorded && flatIndex >= 0 && flatIndex < count ? values[(k - 1) * count + flatIndex] : undefined;
    },
    recordTo(k) {
      if (k <= recorded) return true;
      if (k * count > MAX_PATH_VALUES) return false;
      for (let it = recorded + 1; it <= k; it++) {
        const run = kernelFor(it);
        work += replayWork(segments[segment]!.setup, 1);
        if (work > MAX_REPLAY_WORK) return false;
        run.next();
        if (values.length < it * count) {
          const grown = new Float64Array(Math.min(MAX_PATH_VALUES, Math.max(values.length * 2, it * count)));
          grown.set(values);
          values = grown;
        }
        weights = run.saveWeights(weights);
        values.set(weights, (it - 1) * count);
        recorded = it;
      }
      return true;
    },
  };
  return recorder;
}
