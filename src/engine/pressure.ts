/**
 * The weight-pressure table: for each training example and each weight, which way that
 * example's next update would push the weight with the current weights.
 *
 * A weight moves by `-alpha * input * delta`, so an example pushes it up (`+`) when
 * `input * delta < 0`, down (`-`) when it is > 0, and not at all (`0`) when its input is 0:
 * an input that is off cannot move its weight, whatever the error. For a 3-layer net the
 * table is about `weights_1_2`, whose inputs are the hidden values.
 */
import { forward } from './network.js';
import type { TrainingSetup, Vector, Weights } from './types.js';

export type Push = '+' | '-' | '0';

export interface PressureRow {
  readonly row: number;
  readonly pushes: readonly Push[];
}

export interface PressureTable {
  /** `weights[i]` for 2-layer nets, `weights_1_2[j]` for 3-layer nets. */
  readonly target: 'weights' | 'weights_1_2';
  readonly rows: readonly PressureRow[];
  /** The summed push on each weight, `-Σ input * delta`: positive means the examples, together, raise it. */
  readonly net: Vector;
}

export function push(input: number, delta: number): Push {
  const p = -input * delta;
  // NaN (a diverged run) pushes nowhere we can name; the table shows it as no pressure.
  if (input === 0 || p === 0 || Number.isNaN(p)) return '0';
  return p > 0 ? '+' : '-';
}

export function pressureTable(setup: TrainingSetup, weights: Weights): PressureTable {
  const width = weights.layers === 2 ? weights.weights.length : weights.weights_1_2.length;
  const net = new Array<number>(width).fill(0);
  const rows = setup.trainRows.map((row) => {
    const fwd = forward(weights, setup.inputs[row]!, setup.activation);
    const delta = fwd.prediction - setup.labels[row]!;
    const feed = weights.layers === 2 ? setup.inputs[row]! : fwd.hidden!;
    feed.forEach((x, i) => {
      net[i] = net[i]! - x * delta;
    });
    return { row, pushes: feed.map((x) => push(x, delta)) };
  });
  return { target: weights.layers === 2 ? 'weights' : 'weights_1_2', rows, net };
}
