/** The pressure table and the equivalent single layer, against examples worked by hand (exact binary values). */
import { describe, expect, it } from 'vitest';
import { activationSlope, equivalentSingleLayer, forward, relu } from '../../src/engine/network.js';
import { pressureTable, push } from '../../src/engine/pressure.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';

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
