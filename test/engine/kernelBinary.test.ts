/**
 * The lit-lamps loop (kernelBinary.ts) against the stepwise trainer, bit for bit: nets big enough to take
 * it (the built-ins are too small), relu and linear, node counts that use the eight-wide sums and the
 * remainder, rows with no lamp on, and runs whose weights overflow, where the kernel must fall back.
 */
import { describe, expect, it } from 'vitest';
import { trainToEnd } from '../../src/engine/kernel.js';
import { litLamps } from '../../src/engine/kernelBinary.js';
import { initialState, stepIteration, type TrainerState } from '../../src/engine/trainer.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';
import { binarySetup, type Shape } from './fixtures.js';

function stepped(setup: TrainingSetup): TrainerState[] {
  const out: TrainerState[] = [];
  for (let s = initialState(setup); !s.done; ) out.push((s = stepIteration(s)));
  return out;
}

function kernelRun(setup: TrainingSetup) {
  const seen: { error: number; predictions: number[]; weights: Weights }[] = [];
  trainToEnd(setup, (it) => seen.push({ error: it.error, predictions: Array.from(it.predictions), weights: it.weights() }));
  return seen;
}

function expectSameAsStepping(setup: TrainingSetup): TrainerState[] {
  const reference = stepped(setup);
  expect(kernelRun(setup)).toEqual(
    reference.map((s) => ({ error: s.errors.last(), predictions: setup.trainRows.map((r) => s.predictions[r]), weights: s.weights })),
  );
  return reference;
}

const SHAPES: Shape[] = [
  { rows: 12, inputs: 6, hidden: 8, activation: 'relu', alpha: 0.05, seed: 1 },
  { rows: 9, inputs: 9, hidden: 11, activation: 'relu', alpha: 0.02, seed: 2 },
  { rows: 10, inputs: 5, hidden: 19, activation: 'linear', alpha: 0.01, seed: 3 },
  { rows: 7, inputs: 4, hidden: 4, activation: 'relu', alpha: 0.1, seed: 4 },
  { rows: 30, inputs: 20, hidden: 32, activation: 'relu', alpha: 0.01, seed: 5 },
];

describe.each(SHAPES.map((s) => [`${s.rows} rows, ${s.inputs} x ${s.hidden}, ${s.activation}`, s] as const))('%s', (_name, shape) => {
  const setup = binarySetup(shape);

  it('takes the lit-lamps loop', () => {
    expect(litLamps(setup.trainRows.map((r) => Float64Array.from(setup.inputs[r]!)), shape.hidden)).toBeDefined();
  });

  it('gives the stepwise trainer’s errors, predictions and weights after every iteration', () => {
    const reference = expectSameAsStepping(setup);
    expect(reference.at(-1)!.errors.toArray().every(Number.isFinite)).toBe(true);
  });

  it('falls back, with the same numbers, when the weights overflow', () => {
    const reference = expectSameAsStepping({ ...setup, alpha: 1e150, iterations: 6 });
    const after = reference.at(-1)!.weights as Extract<Weights, { layers: 3 }>;
    expect(after.weights_0_1.flat().some((w) => !Number.isFinite(w))).toBe(true);
  });

  it.skipIf(shape.activation !== 'relu')('falls back, with the same numbers, when only `delta * w` of a node relu switched off overflows', () => {
    // Node 0 never fires (its weights_0_1 column is all -1) and its weights_1_2 weight is near the largest
    // double: its layer_1_delta is `delta * w * 0 = Inf * 0 = NaN`, which stepping spreads into its column.
    const w = setup.initialWeights as Extract<Weights, { layers: 3 }>;
    const initialWeights: Weights = {
      layers: 3,
      weights_0_1: w.weights_0_1.map((row) => row.map((v, j) => (j === 0 ? -1 : v))),
      weights_1_2: w.weights_1_2.map(([v], j) => [j === 0 ? 1e308 : v!]),
    };
    const reference = expectSameAsStepping({ ...setup, labels: setup.labels.map(() => 10), iterations: 3, initialWeights });
    const after = reference.at(-1)!.weights as Extract<Weights, { layers: 3 }>;
    expect(after.weights_0_1.map((row) => row[0])).toEqual(after.weights_0_1.map(() => NaN));
    expect(after.weights_0_1.flatMap((row) => row.slice(1)).every(Number.isFinite)).toBe(true);
  });
});

describe('conditions', () => {
  it('a -0 among the starting weights: the general loop, the same numbers', () => {
    const setup = binarySetup(SHAPES[0]!);
    const w = setup.initialWeights as Extract<Weights, { layers: 3 }>;
    expectSameAsStepping({ ...setup, initialWeights: { ...w, weights_0_1: w.weights_0_1.map((row, i) => (i === 2 ? row.map(() => -0) : row)) } });
  });

  it('inputs other than 0 and 1 are not lit lamps', () => {
    expect(litLamps([Float64Array.of(1, 0, 0.5)], 4)).toBeUndefined();
    expect(litLamps([Float64Array.of(1, 0, -0)], 4)!.lit).toEqual(Int32Array.of(0));
  });
});
