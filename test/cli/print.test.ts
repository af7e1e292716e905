/**
 * `--print`, `--print --style book`, `--print --json` and `--list` of the built CLI, against the
 * notebook's reference logs and the numpy fixtures (test/fixtures/make_fixtures.py).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectExact, flat, shapeOf, TRAINING, type BookWeights, type TrainingCase } from '../engine/fixtures.js';
import { ensureBuilt, ROOT, runCli } from '../support/cli.js';

beforeAll(ensureBuilt);

/** The built-ins with numpy fixtures from make_fixtures.py's first cases; the newer ones are checked in test/scenarios. */
const IDS = ['single-light', 'whole-dataset', 'full-gd', 'batch-gd', 'overfit', 'conflicting-pressure', 'no-correlation', 'linear-deep', 'deep-net'];
const ALL_IDS = [...IDS, 'one-iteration', 'attribution', 'dimmer-lights'];

function reference(name: string): string {
  return readFileSync(`${ROOT}/test/fixtures/${name}.txt`, 'utf8');
}

interface JsonLine {
  iteration: number;
  error: number;
  weights: BookWeights;
  held_out_error?: number;
}

/** Runs `--print --json`, checks the exit and the line format, and returns the parsed lines. */
function jsonLines(args: readonly string[]): { lines: JsonLine[]; text: string[] } {
  const run = runCli([...args, '--print', '--json']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout.endsWith('\n')).toBe(true);
  const text = run.stdout.slice(0, -1).split('\n');
  const lines = text.map((line) => JSON.parse(line) as JsonLine);
  text.forEach((line, i) => {
    // One compact object per line, keys in the spec's order, numbers in shortest round-trip form.
    expect(JSON.stringify(lines[i])).toBe(line);
    expect(Object.keys(lines[i]!)).toEqual(['iteration', 'error', 'weights', ...('held_out_error' in lines[i]! ? ['held_out_error'] : [])]);
    expect(lines[i]!.iteration).toBe(i + 1);
    expect(typeof lines[i]!.error).toBe('number');
  });
  return { lines, text };
}

/** The JSON lines equal the numpy run, number for number. */
function expectLinesOf(lines: JsonLine[], c: TrainingCase): void {
  expect(lines).toHaveLength(c.iterations);
  expectExact(lines.map((l) => l.error), c.errors, 'error');
  lines.forEach((l, i) => {
    expect(Object.keys(l.weights)).toEqual(c.layers === 2 ? ['weights'] : ['weights_0_1', 'weights_1_2']);
    expect(shapeOf(l.weights)).toEqual(shapeOf(c.weights[i]!));
    expectExact(flat(l.weights), flat(c.weights[i]!), `weights of line ${i + 1}`);
  });
  if (c.held_out.length > 0) expectExact(lines.map((l) => l.held_out_error!), c.held_out_errors, 'held_out_error');
  else expect(lines.some((l) => 'held_out_error' in l)).toBe(false);
}

describe('the notebook and the book, byte for byte', () => {
  it.each(['single-light', 'whole-dataset', 'deep-net'])('%s --print is notebook-%s.txt', (id) => {
    const run = runCli([id, '--print']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(reference(`notebook-${id}`));
  });

  it.each(['single-light', 'whole-dataset', 'deep-net'])('%s --print --style book is book-%s.txt', (id) => {
    const run = runCli([id, '--print', '--style', 'book']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(reference(`book-${id}`));
  });

  it('--style notebook is the default', () => {
    expect(runCli(['deep-net', '--print', '--style', 'notebook']).stdout).toBe(reference('notebook-deep-net'));
  });
});

describe('--print for every scenario, as numpy would print it', () => {
  it.each(IDS)('%s', (id) => {
    const c = TRAINING[id]!;
    expect(runCli([id, '--print']).stdout).toBe(c.print_notebook);
    expect(runCli([id, '--print', '--style', 'book']).stdout).toBe(c.print_book);
  });

  it('overfit prints the held-out error after each iteration', () => {
    const out = runCli(['overfit', '--print']).stdout;
    expect(out.match(/^Held-out error:/gm)).toHaveLength(TRAINING.overfit!.iterations);
  });
});

describe('--list', () => {
  it('shows the twelve ids, in the spec\'s order, with their titles', () => {
    const run = runCli(['--list']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(ALL_IDS);
    for (const line of lines) expect(line).toMatch(/^[a-z-]+ +\S.*$/);
  });
});

describe('--json for every scenario', () => {
  it.each(IDS)('%s: the spec’s line format and numpy’s numbers', (id) => {
    expectLinesOf(jsonLines([id]).lines, TRAINING[id]!);
  });

  it('2-layer nets name their weights "weights", 3-layer nets weights_0_1 (3x4) and weights_1_2 (4x1)', () => {
    const two = jsonLines(['whole-dataset']).text[0]!;
    expect(two).toMatch(/^\{"iteration":1,"error":[-0-9.e]+,"weights":\{"weights":\[[-0-9.e]+,[-0-9.e]+,[-0-9.e]+\]\}\}$/);
    const three = jsonLines(['deep-net']).lines[0]!;
    expect(shapeOf(three.weights)).toEqual([[3, 4], [4, 1]]);
  });
});

describe('options override the scenario', () => {
  const cases = Object.entries(TRAINING).filter(([, c]) => c.cli !== null && c.cli.length > 1);

  it('the fixture has a run for each option', () => {
    const options = new Set(cases.flatMap(([, c]) => c.cli!.filter((a) => a.startsWith('--'))));
    expect([...options].sort()).toEqual(['--activation', '--alpha', '--batch-size', '--hidden', '--iterations', '--mode', '--seed']);
  });

  it.each(cases.map(([name, c]) => [name, c] as const))('%s', (_name, c) => {
    expectLinesOf(jsonLines(c.cli!).lines, c);
    expect(runCli([...c.cli!, '--print']).stdout).toBe(c.print_notebook);
  });

  it('--hidden 6 gives 3x6 and 6x1 matrices', () => {
    for (const line of jsonLines(['deep-net', '--hidden', '6']).lines) expect(shapeOf(line.weights)).toEqual([[3, 6], [6, 1]]);
  });

  it('--iterations 5 gives 5 lines, the first 5 of the full run', () => {
    const { lines } = jsonLines(['deep-net', '--iterations', '5']);
    expect(lines).toHaveLength(5);
    expectExact(lines.map((l) => l.error), TRAINING['deep-net']!.errors.slice(0, 5), 'error');
  });

  it('--seed 2 starts from numpy’s seed-2 draws (seen through an update too small to move them)', () => {
    const draws = (JSON.parse(readFileSync(`${ROOT}/test/fixtures/random.json`, 'utf8')) as { random: { seed: number; values: number[] }[] }).random.find(
      (d) => d.seed === 2,
    )!.values;
    const { lines } = jsonLines(['deep-net', '--seed', '2', '--iterations', '1', '--alpha', '1e-300']);
    // weights_0_1 (3x4) is drawn first, then weights_1_2 (4x1), both as 2 * random - 1.
    expectExact(flat(lines[0]!.weights), draws.slice(0, 16).map((x) => 2 * x - 1), 'initial weights');
    expect(flat(lines[0]!.weights)).not.toEqual(flat(TRAINING['deep-net']!.init));
  });

  it('--alpha changes every iteration after the first prediction', () => {
    const a = jsonLines(['whole-dataset', '--alpha', '0.5']).lines;
    const b = jsonLines(['whole-dataset']).lines;
    expect(a[0]!.error).not.toBe(b[0]!.error);
    expect(a.at(-1)!.error).toBeLessThan(b.at(-1)!.error);
  });
});

describe('a user scenario file with 5 inputs and 6 hidden nodes', () => {
  const file = 'test/fixtures/user-5x6.json';

  it('--print prints numpy’s log, in both styles', () => {
    const c = TRAINING['user-5x6.json']!;
    const run = runCli([file, '--print']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(c.print_notebook);
    expect(runCli([file, '--print', '--style', 'book']).stdout).toBe(c.print_book);
  });

  it('--json has 5x6 and 6x1 weights equal to numpy’s, and the held-out error', () => {
    const { lines } = jsonLines([file]);
    expectLinesOf(lines, TRAINING['user-5x6.json']!);
    expect(shapeOf(lines[0]!.weights)).toEqual([[5, 6], [6, 1]]);
  });

  it('takes options like a built-in: --mode batch --batch-size 3', () => {
    const c = TRAINING['user-5x6.json --mode batch --batch-size 3']!;
    expectLinesOf(jsonLines(c.cli!).lines, c);
  });

  it('a 2-layer file without weights draws them from its seed', () => {
    const c = TRAINING['user-2layer.json']!;
    expectLinesOf(jsonLines(c.cli!).lines, c);
    expect(runCli([...c.cli!, '--print']).stdout).toBe(c.print_notebook);
  });

  it('runs from another folder with an absolute path', () => {
    const run = runCli([`${ROOT}/${file}`, '--print'], {}, '/');
    expect(run.stdout).toBe(TRAINING['user-5x6.json']!.print_notebook);
  });
});

describe('--help and --version', () => {
  it('--help lists every option and exits 0', () => {
    const run = runCli(['--help']);
    expect(run.status).toBe(0);
    for (const option of ['--list', '--print', '--style', '--json', '--alpha', '--iterations', '--seed', '--hidden', '--activation', '--mode', '--batch-size', '--ascii', '--record', '--keys', '--size', '--version']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(runCli(['--version'])).toEqual({ status: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
