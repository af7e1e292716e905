/**
 * Exported numpy scripts, run by python3 + numpy, must print byte for byte what `--print` prints:
 * every built-in in both number styles, user files (a 5 × 6 net with held-out rows, drawn 2-layer
 * weights, long vectors that np.dot would add out of order, one-lamp nets where a bare product
 * keeps -0.0), and the command-line overrides. All scripts run in one python process
 * (run_scripts.py); one also runs on its own, without the kernel pinned in its environment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numpyRunOf, type NumpyRun } from '../../src/export/numpyRun.js';
import { numpyScript } from '../../src/export/numpyScript.js';
import type { NumberStyle } from '../../src/engine/pyfloat.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';
import { printLog } from '../../src/run/print.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { parseScenario } from '../../src/scenarios/loader.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { buildSetup, type Overrides } from '../../src/scenarios/setup.js';
import { generatedScenarios } from './generatedScenarios.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, '..', 'fixtures');

function hasNumpy(): boolean {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  return probe.status === 0;
}
const NUMPY = hasNumpy();
if (!NUMPY) console.warn('test/export: python3 with numpy not found; the exported scripts are not run (apt-get install python3-numpy)');

interface Case {
  readonly name: string;
  readonly run: NumpyRun;
  /** The `--print` text of the same run. */
  readonly expected: string;
  /**
   * An edit that puts the book's own line back where the script differs from it (np.dot for w_sum,
   * `** 2` for np.square): the output must then differ, which shows that the difference matters.
   */
  readonly bookLine?: (script: string) => string;
}

function printed(scenario: Scenario, setup: TrainingSetup, style: NumberStyle): string {
  let out = '';
  printLog(scenario, setup, style, (chunk) => (out += chunk));
  return out;
}

function cliCase(scenario: Scenario, overrides: Overrides = {}, style: NumberStyle = 'notebook', label = ''): Case {
  const run = numpyRunOf(scenario, overrides, style);
  const name = [scenario.id, run.settings, style === 'book' ? '--style book' : '', label].filter(Boolean).join(' ');
  return { name, run, expected: printed(scenario, run.setup, style) };
}

/** A run the session makes rather than the command line: its own setup, with or without a seed. */
function sessionCase(name: string, scenario: Scenario, setup: TrainingSetup, seed?: number): Case {
  const run: NumpyRun = { ...numpyRunOf(scenario, {}, 'notebook'), setup, seed, settings: 'live edits' };
  return { name, run, expected: printed(scenario, setup, 'notebook') };
}

/** The book's np.dot where the script adds with w_sum or vect_mat_mul (the helpers' own lines stay). */
function withNpDot(script: string): string {
  return script
    .replace(/= w_sum\(([^,]+), weights\)/g, '= $1.dot(weights)')
    .replace(/(relu\(|= )vect_mat_mul\(/g, '$1np.dot(');
}

/** The book's `** 2` where the script squares with np.square. */
function withPow(script: string): string {
  return script.replace(/np\.square\(([^\n]*)\)\n/g, '($1) ** 2\n');
}

async function userFile(name: string): Promise<Scenario> {
  return parseScenario(readFileSync(path.join(FIXTURES, name), 'utf8'), `test/fixtures/${name}`);
}

async function allCases(): Promise<{ cases: Case[]; bookLines: Case[] }> {
  const user5x6 = await userFile('user-5x6.json');
  const user2 = await userFile('user-2layer.json');
  const builtIn = (id: string) => findBuiltIn(id)!;
  const whole = builtIn('whole-dataset');
  const deepNet = builtIn('deep-net');
  const generated = (await generatedScenarios()).map((g) => cliCase(g.scenario, g.overrides, g.style));
  const deepSetup = buildSetup(deepNet);
  const madeUp: Weights = {
    layers: 3,
    weights_0_1: [[0.1, 0.2, -0.1, 0.3], [-0.2, 0.4, 0.25, 0.1], [0.3, -0.3, 0.2, 0.30000000000000004]],
    weights_1_2: [[0], [1], [0.5], [-1]],
  };
  const edited = { ...deepSetup, inputs: deepSetup.inputs.map((r, i) => (i === 0 ? [1, 1, 1] : r)), alpha: 0.3 };
  const cases = [
    ...BUILT_INS.flatMap((s) => [cliCase(s), cliCase(s, {}, 'book')]),
    cliCase(user5x6),
    cliCase(user5x6, { mode: 'batch', batchSize: 3 }, 'book'),
    cliCase(user5x6, { mode: 'full', activation: 'linear' }),
    cliCase(user2),
    cliCase(user2, { mode: 'sgd', iterations: 7 }, 'book'),
    cliCase(whole, { alpha: 0.5 }),
    cliCase(whole, { alpha: 0.15 }),
    cliCase(whole, { mode: 'full' }),
    cliCase(whole, { mode: 'batch', batchSize: 2 }),
    cliCase(whole, { mode: 'batch', batchSize: 4 }),
    cliCase(whole, { alpha: 5, iterations: 400 }, 'notebook', '(diverges to inf and nan)'),
    cliCase(builtIn('single-light'), { mode: 'full', alpha: 0.3 }, 'book'),
    cliCase(builtIn('no-correlation'), { iterations: 7, mode: 'batch', batchSize: 3 }),
    cliCase(builtIn('overfit'), { mode: 'full', iterations: 30 }),
    cliCase(deepNet, { seed: 2 }),
    cliCase(deepNet, { hidden: 6, seed: 11 }, 'book'),
    cliCase(deepNet, { activation: 'linear' }),
    cliCase(deepNet, { mode: 'full', iterations: 30 }),
    cliCase(deepNet, { mode: 'batch', batchSize: 2 }),
    cliCase(deepNet, { mode: 'batch', batchSize: 3, alpha: 0.5 }),
    cliCase(deepNet, { alpha: 40, iterations: 100 }, 'notebook', '(all hidden nodes die)'),
    cliCase(builtIn('linear-deep'), { activation: 'relu', hidden: 2, iterations: 20 }),
    ...generated,
    sessionCase('made-up 3-layer weights (as in the attribution figure)', deepNet, { ...deepSetup, initialWeights: madeUp }),
    sessionCase('deep-net with row 0 edited and alpha changed, weights still drawn from seed 1', deepNet, edited, 1),
    sessionCase('deep-net with a seed that does not give its weights (written as literals)', deepNet, { ...deepSetup, initialWeights: madeUp }, 1),
  ];
  const plain = (id: string) => generated.find((c) => c.run.id === id && c.run.settings === '')!;
  const bookLines = [
    ...['wide-flat', 'sixteen', 'one-lamp', 'wide-deep', 'narrow', 'one-lamp-deep', 'one-hidden'].map((id) => ({ ...plain(id), bookLine: withNpDot })),
    { ...cliCase(whole, { alpha: 0.15 }), bookLine: withPow },
  ];
  return { cases, bookLines };
}

const { cases: CASES, bookLines: BOOK_LINES } = await allCases();
let dir = '';
const outputs = new Map<Case, { stdout: string; error?: string }>();

/** Writes each case's script and runs them all in one python process. */
function runAll(cases: readonly Case[]): void {
  const files = cases.map((c, i) => {
    const file = path.join(dir, `case-${i}.py`);
    writeFileSync(file, (c.bookLine ?? ((s: string) => s))(numpyScript(c.run)));
    return file;
  });
  const result = spawnSync('python3', [path.join(HERE, 'run_scripts.py'), ...files], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, OPENBLAS_CORETYPE: 'Sandybridge', OPENBLAS_NUM_THREADS: '1' },
  });
  if (result.status !== 0) throw new Error(`run_scripts.py failed: ${result.stderr}`);
  const byFile = JSON.parse(result.stdout) as Record<string, { stdout: string; error?: string }>;
  cases.forEach((c, i) => outputs.set(c, byFile[files[i]!]!));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'numpy-export-'));
  if (NUMPY) runAll([...CASES, ...BOOK_LINES]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const label = (c: Case) => [c.name.replace(/\s+/g, ' '), c] as const;

describe.skipIf(!NUMPY)('an exported script prints what --print prints', () => {
  it('covers every built-in in both styles', () => {
    for (const s of BUILT_INS) expect(CASES.filter((c) => c.run.id === s.id && c.run.settings === '').map((c) => c.run.style)).toEqual(['notebook', 'book']);
  });

  it.each(CASES.map(label))('%s', (_, c) => {
    const out = outputs.get(c)!;
    expect(out.error).toBeUndefined();
    // Lines first, for a readable diff; then the bytes.
    expect(out.stdout.split('\n')).toEqual(c.expected.split('\n'));
    expect(out.stdout === c.expected).toBe(true);
  });

  it('runs on its own, pinning the kernel itself (the default AVX-512 kernel prints other digits for deep-net)', () => {
    const c = CASES.find((x) => x.name === 'deep-net')!;
    const file = path.join(dir, 'deep-net-run.py');
    writeFileSync(file, numpyScript(c.run));
    const env = { ...process.env };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_NUM_THREADS;
    const result = spawnSync('python3', [file], { encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(c.expected);
    expect(result.stdout).toBe(readFileSync(path.join(FIXTURES, 'notebook-deep-net.txt'), 'utf8'));
  });
});

describe.skipIf(!NUMPY)("where the script differs from the book's page, the book's line would print other numbers", () => {
  it.each(BOOK_LINES.map(label))('%s', (_, c) => {
    const out = outputs.get(c)!;
    expect(out.error).toBeUndefined();
    expect(numpyScript(c.run)).not.toBe(c.bookLine!(numpyScript(c.run)));
    expect(out.stdout).not.toBe(c.expected);
  });
});
