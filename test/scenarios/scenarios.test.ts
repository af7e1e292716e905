/**
 * The built-in scenarios are the spec's table, as data; the schema accepts them unchanged; setups
 * built from scenarios and overrides start from numpy's very weights; user files of any size load.
 */
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { listScenarios, loadScenarioFile, parseScenario, resolveScenario } from '../../src/scenarios/loader.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { expectExact, flat, setupOf, TRAINING, type TrainingCase } from '../engine/fixtures.js';

const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);
const IDS = [
  'dimmer-lights',
  'single-light',
  'whole-dataset',
  'full-gd',
  'batch-gd',
  'overfit',
  'conflicting-pressure',
  'no-correlation',
  'linear-deep',
  'attribution',
  'one-iteration',
  'deep-net',
];

describe('built-in scenario files', () => {
  const files = readdirSync(SCENARIOS_DIR).filter((f) => f.endsWith('.json')).sort();

  it('are the twelve ids of the spec, one file each, listed in the chapter’s order', () => {
    expect(files).toEqual([...IDS].sort().map((id) => `${id}.json`));
    expect(BUILT_INS.map((s) => s.id)).toEqual(IDS);
  });

  it.each(IDS)('%s: the schema accepts it as it is (nothing left to defaults), and it is what BUILT_INS holds', (id) => {
    const raw = JSON.parse(readFileSync(new URL(`${id}.json`, SCENARIOS_DIR), 'utf8'));
    expect(raw.id).toBe(id);
    expect(scenarioSchema.parse(raw)).toEqual(raw);
    expect(findBuiltIn(id)).toEqual({ ...raw, source: 'built-in' });
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

  it('the schema fills in the defaults', async () => {
    const s = await parseScenario(JSON.stringify({ title: 't', data: { inputs: [[1]], labels: [1] }, network: { layers: 3 }, training: { alpha: 0.1, iterations: 1 } }), 'x.json');
    expect(s).toMatchObject({ id: 'x', summary: '', network: { hidden: 4, activation: 'relu', seed: 1 }, training: { mode: 'sgd', batchSize: 2 }, focus: 'lights' });
  });

  it('accepts a UTF-8 byte-order mark, as some editors write one', async () => {
    const text = readFileSync('test/fixtures/user-5x6.json', 'utf8');
    expect((await parseScenario(`\uFEFF${text}`, 'bom.json')).id).toBe('five-lamps');
  });

  it.each([
    [{ network: { layers: '3' } }, 'x.json: network.layers: expected 2 or 3, got "3"'],
    [{ network: { layers: 3, activation: 'tanh' } }, 'x.json: network.activation: expected "relu" or "linear", got "tanh"'],
    [{ training: { alpha: 0.1, iterations: 0 } }, 'x.json: training.iterations: expected at least 1, got 0'],
    [{ data: { inputs: [[1]], labels: [1], train: [] } }, 'x.json: data.train: expected at least one training row, got an array of 0 items'],
    [{ data: { inputs: [[1], [0]], labels: [1, 0], train: [2] } }, 'x.json: data.train[0]: expected a row index below 2, got 2'],
    [{ network: { layers: 2, weights: [1, 2] } }, 'x.json: network.weights: expected one weight per input (1), got 2'],
  ])('explains %j in one line', async (change, message) => {
    const base = { title: 't', data: { inputs: [[1]], labels: [1] }, network: { layers: 3 }, training: { alpha: 0.1, iterations: 1 } };
    const text = JSON.stringify({ ...base, ...change });
    await expect(parseScenario(text, 'x.json')).rejects.toThrow(new UsageError(message));
  });

  describe('given 3-layer weights: weights_0_1 (inputs × hidden) and weights_1_2 (hidden × 1)', () => {
    const deep = (network: object) =>
      JSON.stringify({ title: 't', data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] }, network: { layers: 3, ...network }, training: { alpha: 0.1, iterations: 1 } });
    const w01 = [[0.5, -0.25, 1], [0.75, 0.5, -1]];
    const w12 = [[1], [0.5], [-1]];

    it('start the run, in numpy’s shapes, and fix the number of hidden nodes', async () => {
      const setup = buildSetup(await parseScenario(deep({ weights_0_1: w01, weights_1_2: w12 }), 'x.json'));
      expect(setup.initialWeights).toEqual({ layers: 3, weights_0_1: w01, weights_1_2: w12 });
    });

    it.each([
      [{ weights_0_1: w01 }, 'x.json: network.weights_1_2: expected weights_0_1 and weights_1_2 together (or neither, to draw them from seed)'],
      [{ weights_0_1: [w01[0]], weights_1_2: w12 }, 'x.json: network.weights_0_1: expected 2 rows (one per input) of 3 numbers (one per hidden node), got 1 row'],
      [{ weights_0_1: [[1, 2], [1, 2, 3]], weights_1_2: w12 }, 'x.json: network.weights_0_1: expected 2 rows (one per input) of 2 numbers (one per hidden node), got rows of 2, 3 numbers'],
      [{ weights_0_1: w01, weights_1_2: [1, 0.5, -1] }, 'x.json: network.weights_1_2[0]: expected an array [ … ], got 1'],
      [{ weights_0_1: w01, weights_1_2: [[1], [0.5]] }, 'x.json: network.weights_1_2: expected 3 rows of one number each, like [[0.5], [-1]] (one per hidden node of weights_0_1), got 2 rows'],
      [{ weights_0_1: w01, weights_1_2: [[1], [0.5], [-1, 2]] }, 'x.json: network.weights_1_2: expected 3 rows of one number each, like [[0.5], [-1]] (one per hidden node of weights_0_1), got a row that is not one number'],
      [{ weights: [1, 2] }, 'x.json: network.weights: expected weights_0_1 and weights_1_2: weights is for 2-layer nets'],
    ])('refuse %j in one line naming the field and the shape', async (network, message) => {
      await expect(parseScenario(deep(network), 'x.json')).rejects.toThrow(new UsageError(message));
    });

    it('--seed and --hidden do not apply to them', async () => {
      const scenario = await parseScenario(deep({ weights_0_1: w01, weights_1_2: w12 }), 'x.json');
      expect(() => buildSetup(scenario, { seed: 2 })).toThrow("--seed: 'x' starts from given weights_0_1 and weights_1_2, so --seed does not apply");
      expect(() => buildSetup(scenario, { hidden: 2 })).toThrow('--hidden');
      expect(buildSetup(scenario, { alpha: 0.5, activation: 'linear' }).alpha).toBe(0.5);
    });
  });

  it('listScenarios gives the built-ins, then the valid user files, and the reasons others failed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'streetlight-list-'));
    writeFileSync(path.join(dir, 'b-mine.json'), readFileSync('test/fixtures/user-5x6.json'));
    writeFileSync(path.join(dir, 'a-broken.json'), '{');
    writeFileSync(path.join(dir, 'deep-net.json'), readFileSync('scenarios/deep-net.json'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a scenario');
    const { scenarios, problems } = await listScenarios([dir, path.join(dir, 'missing')]);
    expect(scenarios.map((s) => s.id)).toEqual([...IDS, 'five-lamps']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('a-broken.json');
  });
});
