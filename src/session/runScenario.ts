/**
 * The run on the screen as a scenario of its own: the scenario's network and log with the data and
 * settings the run trains with now (live edits, an alpha from the ladder, keys that switched mode or
 * activation, the command line's overrides), folded into one file. `W` saves it; `X` exports it as numpy.
 * Trained from its start, it is what `--print` of the saved file prints (and what the exported script
 * prints); a run changed live part-way trained on the old data first, which is said, not hidden.
 */
import type { TrainingSetup } from '../engine/types.js';
import { withDefaults } from '../scenarios/defaults.js';
import { LIMITS } from '../scenarios/limits.js';
import type { Scenario, ScenarioFile } from '../scenarios/schema.js';
import type { AppState } from './app.js';
import { draftData, type DraftData } from './edit.js';
import { changesInEffect } from './live.js';
import type { SessionState } from './state.js';

export interface RunScenario {
  /** The file to write (valid under the scenario schema, named `<id>-edited`)... */
  readonly file: ScenarioFile & { readonly id: string };
  /** ...and the scenario it trains as, under the scenario's own id and title. */
  readonly scenario: Scenario;
  /** What differs from the scenario as opened, for headers and notices; empty when nothing does. */
  readonly changes: readonly string[];
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

function dataChanged(data: DraftData, scenario: Scenario): boolean {
  const s = scenario.data;
  const train = s.train ?? s.inputs.map((_, i) => i);
  return !(data.inputs.length === s.inputs.length && data.inputs.every((r, i) => sameList(r, s.inputs[i]!)) && sameList(data.labels, s.labels) && sameList(data.trainRows, train));
}

/** An id for the saved file: the scenario's own made safe for the `id` field, with `-edited` (or `-saved`). */
export function savedId(id: string, suffix: 'edited' | 'saved'): string {
  const base = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.id - suffix.length - 1);
  return `${base || 'scenario'}-${suffix}`;
}

function network(session: SessionState, setup: TrainingSetup): ScenarioFile['network'] {
  const n = session.scenario.network;
  const o = session.overrides;
  if (n.layers === 2) return n.weights ? { layers: 2, weights: [...n.weights] } : { layers: 2, seed: o.seed ?? n.seed ?? 1 };
  if (n.weights_0_1 && n.weights_1_2) return { layers: 3, activation: setup.activation, weights_0_1: n.weights_0_1.map((r) => [...r]), weights_1_2: n.weights_1_2.map((r) => [r[0]!]) as [number][] };
  return { layers: 3, hidden: o.hidden ?? n.hidden, activation: setup.activation, seed: o.seed ?? n.seed ?? 1 };
}

/**
 * The run as a scenario: `data` is the editor's draft when it is open, else the data the run trains on.
 * The settings are the run's now (its alpha after the ladder; its iterations as opened).
 */
export function runScenario(app: AppState, session: SessionState): RunScenario {
  const { scenario, trainer } = session;
  const setup = trainer.setup;
  const data: DraftData = app.edit ? draftData(app.edit, setup) : setup;
  const natural = data.trainRows.length === data.inputs.length && data.trainRows.every((r, i) => r === i);
  const live = changesInEffect(app.live, trainer);
  const iterations = session.overrides.iterations ?? scenario.training.iterations;
  const changes = [
    ...(dataChanged(data, scenario) ? [`the street lights as edited${app.edit ? ' (not yet applied)' : ' live'}, trained on from the first iteration`] : []),
    ...(live.some((c) => c.what === 'alpha') ? [`alpha ${setup.alpha} as set live, from the first iteration`] : []),
  ];
  // Saved, it must not take the scenario's own name (a built-in's, or the file it came from).
  // `-edited` when the lights or alpha changed live, `-saved` for the run as opened (with its overrides).
  const suffix = changes.length > 0 ? 'edited' : 'saved';
  const id = savedId(scenario.id, suffix);
  const title = `${scenario.title.slice(0, LIMITS.title - suffix.length - 3)} (${suffix})`;
  const file: ScenarioFile & { id: string } = {
    id,
    title,
    summary: `${scenario.title.slice(0, 120)}, as run in streetlight-tui`,
    description: `Saved from streetlight-tui: the scenario ${scenario.id} with the data and settings of the run on screen${changes.length > 0 ? ` (${changes.join('; ')})` : ''}.`,
    data: {
      inputs: data.inputs.map((r) => [...r]),
      labels: [...data.labels],
      ...(natural ? {} : { train: [...data.trainRows] }),
    },
    network: network(session, setup),
    training: { alpha: setup.alpha, iterations, mode: setup.mode, batchSize: setup.batchSize },
    ...(scenario.log ? { log: { ...scenario.log } } : {}),
    focus: scenario.focus,
  };
  // As a run to export it keeps its own name and title; the changes are said in the script's header.
  return { file, scenario: withDefaults({ ...file, title: scenario.title }, scenario.id, scenario.source), changes };
}

/** The file's text: two-space JSON with each row of numbers on one line, as the built-ins are written. */
export function scenarioJson(file: ScenarioFile): string {
  // Only arrays laid out over several lines are joined: a string never holds a raw line break.
  return `${JSON.stringify(file, null, 2).replace(/\[\n\s*(-?[\d.eE+-]+(?:,\n\s*-?[\d.eE+-]+)*)\n\s*\]/g, (_, inner: string) => `[${inner.split(/,\n\s*/).join(', ')}]`)}\n`;
}
