/** The intermediate dataset: hidden values, correlations with the goal, and single-layer floors, against numpy. */
import { describe, expect, it } from 'vitest';
import { intermediateDataset, pearson } from '../../src/engine/correlation.js';
import { bestSingleLayer, singleLayerFloor } from '../../src/engine/leastSquares.js';
import type { Weights } from '../../src/engine/types.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { expectExact, TRAINING, toWeights, type Intermediate } from './fixtures.js';

const FOUR = [[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1]];
const FOUR_GOALS = [1, 1, 0, 0];

describe('pearson', () => {
  it('is 1 for columns that rise together, -1 for opposite ones, and in between otherwise', () => {
    expect(pearson([0, 1, 2], [0, 2, 4])).toBe(1);
    expect(pearson([0, 1, 2], [4, 2, 0])).toBe(-1);
    expect(pearson([1, 0, 0, 1], [1, 1, 0, 0])).toBe(0);
    // By hand: x = [1, 0, 0, 0], y = [1, 1, 0, 0]: sxy = 0.25, sxx = 0.75, syy = 1 → 0.25 / √0.75 = 1/√3.
    expect(pearson([1, 0, 0, 0], [1, 1, 0, 0])).toBeCloseTo(1 / Math.sqrt(3), 15);
  });

  it('is undefined where a column never changes (a lamp always on, a node relu keeps off), or the lengths differ', () => {
    expect(pearson([1, 1, 1, 1], FOUR_GOALS)).toBeUndefined();
    expect(pearson([0, 0, 0, 0], FOUR_GOALS)).toBeUndefined();
    expect(pearson([1, 0, 1, 0], [1, 1, 1, 1])).toBeUndefined();
    expect(pearson([1, 0], [1, 0, 1])).toBeUndefined();
    expect(pearson([], [])).toBeUndefined();
  });
});

describe('bestSingleLayer: the least-squares floor of any 2-layer net', () => {
  it('on the 4-row set leaves exactly 1 (to rounding), predicting 0.5 for every row', () => {
    const fit = bestSingleLayer(FOUR, FOUR_GOALS);
    expect(fit.error).toBeCloseTo(1, 14);
    for (const p of fit.predictions) expect(p).toBeCloseTo(0.5, 14);
  });

  it('fits perfectly what a weighted sum can express, and skips columns that add nothing', () => {
    // goals = 2·col0 - col1; col2 copies col0 and col3 is dead (all 0).
    const rows = [[1, 0, 1, 0], [0, 1, 0, 0], [1, 1, 1, 0], [2, 0, 2, 0]];
    const fit = bestSingleLayer(rows, [2, -1, 1, 4]);
    expect(fit.error).toBeLessThan(1e-25);
    fit.predictions.forEach((p, i) => expect(p).toBeCloseTo([2, -1, 1, 4][i]!, 14));
  });

  it('singleLayerFloor: linear-deep and no-correlation cannot go below 1.0; whole-dataset can reach 0', () => {
    for (const id of ['linear-deep', 'no-correlation', 'deep-net']) expect(singleLayerFloor(buildSetup(findBuiltIn(id)!))).toBeCloseTo(1, 14);
    expect(singleLayerFloor(buildSetup(findBuiltIn('whole-dataset')!))).toBeLessThan(1e-28);
    // overfit trains on row 0 alone, which one layer fits exactly.
    expect(singleLayerFloor(buildSetup(findBuiltIn('overfit')!))).toBe(0);
  });

  it('with no usable column the floor is the goals’ own sum of squares', () => {
    expect(bestSingleLayer([[0], [0]], [1, 2]).error).toBe(5);
    expect(bestSingleLayer([], []).error).toBe(0);
  });

  it('the six street lights: the middle lamp alone explains WALK, so the floor is 0', () => {
    const six = findBuiltIn('whole-dataset')!.data;
    expect(bestSingleLayer(six.inputs, six.labels).error).toBeLessThan(1e-28);
  });
});

function expectLike(actual: readonly (number | undefined)[], expected: readonly (number | null)[], what: string): void {
  expect(actual.map((v) => v === undefined), `${what}: which are undefined`).toEqual(expected.map((v) => v === null));
  actual.forEach((v, i) => {
    if (v !== undefined) expect(Math.abs(v - expected[i]!), `${what}[${i}]`).toBeLessThan(1e-12);
  });
}

describe('intermediateDataset against numpy, at the start and the end of training', () => {
  const cases = ['deep-net', 'linear-deep', 'one-iteration', 'attribution'].flatMap((id) => (['start', 'end'] as const).map((when) => [id, when] as const));

  it.each(cases)('%s at the %s', (id, when) => {
    const c = TRAINING[id]!;
    const f: Intermediate = c.intermediate![when];
    const weights = toWeights(when === 'start' ? c.init : c.weights.at(-1)!) as Extract<Weights, { layers: 3 }>;
    const d = intermediateDataset(buildSetup(findBuiltIn(id)!), weights);
    expect(d.rows).toEqual(c.train);
    expect(d.goals).toEqual(c.labels);
    expectExact(d.hidden.flat(), f.hidden.flat(), 'hidden');
    expectLike(d.lampCorrelation, f.lamp_correlation, 'lamp correlation');
    expectLike(d.hiddenCorrelation, f.hidden_correlation, 'hidden correlation');
    expect(Math.abs(d.lampFloor - f.lamp_floor)).toBeLessThan(1e-12);
    expect(Math.abs(d.hiddenFloor - f.hidden_floor)).toBeLessThan(1e-12);
  });

  it('at the end of deep-net no lamp correlates with WALK, while two hidden nodes do and the hidden layer can fit it', () => {
    const c = TRAINING['deep-net']!;
    const d = intermediateDataset(buildSetup(findBuiltIn('deep-net')!), toWeights(c.weights.at(-1)!) as Extract<Weights, { layers: 3 }>);
    // Lamps 0 and 1: r = 0; lamp 2 is on in every row (undefined).
    expect(d.lampCorrelation.map((r) => (r === undefined ? '—' : r.toFixed(2)))).toEqual(['0.00', '0.00', '—']);
    // h1 fires for row 0 only, h3 for rows 1 and (barely) 2; h0 and h2 are off for every row.
    expect(d.hiddenCorrelation.map((r) => (r === undefined ? '—' : r.toFixed(2)))).toEqual(['—', '0.58', '—', '0.58']);
    expect(d.lampFloor.toFixed(6)).toBe('1.000000');
    expect(d.hiddenFloor).toBeLessThan(1e-5);
  });

  it('linear-deep: the hidden nodes are sums of lamps, so none correlates and the hidden floor is the lamps’ 1.0', () => {
    const c = TRAINING['linear-deep']!;
    const d = intermediateDataset(buildSetup(findBuiltIn('linear-deep')!), toWeights(c.weights.at(-1)!) as Extract<Weights, { layers: 3 }>);
    for (const r of d.hiddenCorrelation) expect(Math.abs(r!)).toBeLessThan(1e-12);
    expect(d.hiddenFloor).toBeCloseTo(1, 12);
  });
});
