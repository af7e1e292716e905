/**
 * Where every weight has been: the weights after iteration 0 (the start) and after every `stride`-th
 * iteration, for the charts of weights over the iterations (conflicting pressure's w0, w1, w2; the
 * inspector's path of one weight).
 *
 * The iterations kept depend on the run's setup alone (its length and its number of weights), never
 * on how the state was reached, so stepping and a run to the end give the same path. Bounded: at most
 * MAX_POINTS points and MAX_BYTES of weights, whatever the run's length and the net's size. The points
 * are an AppendList shared by every snapshot of the run, as the error list is.
 */
import { AppendList } from './appendList.js';
import type { TrainingSetup, Weights } from './types.js';

export const MAX_POINTS = 1024;
export const MAX_BYTES = 8 * 1024 * 1024;

export interface WeightPath {
  /** A point is kept after every `stride`-th iteration (and at the start). */
  readonly stride: number;
  /** Flat weights (weights; or weights_0_1 row by row, then weights_1_2) at iterations 0, stride, 2 stride, ... */
  readonly points: AppendList<Float64Array>;
}

export function weightCountOf(w: Weights): number {
  return w.layers === 2 ? w.weights.length : w.weights_0_1.length * (w.weights_0_1[0]?.length ?? 0) + w.weights_1_2.length;
}

export function flatten(w: Weights): Float64Array {
  if (w.layers === 2) return Float64Array.from(w.weights);
  const out = new Float64Array(weightCountOf(w));
  let k = 0;
  for (const row of w.weights_0_1) for (const x of row) out[k++] = x;
  for (const row of w.weights_1_2) out[k++] = row[0]!;
  return out;
}

export function pathStride(setup: TrainingSetup): number {
  const points = Math.max(2, Math.min(MAX_POINTS, Math.floor(MAX_BYTES / (8 * Math.max(1, weightCountOf(setup.initialWeights))))));
  return Math.max(1, Math.ceil(setup.iterations / (points - 1)));
}

export function startPath(setup: TrainingSetup, weights: Weights): WeightPath {
  return { stride: pathStride(setup), points: AppendList.of([flatten(weights)]) };
}

/** The path after `iteration` is complete with `weights` (kept only on the stride). */
export function extendPath(path: WeightPath, iteration: number, weights: () => Float64Array): WeightPath {
  return iteration % path.stride === 0 ? { ...path, points: path.points.append(weights()) } : path;
}

/** The path as a state at `iteration` holds it (its first floor(iteration / stride) + 1 points). */
export function pathAt(path: WeightPath, iteration: number): WeightPath {
  return { ...path, points: path.points.prefix(Math.floor(iteration / path.stride) + 1) };
}

/** One weight's values along the path (index into the flat order), with the iteration of each point. */
export function weightSeries(path: WeightPath, index: number): { iterations: number[]; values: number[] } {
  const iterations: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < path.points.length; i++) {
    iterations.push(i * path.stride);
    values.push(path.points.at(i)![index]!);
  }
  return { iterations, values };
}
