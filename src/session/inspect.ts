/**
 * The weight inspector (`i`): a cursor over the weights, and what the inspector panel shows of the
 * weight under it, all from the engine: the update that last moved it, the update the next row would
 * bring, and its path over the iterations (kept by the trainer, through any live changes).
 *
 * The cursor moves over w0…wn of a 2-layer net (any arrow), or over a 3-layer net's grid as the network
 * panel draws it: a row per lamp for weights_0_1, then weights_1_2, a column per hidden node.
 */
import { flatIndex, lastUpdate, nextUpdate, weightAt, type LastUpdate, type NextUpdate, type WeightRef } from '../engine/inspect.js';
import type { TrainerState } from '../engine/trainer.js';
import type { Weights } from '../engine/types.js';
import { weightSeries } from '../engine/weightPath.js';
import { segmentsOf, setupOfIteration, type LiveLog } from './live.js';

/** A series over the iterations, as the charts take it (the engine's AppendList fits too). */
export interface Series {
  readonly length: number;
  at(index: number): number | undefined;
}

export interface InspectState {
  readonly cursor: WeightRef;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export function openInspector(weights: Weights): InspectState {
  return { cursor: weights.layers === 2 ? { layer: 'weights', index: 0 } : { layer: 'weights_0_1', row: 0, col: 0 } };
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** The cursor moved one weight; it stops at the edges. */
export function moveCursor(state: InspectState, weights: Weights, direction: Direction): InspectState {
  const c = state.cursor;
  const step = direction === 'up' || direction === 'left' ? -1 : 1;
  if (weights.layers === 2) {
    const index = c.layer === 'weights' ? c.index : 0;
    return { cursor: { layer: 'weights', index: clamp(index + step, 0, weights.weights.length - 1) } };
  }
  const inputs = weights.weights_0_1.length;
  const hidden = weights.weights_1_2.length;
  // Rows 0..inputs-1 are weights_0_1's lamps; row `inputs` is weights_1_2.
  let row = c.layer === 'weights_0_1' ? c.row : c.layer === 'weights_1_2' ? inputs : 0;
  let col = c.layer === 'weights_0_1' ? c.col : c.layer === 'weights_1_2' ? c.row : 0;
  if (direction === 'up' || direction === 'down') row = clamp(row + step, 0, inputs);
  else col = clamp(col + step, 0, hidden - 1);
  return { cursor: row === inputs ? { layer: 'weights_1_2', row: col } : { layer: 'weights_0_1', row, col } };
}

/** The cursor's weight in a net of this shape (a net reshaped by a restart keeps the cursor inside it). */
export function cursorFor(state: InspectState, weights: Weights): WeightRef {
  const c = state.cursor;
  if (weights.layers === 2) return { layer: 'weights', index: c.layer === 'weights' ? clamp(c.index, 0, weights.weights.length - 1) : 0 };
  const inputs = weights.weights_0_1.length;
  const hidden = weights.weights_1_2.length;
  if (c.layer === 'weights_1_2') return { layer: 'weights_1_2', row: clamp(c.row, 0, hidden - 1) };
  if (c.layer === 'weights_0_1') return { layer: 'weights_0_1', row: clamp(c.row, 0, inputs - 1), col: clamp(c.col, 0, hidden - 1) };
  return { layer: 'weights_0_1', row: 0, col: 0 };
}

/** The weight's name in the book's terms: "w1", "weights_0_1[2][3]", "weights_1_2[1]". */
export function weightName(ref: WeightRef): string {
  if (ref.layer === 'weights') return `w${ref.index}`;
  return ref.layer === 'weights_0_1' ? `weights_0_1[${ref.row}][${ref.col}]` : `weights_1_2[${ref.row}]`;
}

/** Everything the inspector panel shows, from the engine. */
export interface Inspection {
  readonly ref: WeightRef;
  readonly value: number;
  readonly last: LastUpdate;
  readonly next: NextUpdate | undefined;
  /** The weight at the start and after every `stride`-th completed iteration. */
  readonly path: Series;
  readonly stride: number;
  /** Iterations completed. */
  readonly iteration: number;
}

/**
 * The weight `ref`'s path: its value at the start and after every `stride`-th iteration, from the
 * trainer's weight path (engine/weightPath.ts), which every step and every live change carries on.
 */
export function weightPath(trainer: TrainerState, ref: WeightRef): Series {
  return weightSeries(trainer.path, flatIndex(trainer.weights, ref)).values;
}

export function inspection(trainer: TrainerState, log: LiveLog | undefined, state: InspectState): Inspection {
  const ref = cursorFor(state, trainer.weights);
  const segments = segmentsOf(log, trainer);
  return {
    ref,
    value: weightAt(trainer.weights, ref),
    last: lastUpdate(trainer, (k) => setupOfIteration(segments, k)),
    next: nextUpdate(trainer),
    path: weightPath(trainer, ref),
    stride: trainer.path.stride,
    iteration: trainer.iteration,
  };
}
