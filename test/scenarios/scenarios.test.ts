/**
 * The built-in scenarios are the spec's table, as data; the schema accepts them unchanged; setups
 * built from scenarios and overrides start from numpy's very weights; user files of any size load.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { loadScenarioFile, parseScenario, resolveScenario } from '../../src/scenarios/loader.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { expectExact, flat, setupOf, TRAINING, type TrainingCase } from '../engine/fixtures.js';

const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
/** The spec's scenario table, in its order. */
const IDS = [
  'single-light',
  'whole-dataset',
  'full-gd',
  'batch-gd',
  'overfit',
  'conflicting-pressure',
  'no-correlation',
  'linear-deep',
  'deep-net',
  'one-iteration',
  'attribution',
  'dimmer-lights',
];

describe('built-in scenario files', () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();

  it('are the twelve ids of the spec, one file each, listed in the chapter’s order', () => {
    expect(files).toEqual([...IDS].sort().map((id) => `${id}.json`));
    expect(BUILT_INS.map((s) => s.id)).toEqual(IDS);
  });

  it.each(IDS)('%s: loads as a user file would, to exactly what BUILT_INS holds', async (id) => {
    const text = readFileSync(new URL(`${id}.json`, SCENARIOS_DIR), 'utf8');
    const raw = JSON.parse(text);
    expect(raw.id).toBe(id);
    expect(raw.$schema).toBe('./scenario.schema.json');
    expect({ ...(await parseScenario(text, `${id}.json`)), source: 'built-in' }).toEqual(findBuiltIn(id));
  });

  it.each(IDS)('%s: carries no field that does not apply to it', (id) => {
    const raw = JSON.parse(readFileSync(new URL(`${id}.json`, SCENARIOS_DIR), 'utf8'));
    const n = raw.network;
    if (n.layers === 2) expect(Object.keys(n).filter((k) => !['layers', 'weights', ...(n.weights ? [] : ['seed'])].includes(k))).toEqual([]);
    if (n.layers === 3 && n.weights_0_1) expect(n.seed ?? n.hidden).toBeUndefined();
    if (raw.training.mode !== 'batch') expect(raw.training.batchSize).toBeUndefined();
    if (raw.log.format !== 'error-every') expect(raw.log.every).toBeUndefined();
  });
});

/** The setup a case describes, field by field, against the setup built from a scenario. */
function expectSetupOf(c: TrainingCase, setup: ReturnType<typeof buildSetup>): void {
  const expected = setupOf(c);
  expect({ ...setup, initialWeights: undefined, batchSize: setup.mode === 'batch' ? setup.batchSize : 0 }).toEqual({
    ...expected,
    initialWeights: undefined,
    batchSize: expected.mode === 'batch' ? expected.batchSize : 0,
  });
  // numpy drew these from the seed (3-layer nets) or the spec gives them (2-layer nets).
  expectExact(flat(setup.initialWeights), flat(c.init), 'initial weights');
  expect(setup.initialWeights.layers).toBe(c.layers);
}

describe('setups from the built-ins match the spec’s table', () => {
  it.each(IDS)('%s', (id) => {
    expectSetupOf(TRAINING[id]!, buildSetup(findBuiltIn(id)!));
  });

  it('deep-net starts from the notebook’s np.random.seed(1) weights, weights_0_1 drawn first', () => {
    const w = buildSetup(findBuiltIn('deep-net')!).initialWeights;
    expect(w.layers === 3 && [w.weights_0_1.length, w.weights_0_1[0]!.length, w.weights_1_2.length, w.weights_1_2[0]!.length]).toEqual([3, 4, 4, 1]);
  });
});

describe('overrides', () => {
  const overrides: Record<string, Parameters<typeof buildSetup>[1]> = {
    'whole-dataset --alpha 0.5': { alpha: 0.5 },
    'whole-dataset --mode batch --batch-size 4': { mode: 'batch', batchSize: 4 },
    'deep-net --seed 2': { seed: 2 },
    'deep-net --hidden 6': { hidden: 6 },
    'deep-net --activation linear': { activation: 'linear' },
    'deep-net --mode full': { mode: 'full' },
    'overfit --mode full --iterations 30': { mode: 'full', iterations: 30 },
  };
  it.each(Object.entries(overrides))('%s', (name, o) => {
    expectSetupOf(TRAINING[name]!, buildSetup(findBuiltIn(name.split(' ')[0]!)!, o));
  });

  it.each([
    ['--hidden', { hidden: 6 }],
    ['--activation', { activation: 'linear' as const }],
    ['--seed', { seed: 2 }],
  ])('%s on a 2-layer scenario with given weights is a usage error', (option, o) => {
    expect(() => buildSetup(findBuiltIn('whole-dataset')!, o)).toThrow(UsageError);
    expect(() => buildSetup(findBuiltIn('whole-dataset')!, o)).toThrow(option);
  });
});

describe('user scenario files', () => {
  it.each(['user-5x6.json', 'user-2layer.json'])('%s loads and starts from numpy’s draws', async (name) => {
    const scenario = await loadScenarioFile(`test/fixtures/${name}`);
    expect(scenario.source).toBe(`test/fixtures/${name}`);
    expectSetupOf(TRAINING[name]!, buildSetup(scenario));
  });

  it('the id defaults to the file name', async () => {
    expect((await loadScenarioFile('test/fixtures/user-2layer.json')).id).toBe('user-2layer');
    expect((await resolveScenario('test/fixtures/user-5x6.json')).id).toBe('five-lamps');
  });

  it('the defaults are filled in, and only where they apply', async () => {
    const deep = await parseScenario(JSON.stringify({ title: 't', data: { inputs: [[1]], labels: [1] }, network: { layers: 3 }, training: { alpha: 0.1, iterations: 1 } }), 'x.json');
    expect(deep).toEqual({
      id: 'x',
      title: 't',
      summary: '',
      description: '',
      data: { inputs: [[1]], labels: [1] },
      network: { layers: 3, hidden: 4, activation: 'relu', seed: 1 },
      training: { alpha: 0.1, iterations: 1, mode: 'sgd', batchSize: 2 },
      focus: 'lights',
      source: 'x.json',
    });
    const two = await parseScenario(JSON.stringify({ title: 't', data: { inputs: [[1]], labels: [1] }, network: { layers: 2, weights: [0.5] }, training: { alpha: 0.1, iterations: 1 } }), 'y.json');
    expect(two.network).toEqual({ layers: 2, weights: [0.5] });
    const drawn = await parseScenario(JSON.stringify({ title: 't', data: { inputs: [[1]], labels: [1] }, network: { layers: 2 }, training: { alpha: 0.1, iterations: 1 } }), 'z.json');
    expect(drawn.network).toEqual({ layers: 2, seed: 1 });
  });

  it('accepts a UTF-8 byte-order mark, as some editors write one', async () => {
    const text = readFileSync('test/fixtures/user-5x6.json', 'utf8');
    expect((await parseScenario(`\uFEFF${text}`, 'bom.json')).id).toBe('five-lamps');
  });

  describe('given 3-layer weights: weights_0_1 (inputs × hidden) and weights_1_2 (hidden × 1)', () => {
    const deep = (network: object) =>
      JSON.stringify({ title: 't', data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] }, network: { layers: 3, ...network }, training: { alpha: 0.1, iterations: 1 } });
    const w01 = [[0.5, -0.25, 1], [0.75, 0.5, -1]];
    const w12 = [[1], [0.5], [-1]];

    it('start the run, in numpy’s shapes, and fix the number of hidden nodes', async () => {
      const scenario = await parseScenario(deep({ weights_0_1: w01, weights_1_2: w12 }), 'x.json');
      expect(scenario.network).toEqual({ layers: 3, hidden: 3, activation: 'relu', weights_0_1: w01, weights_1_2: w12 });
      expect(buildSetup(scenario).initialWeights).toEqual({ layers: 3, weights_0_1: w01, weights_1_2: w12 });
    });

    it.each([
      [{ weights_0_1: w01 }, 'x.json: network.weights_1_2: expected weights_0_1 and weights_1_2 together (or neither, to draw them from seed)'],
      [{ weights_1_2: w12 }, 'x.json: network.weights_0_1: expected weights_0_1 and weights_1_2 together (or neither, to draw them from seed)'],
      [{ weights_0_1: [w01[0]], weights_1_2: w12 }, 'x.json: network.weights_0_1: expected 2 rows (one per input) of 3 numbers (one per hidden node), got 1 row'],
      [{ weights_0_1: [[1, 2], [1, 2, 3]], weights_1_2: w12 }, 'x.json: network.weights_0_1[1]: expected 2 numbers like row 0, got 3 (rows must all be the same length)'],
      [{ weights_0_1: w01, weights_1_2: [1, 0.5, -1] }, 'x.json: network.weights_1_2[0]: expected an array of one number, got 1'],
      [{ weights_0_1: w01, weights_1_2: [[1], [0.5]] }, 'x.json: network.weights_1_2: expected 3 rows of one number each, like [[0.5], [-1]] (one per hidden node of weights_0_1), got 2 rows'],
      [{ weights_0_1: w01, weights_1_2: [[1], [0.5], [-1, 2]] }, 'x.json: network.weights_1_2[2]: expected exactly one number, got 2'],
      [{ weights_0_1: w01, weights_1_2: w12, hidden: 4 }, 'x.json: network.hidden: expected 3 (the columns of weights_0_1) or no hidden, got 4'],
      [{ weights_0_1: w01, weights_1_2: w12, seed: 2 }, 'x.json: network.seed: does not apply: weights_0_1 and weights_1_2 give the starting weights (leave seed out)'],
      [{ weights_0_1: [[1, 'x', 3], [1, 2, 3]], weights_1_2: w12 }, 'x.json: network.weights_0_1[0][1]: expected a number, got "x"'],
      [{ weights: [1, 2] }, 'x.json: network.weights: applies to 2-layer nets only; this one has layers 3; a 3-layer net takes weights_0_1 and weights_1_2'],
    ])('refuse %j in one line naming the field and the shape', async (network, message) => {
      await expect(parseScenario(deep(network), 'x.json')).rejects.toThrow(message);
    });

    it('--seed and --hidden do not apply to them', async () => {
      const scenario = await parseScenario(deep({ weights_0_1: w01, weights_1_2: w12 }), 'x.json');
      expect(() => buildSetup(scenario, { seed: 2 })).toThrow("--seed: 'x' starts from given weights_0_1 and weights_1_2, so --seed does not apply");
      expect(() => buildSetup(scenario, { hidden: 2 })).toThrow('--hidden');
      expect(buildSetup(scenario, { alpha: 0.5, activation: 'linear' }).alpha).toBe(0.5);
    });
  });
});
