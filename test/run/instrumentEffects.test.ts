/**
 * The effects of W and X, in temporary folders: what they write, that a saved scenario loads under the
 * strict loader and trains as the run it was saved from, that an exported script (edited or not) prints
 * what --print prints, and the notice each gives when it cannot write.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { numpyRunOf } from '../../src/export/numpyRun.js';
import { numpyScript } from '../../src/export/numpyScript.js';
import { exportNumpy, numpyRunOfSession, saveScenario } from '../../src/run/instrumentEffects.js';
import { printLog } from '../../src/run/print.js';
import { writeProblem } from '../../src/run/writeFile.js';
import { loadScenarioFile } from '../../src/scenarios/loader.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { savedId } from '../../src/session/runScenario.js';
import type { AppState } from '../../src/session/app.js';
import { tempDir } from '../support/cli.js';
import { appAfter } from '../ui/helpers.js';

const printed = (scenario: Scenario) => {
  let out = '';
  printLog(scenario, buildSetup(scenario), 'notebook', (c) => (out += c));
  return out;
};

const NUMPY = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;
if (!NUMPY) console.warn('test/run/instrumentEffects: python3 with numpy not found; exported scripts are not run');

function python(file: string): string {
  const run = spawnSync('python3', [file], { encoding: 'utf8', env: { ...process.env, OPENBLAS_CORETYPE: 'Sandybridge' } });
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** Saves the app's run with W and loads it back with the strict loader. */
async function saved(app: AppState, dir: string): Promise<{ notice: string; scenario: Scenario }> {
  const notice = saveScenario(app, dir);
  const file = /^Saved (\S+):/.exec(notice)?.[1];
  if (!file) throw new Error(notice);
  return { notice, scenario: await loadScenarioFile(path.join(dir, file)) };
}

describe('X: the run as a numpy script', () => {
  it('writes ./<scenario>-run.py, the generator’s script for the scenario and its overrides', () => {
    const { dir } = tempDir();
    const app = appAfter('g g n', 'whole-dataset');
    expect(exportNumpy(app, dir)).toBe('Wrote ./whole-dataset-run.py: python3 whole-dataset-run.py prints what --print prints for this run.');
    const expected = numpyScript(numpyRunOf(app.session!.scenario, { mode: 'full' }, 'notebook'));
    expect(readFileSync(path.join(dir, 'whole-dataset-run.py'), 'utf8')).toBe(expected);
    expect(expected).toContain('# Settings: --mode full');
  });

  it('replaces a link planted at its name instead of writing through it', () => {
    const { dir } = tempDir();
    const target = path.join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    symlinkSync(target, path.join(dir, 'deep-net-run.py'));
    expect(exportNumpy(appAfter('', 'deep-net'), dir)).toMatch(/^Wrote /);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(lstatSync(path.join(dir, 'deep-net-run.py')).isSymbolicLink()).toBe(false);
  });

  it('says why when the folder cannot be written', () => {
    expect(exportNumpy(appAfter('', 'deep-net'), '/no/such/folder')).toBe('Not exported: ./deep-net-run.py: no such folder (ENOENT).');
    if (existsSync('/sys') && spawnSync('touch', ['/sys/streetlight-probe']).status !== 0) {
      expect(exportNumpy(appAfter('', 'deep-net'), '/sys')).toBe('Not exported: ./deep-net-run.py: the folder is not writable (EACCES).');
    }
    expect(writeProblem(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the folder is not writable (EROFS)');
  });

  it.skipIf(!NUMPY)('after live edits and the alpha ladder, prints what --print of the saved scenario prints', async () => {
    const { dir } = tempDir();
    for (const [id, keys] of [
      ['whole-dataset', 'space d right space down w enter ] space'],
      ['deep-net', 'n d o right space enter ['],
      ['overfit', 'd down down w enter ]'],
      ['dimmer-lights', 'd space space enter'],
    ] as const) {
      const app = appAfter(keys, id);
      const { scenario } = await saved(app, dir);
      expect(exportNumpy(app, dir)).toMatch(/^Wrote /);
      const script = readFileSync(path.join(dir, `${id}-run.py`), 'utf8');
      expect(script).toMatch(/# Settings: .*the street lights as edited live/);
      expect(python(path.join(dir, `${id}-run.py`)), `${id} after ${keys}`).toBe(printed(scenario));
    }
  });
});

describe('W: the run saved as a scenario', () => {
  it('saves the edited lights with the run’s settings; the file loads and trains as the run does', async () => {
    const { dir } = tempDir();
    const app = appAfter('g d w down down right space enter ] ]', 'whole-dataset');
    const { notice, scenario } = await saved(app, dir);
    expect(notice).toBe('Saved scenarios/whole-dataset-edited.json: open it with streetlight-tui scenarios/whole-dataset-edited.json, or from the list.');
    const t = app.session!.trainer;
    const setup = buildSetup(scenario);
    expect(setup.inputs).toEqual(t.setup.inputs);
    expect(setup.labels).toEqual(t.setup.labels);
    expect([setup.alpha, setup.mode, setup.iterations]).toEqual([0.5, 'batch', 40]);
    expect(setup.initialWeights).toEqual(buildSetup(app.session!.scenario).initialWeights);
    expect(scenario.id).toBe('whole-dataset-edited');
    expect(scenario.title).toBe('The whole dataset (edited)');
    // The same run the X key exports.
    let exported = '';
    printLog(scenario, numpyRunOfSession(app, app.session!).setup, 'notebook', (c) => (exported += c));
    expect(printed(scenario)).toBe(exported);
  });

  it('in the editor, saves the draft; a 3-layer net keeps its seed and hidden size', async () => {
    const { dir } = tempDir();
    const app = appAfter('d o right space', 'deep-net');
    const { scenario } = await saved(app, dir);
    expect(scenario.data.inputs).toHaveLength(5);
    expect(scenario.data.inputs[1]).toEqual([0, 1, 0]);
    expect(scenario.network).toMatchObject({ layers: 3, hidden: 4, seed: 1, activation: 'relu' });
    const file = JSON.parse(readFileSync(path.join(dir, 'scenarios', 'deep-net-edited.json'), 'utf8'));
    expect(Object.keys(file)).toEqual(['id', 'title', 'summary', 'description', 'data', 'network', 'training', 'log', 'focus']);
    expect(readFileSync(path.join(dir, 'scenarios', 'deep-net-edited.json'), 'utf8')).toContain('      [1, 0, 1],\n');
  });

  it('keeps held-out rows held out, and the training order', async () => {
    const { dir } = tempDir();
    const { scenario } = await saved(appAfter('d o enter', 'overfit'), dir);
    const setup = buildSetup(scenario);
    expect(setup.trainRows).toEqual([0, 1]);
    expect(setup.heldOutRows).toHaveLength(buildSetup(appAfter('', 'overfit').session!.scenario).heldOutRows.length);
  });

  it('says why when ./scenarios cannot be made', () => {
    const { dir } = tempDir();
    writeFileSync(path.join(dir, 'scenarios'), 'a file, not a folder');
    expect(saveScenario(appAfter('d w', 'whole-dataset'), dir)).toBe('Not saved: ./scenarios: a file is in the way (EEXIST).');
    if (existsSync('/sys') && spawnSync('touch', ['/sys/streetlight-probe']).status !== 0) {
      expect(saveScenario(appAfter('d w', 'whole-dataset'), '/sys')).toMatch(/^Not saved: \.\/scenarios: the folder is not writable \((EACCES|EPERM|EROFS)\)\.$/);
    }
  });
});

describe('W without live changes', () => {
  it('saves the run as opened, with its overrides, under -saved; a name that is no id is made one', async () => {
    const { dir } = tempDir();
    const { scenario } = await saved(appAfter('g g', 'whole-dataset'), dir);
    expect([scenario.id, scenario.title]).toEqual(['whole-dataset-saved', 'The whole dataset (saved)']);
    expect(buildSetup(scenario).mode).toBe('full');
    expect(savedId('My Lights (v2)', 'edited')).toBe('my-lights-v2-edited');
    expect(savedId('…', 'saved')).toBe('scenario-saved');
    expect(savedId('x'.repeat(80), 'edited')).toHaveLength(64);
  });
});
