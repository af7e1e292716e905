/**
 * How much training a run to the end does at a time. Work is counted in multiply-adds: a row of a
 * 2-layer net costs its lamps, a row of a 3-layer net its weights. A slice is a few million of them
 * (5 to 20 ms here), so the screen redraws, keys are read and signals are handled between slices.
 * The budget is fixed, never measured against a clock, so a scripted run slices the same way on any
 * machine.
 */
import type { TrainerState } from '../engine/trainer.js';
import type { TrainingSetup } from '../engine/types.js';

/** Multiply-adds per slice. */
export const SLICE_OPS = 3_000_000;
/** A run to the end this small is done at once, with no slices. */
export const SYNC_RUN_OPS = 3_000_000;

export function opsPerRow(setup: TrainingSetup): number {
  const w = setup.initialWeights;
  return Math.max(1, w.layers === 2 ? w.weights.length : w.weights_0_1.length * w.weights_1_2.length + w.weights_1_2.length);
}

/** Row passes per slice for `setup` (LongRun.advance's budget). */
export function rowBudget(setup: TrainingSetup): number {
  return Math.max(1, Math.floor(SLICE_OPS / opsPerRow(setup)));
}

/** Multiply-adds left to reach the last iteration. */
export function workLeft(t: TrainerState): number {
  const rows = t.setup.trainRows.length + t.setup.heldOutRows.length;
  return (t.setup.iterations - t.iteration) * rows * opsPerRow(t.setup);
}
