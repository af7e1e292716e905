/**
 * The rules of one iteration that the stepwise trainer and the kernel must agree on, written once:
 * how many rows go into one weight update, where a batch closes, and how the held-out error is summed.
 */
import type { TrainingSetup } from './types.js';

/** Rows per weight update: 1 for sgd, the batch size for batch, all training rows for full. */
export function rowsPerUpdate(setup: TrainingSetup): number {
  if (setup.mode === 'sgd') return 1;
  if (setup.mode === 'full') return setup.trainRows.length;
  return Math.max(1, Math.min(setup.batchSize, setup.trainRows.length));
}

/** Whether the update waits no longer after training row `position` (0-based, in training order):
 * a batch closes after `size` rows or at the last training row (a short last batch). */
export function closesBatch(position: number, size: number, rowCount: number): boolean {
  return (position + 1) % size === 0 || position === rowCount - 1;
}

/**
 * The held-out rows' summed error, `(goal - prediction)²` added in row order, where `predict(row)`
 * is the row's prediction with the weights after the iteration (each caller has its own forward pass).
 */
export function heldOutError(setup: TrainingSetup, predict: (row: number) => number): number {
  let sum = 0;
  for (const row of setup.heldOutRows) {
    const goal = setup.labels[row]!;
    const prediction = predict(row);
    sum += (goal - prediction) * (goal - prediction);
  }
  return sum;
}
