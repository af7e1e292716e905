/**
 * The instruments' effects, for the screen paths (mountApp.tsx): `W` saves the run's lights and settings
 * as a scenario in ./scenarios/, `X` writes the run as a numpy script, ./<scenario>-run.py. Each returns
 * the notice the caption shows: where it wrote, or why it could not.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { numpyRunOf, overridesText, scriptFileName, type NumpyRun } from '../export/numpyRun.js';
import { numpyScript } from '../export/numpyScript.js';
import { UsageError } from '../errors.js';
import { buildSetup } from '../scenarios/setup.js';
import type { AppState } from '../session/app.js';
import { runScenario, scenarioJson } from '../session/runScenario.js';
import type { SessionState } from '../session/state.js';
import { createFile, replaceFile, writeProblem } from './writeFile.js';

/** The run `X` exports: the scenario with its overrides, or, changed live, the run as a scenario of its own. */
export function numpyRunOfSession(app: AppState, session: SessionState): NumpyRun {
  const run = runScenario(app, session);
  if (run.changes.length === 0) return numpyRunOf(session.scenario, session.overrides, 'notebook');
  const settings = [overridesText(session.overrides), ...run.changes].filter(Boolean).join('; ');
  return numpyRunOf(run.scenario, {}, 'notebook', settings);
}

function problemOf(error: unknown): string {
  if (error instanceof UsageError) return error.message.split('\n')[0]!;
  return writeProblem(error);
}

export function exportNumpy(app: AppState, cwd: string): string {
  const session = app.session;
  if (!session) return 'Open a scenario first.';
  const name = scriptFileName(session.scenario.id);
  try {
    replaceFile(path.join(cwd, name), numpyScript(numpyRunOfSession(app, session)));
  } catch (error) {
    return `Not exported: ./${name}: ${problemOf(error)}.`;
  }
  return `Wrote ./${name}: python3 ${name} prints what --print prints for this run.`;
}

export function saveScenario(app: AppState, cwd: string): string {
  const session = app.session;
  if (!session) return 'Open a scenario first.';
  const run = runScenario(app, session);
  if (run.file.data.train?.length === 0) return 'Not saved: no row is left to train on.';
  try {
    buildSetup(run.scenario);
  } catch (error) {
    return `Not saved: ${problemOf(error)}.`;
  }
  const folder = path.join(cwd, 'scenarios');
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    return `Not saved: ./scenarios: ${writeProblem(error)}.`;
  }
  // A new file every time: scenarios/<id>.json, or <id>-2.json and on, its id the file's name.
  for (let n = 1; n < 1000; n++) {
    const id = n === 1 ? run.file.id : `${run.file.id}-${n}`;
    const file = `scenarios/${id}.json`;
    try {
      createFile(path.join(cwd, file), scenarioJson({ ...run.file, id }));
      return `Saved ${file}: open it with streetlight-tui ${file}, or from the list.`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      return `Not saved: ./scenarios: ${writeProblem(error)}.`;
    }
  }
  return 'Not saved: ./scenarios already holds 999 saved copies of this scenario.';
}

/** The handlers mountApp gives the app, writing relative to `cwd`. */
export function instrumentEffects(cwd: string = process.cwd()) {
  return {
    'save-scenario': (state: AppState) => saveScenario(state, cwd),
    'export-numpy': (state: AppState) => exportNumpy(state, cwd),
  };
}
