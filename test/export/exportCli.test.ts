/**
 * The numpy export end to end, through the built CLI: `--export-numpy FILE.py` and the `X` key of a
 * scripted screen write a script that python3 + numpy runs to print byte for byte what `--print` prints,
 * for every built-in, user files, the overrides (seed, hidden, alpha, full and batch modes, linear), and
 * a run changed live (edited lights, the alpha ladder), which prints what `--print` of the scenario `W`
 * saved prints. The generator's own tests (numpyScript.test.ts) cover many more runs in-process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { ensureBuilt, ROOT, runCli, tempDir } from '../support/cli.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NUMPY = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!NUMPY) console.warn('test/export/exportCli: python3 with numpy not found; the exported scripts are not run (apt-get install python3-numpy)');

const FIXTURE = (name: string) => path.join(ROOT, 'test', 'fixtures', name);

/** `[scenario, ...options]` for --print and --export-numpy alike. */
const CASES: string[][] = [
  ...BUILT_INS.map((s) => [s.id]),
  ['deep-net', '--style', 'book'],
  ['whole-dataset', '--style', 'book'],
  [FIXTURE('user-5x6.json')],
  [FIXTURE('user-2layer.json'), '--style', 'book'],
  [FIXTURE('user-5x6.json'), '--mode', 'batch', '--batch-size', '3'],
  ['deep-net', '--seed', '2'],
  ['deep-net', '--hidden', '6', '--seed', '11'],
  ['whole-dataset', '--alpha', '0.5'],
  ['whole-dataset', '--mode', 'full'],
  ['deep-net', '--mode', 'batch', '--batch-size', '2'],
  ['deep-net', '--activation', 'linear'],
  ['linear-deep', '--activation', 'relu', '--hidden', '3'],
];

/** Runs the scripts in one python process (test/export/run_scripts.py) with the kernel pinned; their outputs by file. */
function runScripts(files: readonly string[]): Record<string, { stdout: string; error?: string }> {
  const result = spawnSync('python3', [path.join(HERE, 'run_scripts.py'), ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, OPENBLAS_CORETYPE: 'Sandybridge', OPENBLAS_NUM_THREADS: '1' },
  });
  if (result.status !== 0) throw new Error(`run_scripts.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, { stdout: string; error?: string }>;
}

beforeAll(ensureBuilt);

describe.skipIf(!NUMPY)('--export-numpy prints what --print prints', () => {
  it('for every built-in, user files and the overrides', () => {
    const { dir } = tempDir();
    const files = CASES.map((args, i) => {
      const file = path.join(dir, `case-${i}.py`);
      const run = runCli([...args, '--export-numpy', file]);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.status).toBe(0);
      return file;
    });
    const outputs = runScripts(files);
    CASES.forEach((args, i) => {
      const printed = runCli([...args, '--print']);
      expect(printed.status).toBe(0);
      const out = outputs[files[i]!]!;
      expect(out.error, args.join(' ')).toBeUndefined();
      expect(out.stdout === printed.stdout, `${args.join(' ')}: the script's output differs from --print`).toBe(true);
    });
  });
});

describe.skipIf(!NUMPY)('the X key of a scripted screen writes ./<scenario>-run.py, which prints what --print prints', () => {
  it.each([
    [['whole-dataset', '--mode', 'full'], 'n X', ['whole-dataset', '--mode', 'full']],
    [['deep-net'], 'a space X', ['deep-net', '--activation', 'linear']],
    [['whole-dataset'], 'g g g g X', ['whole-dataset', '--mode', 'batch']],
  ])('%j, keys %s', (args, keys, same) => {
    const { dir } = tempDir();
    const run = runCli([...args, '--keys', keys, '--size', '80x24'], {}, dir);
    expect(run.stdout).toContain(`Wrote ./${args[0]}-run.py`);
    const out = runScripts([path.join(dir, `${args[0]}-run.py`)]);
    expect(Object.values(out)[0]!.stdout).toBe(runCli([...same, '--print']).stdout);
  });

  it.each([
    ['whole-dataset', 'space d right space enter ] X W'],
    ['deep-net', 'n d down w o right space enter [ [ X W'],
    ['overfit', 'd down down w enter X W'],
  ])('%s changed live (%s): what --print of the saved scenario prints', (id, keys) => {
    const { dir } = tempDir();
    const run = runCli([id, '--keys', keys, '--size', '120x40'], {}, dir);
    expect(run.stdout).toContain(`Saved scenarios/${id}-edited.json`);
    const script = readFileSync(path.join(dir, `${id}-run.py`), 'utf8');
    expect(script).toMatch(/^# Settings: .*the street lights as edited live, trained on from the first iteration/m);
    const out = runScripts([path.join(dir, `${id}-run.py`)]);
    const printed = runCli([`scenarios/${id}-edited.json`, '--print'], {}, dir);
    expect(printed.stderr).toBe('');
    expect(Object.values(out)[0]!.stdout).toBe(printed.stdout);
  });
});
