/**
 * The arithmetic behind one weight, for the weight inspector: the update that last moved the weights,
 * and the update the next row would bring if it were trained now.
 *
 * A snapshot keeps the weights before and after the last change (previousWeights, weights) but not the
 * rows that made it: after the next row's predict phase its trace is gone. The rows are found again from
 * the position in the iteration (sgd: the row trained last; batch and full: the last batch that closed),
 * and their terms are recomputed from previousWeights with the very functions the trainer uses, in its
 * order (the batch's deltas summed from the first row on, then divided by their count), so the result is
 * the trainer's own numbers. `lastUpdate` checks that the recomputed update lands exactly on the weights
 * the snapshot holds, and says so when it cannot (the data or alpha changed since).
 */
import { closesBatch, rowsPerUpdate } from './iterationRules.js';
import { activationSlope, applyUpdate, combineWeights, forward, hiddenDelta, mapWeights, rowWeightDeltas, type Forward } from './network.js';
import type { TrainerState } from './trainer.js';
import type { TrainingSetup, Vector, Weights } from './types.js';

/** One weight under the book's names: `weights[index]`, `weights_0_1[row][col]` or `weights_1_2[row][0]`. */
export type WeightRef =
  | { readonly layer: 'weights'; readonly index: number }
  | { readonly layer: 'weights_0_1'; readonly row: number; readonly col: number }
  | { readonly layer: 'weights_1_2'; readonly row: number };

/** A weight's value in a set of weights. */
export function weightAt(w: Weights, ref: WeightRef): number {
  if (ref.layer === 'weights') return w.layers === 2 ? w.weights[ref.index]! : NaN;
  if (w.layers !== 3) return NaN;
  return ref.layer === 'weights_0_1' ? w.weights_0_1[ref.row]![ref.col]! : w.weights_1_2[ref.row]![0]!;
}

/** The weight's place in the flat order of `flatWeights` (and of the kernel's saved weights). */
export function flatIndex(w: Weights, ref: WeightRef): number {
  if (ref.layer === 'weights') return ref.index;
  if (w.layers !== 3) return -1;
  const hidden = w.weights_1_2.length;
  return ref.layer === 'weights_0_1' ? ref.row * hidden + ref.col : w.weights_0_1.length * hidden + ref.row;
}

/** One row's part in an update: its forward pass, its deltas and its weight deltas before alpha. */
export interface RowTerm {
  readonly row: number;
  readonly input: Vector;
  readonly goal: number;
  readonly forward: Forward;
  /** layer_2_delta (2-layer nets: delta) = prediction - goal. */
  readonly delta: number;
  /** 3-layer nets: layer_1_delta, and the activation's slope at each hidden node (relu2deriv: 1 or 0; 1 without activation). */
  readonly hiddenDelta?: Vector;
  readonly slope?: Vector;
  /** The weights the row was trained with. */
  readonly weights: Weights;
  /** `input * delta` (2-layer); `layer_1ᵀ · layer_2_delta` and `layer_0ᵀ · layer_1_delta` (3-layer). */
  readonly deltas: Weights;
}

/** The row's term with `weights` in force (the trainer's predict, compare, backpropagate and update). */
export function rowTerm(weights: Weights, setup: TrainingSetup, row: number): RowTerm {
  const input = setup.inputs[row]!;
  const goal = setup.labels[row]!;
  const fwd = forward(weights, input, setup.activation);
  const delta = fwd.prediction - goal;
  const hd = weights.layers === 3 ? hiddenDelta(weights.weights_1_2, delta, fwd.hidden!, setup.activation) : undefined;
  const slope = fwd.hidden?.map((h) => activationSlope(setup.activation, h));
  return { row, input, goal, forward: fwd, delta, hiddenDelta: hd, slope, weights, deltas: rowWeightDeltas(weights, input, delta, fwd.hidden, hd) };
}

/** The rows' weight deltas summed as the trainer sums a batch (the first row's, then each next one added). */
function sumDeltas(terms: readonly RowTerm[]): Weights {
  let sum = terms[0]!.deltas;
  for (let i = 1; i < terms.length; i++) sum = combineWeights(sum, terms[i]!.deltas, (a, b) => a + b);
  return sum;
}

export interface WeightUpdate {
  /** The iteration (from 1) the update was made in. */
  readonly iteration: number;
  /** The rows whose deltas made it, in training order: one in sgd, a batch's rows in batch and full mode. */
  readonly rows: readonly RowTerm[];
  /** The rows' weight deltas summed (the one row's deltas in sgd). */
  readonly sum: Weights;
  /** `sum / rows.length`: what alpha multiplies. */
  readonly mean: Weights;
  readonly alpha: number;
  readonly before: Weights;
  readonly after: Weights;
}

export type LastUpdate =
  | { readonly kind: 'none' }
  /** The recomputed update does not land on the snapshot's weights: the setup changed since it was made. */
  | { readonly kind: 'changed-since' }
  | ({ readonly kind: 'update' } & WeightUpdate);

/**
 * The rows of the last batch that closed (their positions in training order), the iteration it belongs
 * to, and the setup it was trained with.
 */
function lastBatch(state: TrainerState, setupOf: (iteration: number) => TrainingSetup): { positions: number[]; iteration: number; setup: TrainingSetup } | undefined {
  const size = rowsPerUpdate(state.setup);
  // Rows finished in the iteration in progress: positions 0 .. cursor - 1; batches close every `size` rows.
  const closedHere = Math.floor(state.cursor / size);
  if (closedHere >= 1) {
    const start = (closedHere - 1) * size;
    return { positions: range(start, closedHere * size), iteration: state.iteration + 1, setup: state.setup };
  }
  if (state.iteration === 0) return undefined;
  // The last batch of the iteration before, which closes at its last row however short it is.
  const setup = setupOf(state.iteration);
  const n = setup.trainRows.length;
  const start = Math.floor((n - 1) / rowsPerUpdate(setup)) * rowsPerUpdate(setup);
  return { positions: range(start, n), iteration: state.iteration, setup };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

export function sameWeights(a: Weights, b: Weights): boolean {
  if (a.layers === 2 && b.layers === 2) return a.weights.length === b.weights.length && a.weights.every((x, i) => Object.is(x, b.weights[i]));
  if (a.layers !== 3 || b.layers !== 3) return false;
  const same = (m: Weights & { layers: 3 }, k: Weights & { layers: 3 }, key: 'weights_0_1' | 'weights_1_2') =>
    m[key].length === k[key].length && m[key].every((r, i) => r.length === k[key][i]!.length && r.every((x, j) => Object.is(x, k[key][i]![j])));
  return same(a, b, 'weights_0_1') && same(a, b, 'weights_1_2');
}

/**
 * The update that last changed the weights (from previousWeights to weights). `setupOf(k)` is the setup
 * iteration k was trained with, for a run changed live since (default: the state's own setup throughout).
 */
export function lastUpdate(state: TrainerState, setupOf: (iteration: number) => TrainingSetup = () => state.setup): LastUpdate {
  const batch = lastBatch(state, setupOf);
  if (!batch) return { kind: 'none' };
  const { setup } = batch;
  const before = state.previousWeights;
  const rows = batch.positions.map((p) => rowTerm(before, setup, setup.trainRows[p]!));
  const sum = sumDeltas(rows);
  const count = rows.length;
  const mean = count === 1 ? sum : mapWeights(sum, (x) => x / count);
  const after = applyUpdate(before, mean, setup.alpha);
  if (!sameWeights(after, state.weights)) return { kind: 'changed-since' };
  return { kind: 'update', iteration: batch.iteration, rows, sum, mean, alpha: setup.alpha, before, after };
}

export interface NextUpdate {
  /** The row the next update step trains (the one in progress, or the next to start). */
  readonly term: RowTerm;
  /** Its position in the iteration in progress or about to start (from 1). */
  readonly iteration: number;
  /** Batch and full modes: rows already waiting in the batch, and the batch's size. */
  readonly waiting: number;
  readonly size: number;
  /** Whether this row closes its batch, so the weights change now (always in sgd). */
  readonly closes: boolean;
  /** When it closes a batch of several rows: the batch's summed deltas with this row's, and their mean. */
  readonly sum?: Weights;
  readonly mean?: Weights;
  /** The weights after this row's update step: changed when it closes the batch, the same otherwise. */
  readonly after: Weights;
}

/** The update the row at the cursor would bring if it were trained now; undefined when the run is done. */
export function nextUpdate(state: TrainerState): NextUpdate | undefined {
  if (state.done) return undefined;
  const { setup, weights } = state;
  const term = rowTerm(weights, setup, setup.trainRows[state.cursor]!);
  const size = rowsPerUpdate(setup);
  if (size === 1) return { term, iteration: state.iteration + 1, waiting: 0, size, closes: true, after: applyUpdate(weights, term.deltas, setup.alpha) };
  const closes = closesBatch(state.cursor, size, setup.trainRows.length);
  const sum = state.pending ? combineWeights(state.pending, term.deltas, (a, b) => a + b) : term.deltas;
  const count = state.pendingCount + 1;
  const mean = closes ? mapWeights(sum, (x) => x / count) : undefined;
  const after = mean ? applyUpdate(weights, mean, setup.alpha) : weights;
  return { term, iteration: state.iteration + 1, waiting: state.pendingCount, size, closes, after, ...(mean ? { sum, mean } : {}) };
}

/** The prediction for every row of `setup.inputs` with `weights` in force (the trainer's forward pass). */
export function predictionsWith(weights: Weights, inputs: readonly Vector[], activation: TrainingSetup['activation']): number[] {
  return inputs.map((input) => forward(weights, input, activation).prediction);
}
