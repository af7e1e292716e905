/**
 * The back key's memory: earlier trainer snapshots, newest last.
 *
 * Bounded in memory, not only in count: a snapshot of a large net (1000 rows, 64 lamps, 256 hidden
 * nodes) holds far more than one of the book's 4-row nets, so the number of snapshots kept is what fits
 * in HISTORY_BYTES by an estimate of one snapshot's size for the run's shape (and never more than
 * HISTORY_MAX_ENTRIES). When full, the oldest snapshots are dropped: `b` then stops there, at the
 * oldest state still held.
 */
import type { TrainerState } from '../engine/trainer.js';
import type { TrainingSetup } from '../engine/types.js';

export const HISTORY_BYTES = 64 * 1024 * 1024;
export const HISTORY_MAX_ENTRIES = 5000;

export interface History {
  readonly entries: readonly TrainerState[];
  readonly limit: number;
}

/** A generous estimate of one snapshot's own memory: the arrays a step allocates anew. */
export function snapshotBytes(setup: TrainingSetup): number {
  const w = setup.initialWeights;
  const weightCount = w.layers === 2 ? w.weights.length : w.weights_0_1.length * (w.weights_0_1[0]?.length ?? 0) + w.weights_1_2.length;
  const hidden = w.layers === 3 ? w.weights_1_2.length : 0;
  const rows = w.layers === 3 ? w.weights_0_1.length + 1 : 1;
  // Numbers are 8 bytes; each JS array adds a header. A step copies the predictions, and may hold new
  // weights, a row's weight deltas and the batch's pending sums (three weight-shaped sets), and a trace.
  return 8 * (setup.inputs.length + 3 * weightCount + 4 * hidden) + 64 * (3 * rows + 8) + 512;
}

export function emptyHistory(setup: TrainingSetup): History {
  const limit = Math.max(1, Math.min(HISTORY_MAX_ENTRIES, Math.floor(HISTORY_BYTES / snapshotBytes(setup))));
  return { entries: [], limit };
}

export function pushHistory(h: History, state: TrainerState): History {
  const kept = h.entries.length >= h.limit ? h.entries.slice(h.entries.length - h.limit + 1) : h.entries;
  return { ...h, entries: [...kept, state] };
}

/** The newest snapshot and the history without it; undefined when empty. */
export function popHistory(h: History): { state: TrainerState; history: History } | undefined {
  const state = h.entries[h.entries.length - 1];
  if (!state) return undefined;
  return { state, history: { ...h, entries: h.entries.slice(0, -1) } };
}
