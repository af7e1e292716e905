/**
 * The "intermediate dataset": what a 3-layer net's hidden layer makes of every training row, and how
 * each lamp and each hidden node goes with the goal. The chapter's point is that in the 4-row set no
 * lamp correlates with WALK, while the hidden layer, once trained, does: its nodes switch on for some
 * rows only ("sometimes correlation"), and a single layer on top of them can fit what no single layer
 * on the lamps can (compare the two floors).
 */
import { bestSingleLayer } from './leastSquares.js';
import { forward } from './network.js';
import type { Matrix, TrainingSetup, Vector, Weights } from './types.js';

/**
 * Pearson's correlation of two columns, from -1 to 1. Undefined when either column never changes
 * (zero variance): a lamp that is on in every row, or a hidden node relu keeps off, neither goes
 * with nor against the goal, and 0 would wrongly suggest it was measured. The screen shows it as "—".
 */
export function pearson(x: Vector, y: Vector): number | undefined {
  const n = x.length;
  if (n === 0 || y.length !== n) return undefined;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!(sxx > 0) || !(syy > 0)) return undefined;
  // Rounding can carry |r| a hair past 1 for perfectly (anti-)correlated columns.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export interface IntermediateDataset {
  /** The training rows, in training order (indices into the dataset). */
  readonly rows: readonly number[];
  /** The goal of each row (WALK = 1, STOP = 0). */
  readonly goals: Vector;
  /** Each row's hidden layer after the activation (`layer_1`), one value per hidden node. */
  readonly hidden: Matrix;
  /** Pearson's r of each lamp with the goal, over the rows; undefined where the lamp never changes. */
  readonly lampCorrelation: readonly (number | undefined)[];
  /** Pearson's r of each hidden node with the goal; undefined where the node never changes. */
  readonly hiddenCorrelation: readonly (number | undefined)[];
  /** The lowest summed squared error a single layer reaches on the lamps (what any 2-layer net can do). */
  readonly lampFloor: number;
  /** The same on the hidden values: what the best weights_1_2 for this weights_0_1 could do. */
  readonly hiddenFloor: number;
}

function column(m: Matrix, j: number): number[] {
  return m.map((r) => r[j]!);
}

/** The intermediate dataset of a 3-layer net at the given weights, over the setup's training rows. */
export function intermediateDataset(setup: TrainingSetup, weights: Extract<Weights, { layers: 3 }>): IntermediateDataset {
  const rows = setup.trainRows;
  const lamps = rows.map((r) => setup.inputs[r]!);
  const goals = rows.map((r) => setup.labels[r]!);
  const hidden = lamps.map((x) => forward(weights, x, setup.activation).hidden!);
  const width = lamps[0]?.length ?? 0;
  return {
    rows,
    goals,
    hidden,
    lampCorrelation: Array.from({ length: width }, (_, j) => pearson(column(lamps, j), goals)),
    hiddenCorrelation: weights.weights_1_2.map((_, j) => pearson(column(hidden, j), goals)),
    lampFloor: bestSingleLayer(lamps, goals).error,
    hiddenFloor: bestSingleLayer(hidden, goals).error,
  };
}
