/** The pressure table and the equivalent single layer, against examples worked by hand (exact binary values). */
import { describe, expect, it } from 'vitest';
import { activationSlope, equivalentSingleLayer, forward, relu } from '../../src/engine/network.js';
import { bookPressure, isWalk, lampIsOn, pressureTable, push, pushKind } from '../../src/engine/pressure.js';
import { initialState, stepIteration, stepRow } from '../../src/engine/trainer.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';

const SIX = [[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1], [0, 1, 1], [1, 0, 1]];

function setupWith(inputs: number[][], labels: number[], initialWeights: Weights): TrainingSetup {
  return {
    inputs,
    labels,
    trainRows: inputs.map((_, i) => i),
    heldOutRows: [],
    activation: 'relu',
    alpha: 0.1,
    iterations: 1,
    mode: 'sgd',
    batchSize: 1,
    initialWeights,
  };
}

describe('push', () => {
  it('an example raises a weight when input * delta < 0, lowers it when > 0, and a dark lamp never moves it', () => {
    expect(push(1, -0.5)).toBe('+');
    expect(push(1, 0.5)).toBe('-');
    expect(push(0.5, -2)).toBe('+');
    expect(push(0, 0.5)).toBe('0');
    expect(push(0, -0.5)).toBe('0');
    expect(push(1, 0)).toBe('0');
  });
});

describe('bookPressure: the chapter’s table, from the lamps and the goals', () => {
  const marks = (id: string) => bookPressure(buildSetup(findBuiltIn(id)!)).rows.map((r) => r.marks.join(' '));

  it('whole-dataset (and conflicting-pressure) is the book’s table, with its counts', () => {
    for (const id of ['whole-dataset', 'conflicting-pressure']) {
      expect(marks(id)).toEqual(['- 0 -', '0 + +', '0 0 -', '+ + +', '0 + +', '- 0 -']);
      expect(bookPressure(buildSetup(findBuiltIn(id)!)).counts).toEqual([
        { up: 1, down: 2, none: 3 },
        { up: 3, down: 0, none: 3 },
        { up: 3, down: 3, none: 0 },
      ]);
    }
  });

  it('does not depend on the weights: the same at the start and the end of training', () => {
    const setup = buildSetup(findBuiltIn('whole-dataset')!);
    const end = { ...setup, initialWeights: stepIteration(stepIteration(initialState(setup))).weights };
    expect(bookPressure(end)).toEqual(bookPressure(setup));
  });

  it('no-correlation: every lamp is pushed up as often as down (the book’s “no correlation”)', () => {
    expect(marks('no-correlation')).toEqual(['+ 0 +', '0 + +', '0 0 -', '- - -']);
    expect(bookPressure(buildSetup(findBuiltIn('no-correlation')!)).counts).toEqual([
      { up: 1, down: 1, none: 2 },
      { up: 1, down: 1, none: 2 },
      { up: 2, down: 2, none: 0 },
    ]);
  });

  it('only the training rows: overfit trains on row 0', () => {
    expect(bookPressure(buildSetup(findBuiltIn('overfit')!)).rows).toEqual([{ row: 0, marks: ['-', '0', '-'] }]);
  });

  it('a dimmed lamp is on however dim (> 0); 0 and below are off; a goal of 0.5 or more is WALK', () => {
    const t = bookPressure({ inputs: [[0.1, 0, -0.5], [0.9, 1e-300, 0]], labels: [0.5, 0.49], trainRows: [0, 1] });
    expect(t.rows.map((r) => r.marks.join(' '))).toEqual(['+ 0 0', '- - 0']);
    expect(t.counts).toEqual([{ up: 1, down: 1, none: 0 }, { up: 0, down: 1, none: 1 }, { up: 0, down: 0, none: 2 }]);
    expect([lampIsOn(0.1), lampIsOn(0), lampIsOn(-0), lampIsOn(-1)]).toEqual([true, false, false, false]);
    expect([isWalk(1), isWalk(0.5), isWalk(0.4999), isWalk(0)]).toEqual([true, true, false, false]);
  });
});

describe('pushKind: "lamp off" and "delta exactly 0" are different answers', () => {
  it('names why a cell does not push', () => {
    expect([pushKind(1, -0.5), pushKind(1, 0.5), pushKind(0, 0.5), pushKind(1, 0), pushKind(1, -0)]).toEqual(['up', 'down', 'off', 'still', 'still']);
    expect([pushKind(1, NaN), pushKind(0, NaN), pushKind(NaN, 1)]).toEqual(['unknown', 'unknown', 'unknown']);
    // The one-glyph view keeps showing both as 0.
    expect([push(0, 0.5), push(1, 0)]).toEqual(['0', '0']);
  });

  it('overfit at the book’s equilibrium [0.5, 0.48, -0.5]: row 0 is predicted perfectly, so its lit lamps are still, not off', () => {
    const setup = buildSetup(findBuiltIn('overfit')!);
    const table = pressureTable(setup, { layers: 2, weights: [0.5, 0.48, -0.5] });
    expect(table.rows[0]!.kinds).toEqual(['still', 'off', 'still']);
  });
});

describe('pressureTable at the weights before an update: the pushes that update applied', () => {
  it('full mode: the update moves each weight by alpha × net ÷ rows, to the last bit', () => {
    const setup = buildSetup(findBuiltIn('full-gd')!);
    const after = stepIteration(initialState(setup));
    const table = pressureTable(setup, after.previousWeights);
    const before = after.previousWeights.layers === 2 ? after.previousWeights.weights : [];
    const moved = after.weights.layers === 2 ? after.weights.weights : [];
    expect(moved).toEqual(before.map((w, i) => w + setup.alpha * (table.net[i]! / 6)));
  });

  it('sgd: the row just trained pushed by its own amount × alpha', () => {
    const setup = buildSetup(findBuiltIn('whole-dataset')!);
    const table = pressureTable(setup, setup.initialWeights, { rows: [0] });
    expect(table.rows.map((r) => r.row)).toEqual([0]);
    // Row 0 at [0.5, 0.48, -0.7]: prediction -0.2 (to rounding), too low, so its lit lamps push up.
    expect(table.rows[0]!.kinds).toEqual(['up', 'off', 'up']);
    const after = stepRow(initialState(setup));
    const w = after.weights.layers === 2 ? after.weights.weights : [];
    expect(w).toEqual([0.5, 0.48, -0.7].map((x, i) => x + setup.alpha * table.rows[0]!.amounts[i]!));
  });

  it('conflicting-pressure at its start: the current weights push w2 up in every row (the book’s table does not)', () => {
    const setup = buildSetup(findBuiltIn('conflicting-pressure')!);
    const table = pressureTable(setup, setup.initialWeights);
    expect(table.rows.map((r) => r.pushes[2])).toEqual(['+', '+', '+', '+', '+', '+']);
    expect(bookPressure(setup).rows.map((r) => r.marks[2])).toEqual(['-', '+', '-', '+', '+', '-']);
  });
});

describe('pressureTable, 2-layer', () => {
  // weights [1, 0, 0.5] on the six street lights, by hand (delta = prediction - goal):
  //   row 0 [1,0,1]→0: prediction 1.5, delta  1.5 →  -  0  -
  //   row 1 [0,1,1]→1: prediction 0.5, delta -0.5 →  0  +  +
  //   row 2 [0,0,1]→0: prediction 0.5, delta  0.5 →  0  0  -
  //   row 3 [1,1,1]→1: prediction 1.5, delta  0.5 →  -  -  -
  //   row 4 [0,1,1]→1: prediction 0.5, delta -0.5 →  0  +  +
  //   row 5 [1,0,1]→0: prediction 1.5, delta  1.5 →  -  0  -
  // net = -Σ input * delta: -(1.5 + 0.5 + 1.5) = -3.5; -(-0.5 + 0.5 - 0.5) = 0.5; -(1.5 - 0.5 + 0.5 + 0.5 - 0.5 + 1.5) = -3
  const table = pressureTable(setupWith(SIX, [0, 1, 0, 1, 1, 0], { layers: 2, weights: [1, 0, 0.5] }), { layers: 2, weights: [1, 0, 0.5] });

  it('has a row of pushes per example', () => {
    expect(table.target).toBe('weights');
    expect(table.rows.map((r) => r.row)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(table.rows.map((r) => r.pushes.join(' '))).toEqual(['- 0 -', '0 + +', '0 0 -', '- - -', '0 + +', '- 0 -']);
  });

  it('sums the pressure per weight', () => {
    expect(table.net).toEqual([-3.5, 0.5, -3]);
  });

  it('the right-hand weight gets conflicting pressure', () => {
    const right = table.rows.map((r) => r.pushes[2]);
    expect(right).toContain('+');
    expect(right).toContain('-');
  });

  it('uses only the training rows', () => {
    const setup = { ...setupWith(SIX, [0, 1, 0, 1, 1, 0], { layers: 2, weights: [1, 0, 0.5] }), trainRows: [1, 3], heldOutRows: [0, 2, 4, 5] };
    const t = pressureTable(setup, { layers: 2, weights: [1, 0, 0.5] });
    expect(t.rows.map((r) => [r.row, r.pushes.join(' ')])).toEqual([[1, '0 + +'], [3, '- - -']]);
    expect(t.net).toEqual([-0.5, 0, 0]);
  });
});

describe('pressureTable, 3-layer', () => {
  // weights_0_1 [[1, -1], [0.5, 0.5]], weights_1_2 [[1], [2]], relu:
  //   [1, 0]→0: hidden raw [1, -1] → relu [1, 0]; prediction 1;   delta  1   → pushes on weights_1_2:  -  0 (node off)
  //   [0, 1]→2: hidden [0.5, 0.5];               prediction 1.5; delta -0.5 → pushes:                 +  +
  // net = -Σ hidden * delta: -(1 - 0.25) = -0.75; -(0 - 0.25) = 0.25
  const weights: Weights = { layers: 3, weights_0_1: [[1, -1], [0.5, 0.5]], weights_1_2: [[1], [2]] };
  const table = pressureTable(setupWith([[1, 0], [0, 1]], [0, 2], weights), weights);

  it('is about weights_1_2, fed by the hidden values', () => {
    expect(table.target).toBe('weights_1_2');
    expect(table.rows.map((r) => r.pushes.join(' '))).toEqual(['- 0', '+ +']);
    expect(table.net).toEqual([-0.75, 0.25]);
  });
});

describe('equivalentSingleLayer', () => {
  it('is weights_0_1 · weights_1_2', () => {
    // [1·2 + 2·0.25, 3·2 + 4·0.25, 0.5·2 + (-1)·0.25] = [2.5, 7, 0.75]
    const w: Weights = { layers: 3, weights_0_1: [[1, 2], [3, 4], [0.5, -1]], weights_1_2: [[2], [0.25]] };
    expect(equivalentSingleLayer(w)).toEqual([2.5, 7, 0.75]);
  });

  it('predicts what the linear 3-layer net predicts', () => {
    const w: Weights = { layers: 3, weights_0_1: [[1, 2], [3, 4], [0.5, -1]], weights_1_2: [[2], [0.25]] };
    const single = equivalentSingleLayer(w);
    for (const input of SIX) {
      const direct = input.reduce((s, x, i) => s + x * single[i]!, 0);
      expect(forward(w, input, 'linear').prediction).toBe(direct);
    }
  });

  it('is the weights themselves for a 2-layer net', () => {
    expect(equivalentSingleLayer({ layers: 2, weights: [0.5, 0.48, -0.7] })).toEqual([0.5, 0.48, -0.7]);
  });
});

describe('relu', () => {
  it('passes positives, zeroes the rest (never -0), and passes deltas only through nodes that fired', () => {
    expect([relu(2), relu(-2), Object.is(relu(-0), 0), relu(0)]).toEqual([2, 0, true, 0]);
    expect([activationSlope('relu', 0.1), activationSlope('relu', 0), activationSlope('linear', -3)]).toEqual([1, 0, 1]);
  });
});
