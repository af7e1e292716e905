/**
 * Bad input exits 2 with one line on stderr that names the file or option, the field, and what was
 * expected, and never a stack trace. One test per case; the bad files are written to a temp folder.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempDir } from '../support/cli.js';

beforeAll(ensureBuilt);

const { dir } = tempDir('streetlight-errors-');

/** A valid 3-layer scenario, pretty-printed as people write them. */
function scenario() {
  return {
    title: 'Bad on purpose',
    data: { inputs: [[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1]], labels: [1, 1, 0, 0] },
    network: { layers: 3, hidden: 4, activation: 'relu', seed: 1 },
    training: { alpha: 0.2, iterations: 60 },
  };
}

type Scenario = ReturnType<typeof scenario>;

/** Writes a scenario changed by `edit` (or raw text) and returns its path. */
function file(name: string, edit: ((s: Scenario) => void) | string): string {
  const target = path.join(dir, name);
  let text: string;
  if (typeof edit === 'string') text = edit;
  else {
    const s = scenario();
    edit(s);
    text = JSON.stringify(s, null, 2);
  }
  writeFileSync(target, text);
  return target;
}

/** The 1-based line of the first occurrence of `needle`. */
function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** Exit 2, nothing on stdout, one line on stderr holding every fragment, and no stack trace. */
function expectUsageError(args: readonly string[], ...fragments: string[]): string {
  const run = runCli([...args]);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^streetlight-tui: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/Error:|TypeError|node:internal/);
  for (const f of fragments) expect(run.stderr).toContain(f);
  expect(run.status).toBe(2);
  return run.stderr;
}

it('a good file runs (the base of the bad ones below)', () => {
  const run = runCli([file('good.json', () => {}), '--print']);
  expect([run.status, run.stderr]).toEqual([0, '']);
});

describe('bad scenario files', () => {
  it('missing file', () => {
    const missing = path.join(dir, 'nope.json');
    expectUsageError([missing, '--print'], missing, 'no such file', 'expected');
  });

  it('a folder instead of a file', () => {
    expectUsageError([dir + path.sep, '--print'], dir, 'folder', 'expected a scenario .json file');
  });

  it('invalid JSON: cut short', () => {
    const f = file('cut.json', JSON.stringify(scenario(), null, 2).slice(0, 80));
    expectUsageError([f, '--print'], f, 'not valid JSON', 'line ', 'column ', '(data.inputs', 'expected', 'got the end of the file');
  });

  it('invalid JSON: a trailing comma', () => {
    const text = JSON.stringify(scenario(), null, 2).replace('"seed": 1', '"seed": 1,');
    const f = file('comma.json', text);
    expectUsageError([f, '--print'], f, 'not valid JSON', `line ${lineOf(text, '"seed": 1,') + 1}, column 3`, '(network)', 'expected another "property"', "got '}'");
  });

  it('invalid JSON: NaN written as a bare word', () => {
    const text = JSON.stringify(scenario(), null, 2).replace('"alpha": 0.2', '"alpha": NaN');
    const f = file('nan.json', text);
    expectUsageError([f, '--print'], f, 'not valid JSON', `line ${lineOf(text, 'NaN')}, column 14`, '(training.alpha)', 'expected a value', "got 'NaN'");
  });

  it('NaN as text where a number belongs', () => {
    const f = file('nan-text.json', (s) => Object.assign(s.training, { alpha: 'NaN' }));
    expectUsageError([f, '--print'], f, 'training.alpha', 'expected a number', 'got "NaN"');
  });

  it('a number written as a string ("1") in the labels', () => {
    const f = file('label-string.json', (s) => (s.data.labels = [1, '1', 0, 0] as never));
    expectUsageError([f, '--print'], f, 'data.labels[1]', 'expected a number', 'got "1"');
  });

  it('a non-numeric input value', () => {
    const f = file('input-word.json', (s) => (s.data.inputs[2] = [0, 'on', 1] as never));
    expectUsageError([f, '--print'], f, 'data.inputs[2][1]', 'expected a number', 'got "on"');
  });

  it('a number too large for a double (1e999 is Infinity)', () => {
    const f = file('infinite.json', JSON.stringify(scenario(), null, 2).replace('"alpha": 0.2', '"alpha": 1e999'));
    expectUsageError([f, '--print'], f, 'training.alpha', 'expected a number', 'got Infinity');
  });

  it('wrong field type: iterations as text', () => {
    const f = file('iterations-text.json', (s) => Object.assign(s.training, { iterations: '60' }));
    expectUsageError([f, '--print'], f, 'training.iterations', 'expected a number', 'got "60"');
  });

  it('wrong field type: inputs not an array of rows', () => {
    const f = file('inputs-flat.json', (s) => (s.data.inputs = [1, 0, 1] as never));
    expectUsageError([f, '--print'], f, 'data.inputs[0]', 'expected an array');
  });

  it('a missing field', () => {
    const f = file('no-title.json', (s) => delete (s as Partial<Scenario>).title);
    expectUsageError([f, '--print'], f, 'title', 'expected text', 'missing');
  });

  it('ragged rows', () => {
    const f = file('ragged.json', (s) => (s.data.inputs[2] = [0, 1]));
    expectUsageError([f, '--print'], f, 'data.inputs[2]', 'expected 3 numbers like row 0, got 2');
  });

  it('no rows at all', () => {
    const f = file('no-rows.json', (s) => (s.data.inputs = []));
    expectUsageError([f, '--print'], f, 'data.inputs', 'expected at least one row');
  });

  it('labels of the wrong length', () => {
    const f = file('labels.json', (s) => (s.data.labels = [1, 1, 0]));
    expectUsageError([f, '--print'], f, 'data.labels', 'expected one label per row (4), got 3');
  });

  it('negative hidden size', () => {
    const f = file('hidden-negative.json', (s) => (s.network.hidden = -1));
    expectUsageError([f, '--print'], f, 'network.hidden', 'expected at least 1', 'got -1');
  });

  it('absurd hidden size', () => {
    const f = file('hidden-huge.json', (s) => (s.network.hidden = 1e9));
    expectUsageError([f, '--print'], f, 'network.hidden', 'expected at most 256', 'got 1000000000');
  });

  it('alpha of 0', () => {
    const f = file('alpha-zero.json', (s) => (s.training.alpha = 0));
    expectUsageError([f, '--print'], f, 'training.alpha', 'expected a number above 0');
  });

  it('negative alpha', () => {
    const f = file('alpha-negative.json', (s) => (s.training.alpha = -1));
    expectUsageError([f, '--print'], f, 'training.alpha', 'expected a number above 0');
  });

  it('an unknown mode', () => {
    const f = file('mode.json', (s) => Object.assign(s.training, { mode: 'stochastic' }));
    expectUsageError([f, '--print'], f, 'training.mode', 'expected "sgd" or "batch" or "full"', 'got "stochastic"');
  });
});

describe('bad options', () => {
  it('unknown scenario id', () => {
    expectUsageError(['deep-nett', '--print'], "unknown scenario 'deep-nett'", 'expected a built-in id', 'deep-net');
  });

  it('unknown option', () => {
    expectUsageError(['deep-net', '--print', '--speed', '3'], "unknown option '--speed'");
  });

  it('--iterations abc', () => {
    expectUsageError(['deep-net', '--print', '--iterations', 'abc'], '--iterations', 'expected a whole number', "got 'abc'");
  });

  it('--iterations without a value', () => {
    expectUsageError(['deep-net', '--print', '--iterations'], '--iterations', 'expected a value');
  });

  it('--mode foo', () => {
    expectUsageError(['deep-net', '--print', '--mode', 'foo'], '--mode', 'expected sgd or batch or full', "got 'foo'");
  });

  it('--alpha 0', () => {
    expectUsageError(['deep-net', '--print', '--alpha', '0'], '--alpha', 'expected a number above 0', "got '0'");
  });

  it('--alpha -1', () => {
    expectUsageError(['deep-net', '--print', '--alpha', '-1'], '--alpha', 'expected a number above 0', "got '-1'");
  });

  it('--hidden -1', () => {
    expectUsageError(['deep-net', '--print', '--hidden', '-1'], '--hidden', 'expected a whole number from 1', "got '-1'");
  });

  it('--hidden 1000000000', () => {
    expectUsageError(['deep-net', '--print', '--hidden', '1000000000'], '--hidden', 'to 256', "got '1000000000'");
  });

  it('--hidden on a 2-layer scenario', () => {
    expectUsageError(['whole-dataset', '--print', '--hidden', '6'], '--hidden', "'whole-dataset' is a 2-layer net", '3-layer nets only');
  });

  it('--batch-size 0', () => {
    expectUsageError(['batch-gd', '--print', '--batch-size', '0'], '--batch-size', 'expected a whole number from 1', "got '0'");
  });

  it('--activation tanh', () => {
    expectUsageError(['deep-net', '--print', '--activation', 'tanh'], '--activation', 'expected relu or linear', "got 'tanh'");
  });

  it('--style plain', () => {
    expectUsageError(['deep-net', '--print', '--style', 'plain'], '--style', 'expected notebook or book', "got 'plain'");
  });

  it('--print without a scenario', () => {
    expectUsageError(['--print'], '--print', 'expected a scenario');
  });

  it('--json without --print', () => {
    expectUsageError(['deep-net', '--json'], '--json', '--print');
  });

  it('an option error is reported before the file is read', () => {
    expectUsageError([path.join(dir, 'nope.json'), '--print', '--mode', 'foo'], '--mode');
  });
});
