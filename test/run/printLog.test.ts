/** The print path in-process: long runs, logs that print every n-th error across the kernel's chunks. */
import { describe, expect, it } from 'vitest';
import { trainToEnd } from '../../src/engine/kernel.js';
import { formatNumber } from '../../src/engine/pyfloat.js';
import { CHUNK_WORK, chunkIterations, jsonChunks, logChunks, printJsonLines, printLog } from '../../src/run/print.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { parseScenario } from '../../src/scenarios/loader.js';
import { buildSetup, trainingWork } from '../../src/scenarios/setup.js';
import { bigScenarioFile } from '../support/bigScenario.js';

function capture(run: (write: (chunk: string) => void) => void): { text: string; chunks: number } {
  const chunks: string[] = [];
  run((c) => chunks.push(c));
  for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
  return { text: chunks.join(''), chunks: chunks.length };
}

describe('printLog, every n-th error', () => {
  const deepNet = findBuiltIn('deep-net')!;

  it.each([
    [10, 20_000],
    [7, 9_001],
    [1, 5_000],
    [4096, 8_193],
  ])('every %i of %i iterations', (every, iterations) => {
    const scenario: Scenario = { ...deepNet, log: { format: 'error-every', every } };
    const setup = buildSetup(scenario, { iterations });
    const errors: number[] = [];
    trainToEnd(setup, (it) => errors.push(it.error));
    const expected = errors.flatMap((e, i) => ((i + 1) % every === 0 ? [`Error:${formatNumber(e, 'notebook')}\n`] : [])).join('');
    const { text, chunks } = capture((write) => printLog(scenario, setup, 'notebook', write));
    expect(text).toBe(expected);
    expect(chunks).toBeGreaterThanOrEqual(1);
  });
});

describe('printJsonLines', () => {
  it('writes one line per iteration, in chunks that end in newlines', () => {
    const setup = buildSetup(findBuiltIn('whole-dataset')!, { iterations: 20_000 }, { json: true });
    const { text, chunks } = capture((write) => printJsonLines(setup, write));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(20_000);
    expect(chunks).toBe(Math.ceil(20_000 / chunkIterations(setup, undefined, { json: true })));
    expect(chunks).toBeGreaterThan(1);
    expect(JSON.parse(lines[19_999]!).iteration).toBe(20_000);
  });
});

const bigScenario = (rows: number, lamps: number, hidden: number, iterations: number) =>
  parseScenario(JSON.stringify(bigScenarioFile(rows, lamps, hidden, iterations)), 'big.json');

describe('the log in chunks of bounded work', () => {
  const work = (scenario: Scenario, json = false) => {
    const setup = buildSetup(scenario, {}, { json });
    const { training, printing } = trainingWork(setup, scenario.log, { json });
    return { setup, perIteration: (training + printing) / setup.iterations };
  };

  it('a 1000 x 20 x 32 net: a few iterations per chunk (4,096 took seconds), every chunk whole lines', async () => {
    const scenario = await bigScenario(1000, 20, 32, 60);
    const { setup, perIteration } = work(scenario);
    const n = chunkIterations(setup, scenario.log);
    expect(n).toBe(4);
    expect(n * perIteration).toBeLessThanOrEqual(CHUNK_WORK);
    const chunks = [...logChunks(scenario, setup, 'notebook')];
    expect(chunks).toHaveLength(15);
    // deep-net's format: every 10th error.
    expect(chunks.join('').split('\n').filter(Boolean)).toHaveLength(6);
    const json = [...jsonChunks(buildSetup(scenario, {}, { json: true }))];
    expect(json.length).toBeGreaterThanOrEqual(15);
    for (const chunk of json) expect(chunk.endsWith('\n')).toBe(true);
  });

  it('a small net takes many iterations per chunk, within the same work', () => {
    const scenario = findBuiltIn('deep-net')!;
    const { setup, perIteration } = work({ ...scenario, training: { ...scenario.training, iterations: 200_000 } });
    const n = chunkIterations(setup, scenario.log);
    expect(n).toBeGreaterThan(10_000);
    expect(n * perIteration).toBeLessThanOrEqual(CHUNK_WORK);
    expect((n + 1) * perIteration).toBeGreaterThan(CHUNK_WORK);
  });

  it.each(['single-light', 'whole-dataset', 'overfit', 'deep-net'])('%s: the same text whatever the chunk size', (id) => {
    const scenario = findBuiltIn(id)!;
    const setup = buildSetup(scenario, { iterations: 1000 });
    const whole = [...logChunks(scenario, setup, 'notebook', 1000)].join('');
    for (const size of [1, 7, 999]) expect([...logChunks(scenario, setup, 'notebook', size)].join('')).toBe(whole);
    const json = [...jsonChunks(setup, 1000)].join('');
    for (const size of [1, 13]) expect([...jsonChunks(setup, size)].join('')).toBe(json);
  });
});
