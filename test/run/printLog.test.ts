/** The print path in-process: long runs, logs that print every n-th error across the kernel's chunks. */
import { describe, expect, it } from 'vitest';
import { trainToEnd } from '../../src/engine/kernel.js';
import { formatNumber } from '../../src/engine/pyfloat.js';
import { printJsonLines, printLog } from '../../src/run/print.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { buildSetup } from '../../src/scenarios/setup.js';

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
    const setup = buildSetup(findBuiltIn('whole-dataset')!, { iterations: 3000 });
    const { text, chunks } = capture((write) => printJsonLines(setup, write));
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3000);
    expect(chunks).toBeGreaterThan(1);
    expect(JSON.parse(lines[2999]!).iteration).toBe(3000);
  });
});
