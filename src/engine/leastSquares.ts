/**
 * The best a single layer can do: the least-squares fit of goals by a weighted sum of input columns
 * (no bias, as the book's 2-layer net has none; a lamp that is always on plays that part).
 *
 * It answers "could any 2-layer net fit this data?" for the lamps (linear-deep's floor: the 4-row set
 * leaves a summed squared error of exactly 1, predicting 0.5 for every row) and for a hidden layer's
 * values (deep-net's hidden layer at the end leaves almost nothing). Columns are orthogonalised by
 * modified Gram-Schmidt, twice over for accuracy; a column that adds no new direction (a dead relu
 * node, a copy of another lamp) is skipped, so rank-deficient data is fine. The fit's predictions are
 * unique even when the weights are not, so only they and the error are returned.
 */
import type { Matrix, TrainingSetup, Vector } from './types.js';

export interface LeastSquares {
  /** Σ (goal - prediction)² over the rows: the lowest summed error any single layer reaches. */
  readonly error: number;
  /** The best single layer's prediction for each row. */
  readonly predictions: Vector;
}

/** Relative size below which a column's new direction is taken as rounding noise. */
const DEPENDENT = 1e-10;

function dot(a: Vector, b: Vector): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Removes from `v` (in place) its components along the orthonormal `basis`, twice ("twice is enough"). */
function orthogonalise(v: number[], basis: readonly Vector[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dot(q, v);
      for (let i = 0; i < v.length; i++) v[i] = v[i]! - c * q[i]!;
    }
  }
}

/** `rows[r]` is one example's inputs; `goals[r]` its goal. */
export function bestSingleLayer(rows: Matrix, goals: Vector): LeastSquares {
  const width = rows[0]?.length ?? 0;
  const basis: Vector[] = [];
  for (let j = 0; j < width; j++) {
    const column = rows.map((r) => r[j]!);
    const size = Math.sqrt(dot(column, column));
    if (!(size > 0) || !Number.isFinite(size)) continue;
    orthogonalise(column, basis);
    const left = Math.sqrt(dot(column, column));
    if (left > DEPENDENT * size) basis.push(column.map((x) => x / left));
  }
  const residual = [...goals];
  orthogonalise(residual, basis);
  return { error: dot(residual, residual), predictions: goals.map((g, i) => g - residual[i]!) };
}

// Setups are never changed, so a floor once found holds for the setup's life (charts and captions ask every frame).
const floors = new WeakMap<object, number>();

/** The floor of a setup's training error for any 2-layer net: the best single layer on its lamps. */
export function singleLayerFloor(setup: Pick<TrainingSetup, 'inputs' | 'labels' | 'trainRows'>): number {
  let floor = floors.get(setup);
  if (floor === undefined) {
    floor = bestSingleLayer(
      setup.trainRows.map((r) => setup.inputs[r]!),
      setup.trainRows.map((r) => setup.labels[r]!),
    ).error;
    floors.set(setup, floor);
  }
  return floor;
}
