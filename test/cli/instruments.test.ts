/**
 * The instruments' options through the built CLI: `--compare` (its errors are the options' own, naming
 * --compare; `--print --compare` prints both logs labelled, each the --print of its run), and
 * `--export-numpy` (what it writes, what it refuses). Scripted screens (`--keys`) for the comparison.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli, tempDir } from '../support/cli.js';

beforeAll(ensureBuilt);

/** The lines labelled `label `, without the label. */
function labelled(stdout: string, label: string): string {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`${label} `))
    .map((l) => `${l.slice(label.length + 1)}\n`)
    .join('');
}

describe('--compare: bad values get the errors of the options they mirror', () => {
  it.each([
    ['deep-net', 'alpha=0', '--alpha', '0'],
    ['deep-net', 'alpha=abc', '--alpha', 'abc'],
    ['deep-net', 'iterations=1.5', '--iterations', '1.5'],
    ['deep-net', 'mode=SGD', '--mode', 'SGD'],
    ['deep-net', 'hidden=257', '--hidden', '257'],
    ['deep-net', 'activation=tanh', '--activation', 'tanh'],
    ['deep-net', 'seed=-1', '--seed', '-1'],
    ['deep-net', 'batch-size=0', '--batch-size', '0'],
    ['whole-dataset', 'hidden=3', '--hidden', '3'],
    ['attribution', 'seed=2', '--seed', '2'],
  ])('%s --compare %s', (id, compare, option, value) => {
    const own = runCli([id, option, value, '--print']);
    const mirrored = runCli([id, '--compare', compare, '--print']);
    expect(own.status).toBe(2);
    expect(mirrored.status).toBe(2);
    expect(mirrored.stdout).toBe('');
    expect(mirrored.stderr).toBe(own.stderr.replace(`${option}:`, `--compare ${option.slice(2)}:`));
    expect(mirrored.stderr.split('\n')).toHaveLength(2);
  });

  it.each([
    ['mode', "streetlight-tui: --compare: expected KEY=VALUE[,KEY=VALUE…] such as mode=full or alpha=0.5,iterations=20, got 'mode'\n"],
    ['speed=2', "streetlight-tui: --compare: unknown setting 'speed': expected one of mode, alpha, activation, hidden, seed, batch-size, iterations\n"],
    ['mode=full,mode=batch', 'streetlight-tui: --compare: mode is given twice\n'],
  ])('--compare %s', (compare, stderr) => {
    const run = runCli(['whole-dataset', '--compare', compare]);
    expect([run.status, run.stderr]).toEqual([2, stderr]);
  });

  it('needs a scenario', () => {
    expect(runCli(['--compare', 'mode=full']).stderr).toBe('streetlight-tui: --compare: expected a scenario to compare (see --list)\n');
  });
});

describe('--print --compare', () => {
  it.each([
    ['whole-dataset', 'mode=full', ['--mode', 'full']],
    ['deep-net', 'activation=linear', ['--activation', 'linear']],
    ['whole-dataset', 'alpha=0.5', ['--alpha', '0.5']],
    ['single-light', 'alpha=0.3,iterations=7', ['--alpha', '0.3', '--iterations', '7']],
    ['overfit', 'mode=batch,batch-size=1', ['--mode', 'batch', '--batch-size', '1']],
  ])('%s --compare %s: A is --print, B is --print with the settings, every line labelled', (id, compare, options) => {
    for (const style of [[], ['--style', 'book']]) {
      const both = runCli([id, '--compare', compare, '--print', ...style]);
      expect(both.stderr).toBe('');
      expect(both.status).toBe(0);
      expect(both.stdout.split('\n').slice(0, -1).every((l) => /^[AB] /.test(l))).toBe(true);
      expect(labelled(both.stdout, 'A')).toBe(runCli([id, '--print', ...style]).stdout);
      expect(labelled(both.stdout, 'B')).toBe(runCli([id, ...options, '--print', ...style]).stdout);
    }
  });

  it('takes the first run’s options for both: --alpha 0.2 --compare mode=full', () => {
    const both = runCli(['whole-dataset', '--alpha', '0.2', '--compare', 'mode=full', '--print']);
    expect(labelled(both.stdout, 'B')).toBe(runCli(['whole-dataset', '--alpha', '0.2', '--mode', 'full', '--print']).stdout);
  });

  it('--json: each object starts with "run"', () => {
    const both = runCli(['deep-net', '--compare', 'hidden=6', '--print', '--json']);
    const lines = both.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(120);
    expect(Object.keys(lines[0]!)).toEqual(['run', 'iteration', 'error', 'weights']);
    const b = runCli(['deep-net', '--hidden', '6', '--print', '--json']).stdout.trim().split('\n');
    expect(both.stdout.trim().split('\n').slice(60)).toEqual(b.map((l) => `{"run":"B",${l.slice(1)}`));
  });
});

describe('--compare on a screen', () => {
  it('whole-dataset --compare mode=full: both runs, one chart with both curves, step keys move both', () => {
    const run = runCli(['whole-dataset', '--compare', 'mode=full', '--keys', 'space space s', '--size', '80x24']);
    expect(run.status).toBe(0);
    const screen = run.stdout;
    expect(screen).toMatch(/^whole-dataset +iter 3\/40/);
    expect(screen).toMatch(/A {2}error \S+ +iter 3\/40 +sgd/);
    expect(screen).toMatch(/B {2}error \S+ +iter 3\/40 +full/);
    expect(screen).toMatch(/A sgd \S+ +• B full \S+/);
    expect(screen.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('NO_COLOR and --ascii: the second curve keeps its own glyph and the legend names both', () => {
    const run = runCli(['deep-net', '--compare', 'activation=linear', '--keys', 'e', '--size', '80x24', '--ascii'], { NO_COLOR: '1' });
    expect(run.stdout).toMatch(/A relu \S+ +\* B linear \S+/);
    expect(run.stdout).toMatch(/\*{5}/);
    expect(/^[\x20-\x7e\n]*$/.test(run.stdout)).toBe(true);
  });
});

describe('--export-numpy', () => {
  it('writes the script and says where', () => {
    const { dir } = tempDir();
    const run = runCli(['deep-net', '--seed', '3', '--export-numpy', 'net.py'], {}, dir);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('wrote net.py: python3 net.py prints what --print prints\n');
    expect(readFileSync(path.join(dir, 'net.py'), 'utf8')).toContain('np.random.seed(3)');
    const book = runCli(['deep-net', '--export-numpy', 'book.py', '--style', 'book'], {}, dir);
    expect(book.stdout).toBe('wrote book.py: python3 book.py prints what --print --style book prints\n');
    expect(readFileSync(path.join(dir, 'book.py'), 'utf8')).toContain('py2_str');
  });

  it.each([
    [['--export-numpy', 'x.py'], 'streetlight-tui: --export-numpy: expected a scenario (see --list)\n'],
    [['deep-net', '--export-numpy', 'x.txt'], "streetlight-tui: --export-numpy: expected a file name ending in .py, got 'x.txt'\n"],
    [['deep-net', '--export-numpy', 'x.py', '--print'], 'streetlight-tui: --export-numpy: writes the script and exits, so it does not take --print\n'],
    [['deep-net', '--export-numpy', 'x.py', '--compare', 'mode=full'], 'streetlight-tui: --export-numpy: writes the script and exits, so it does not take --compare\n'],
    [['deep-net', '--export-numpy', 'no/such/folder/x.py'], "streetlight-tui: --export-numpy: cannot write 'no/such/folder/x.py': no such folder (ENOENT)\n"],
    [['deep-net', '--export-numpy'], 'streetlight-tui: --export-numpy: expected a value\n'],
  ])('%j', (args, stderr) => {
    const { dir } = tempDir();
    const run = runCli(args, {}, dir);
    expect([run.status, run.stderr, run.stdout]).toEqual([2, stderr, '']);
  });
});
