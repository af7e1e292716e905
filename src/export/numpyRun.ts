/** What an exported numpy script is made from: one run, fixed by its setup, its log and its number style. */
import type { NumberStyle } from '../engine/pyfloat.js';
import type { TrainingSetup } from '../engine/types.js';
import { logFormatOf, type LogFormat } from '../run/print.js';
import type { Scenario } from '../scenarios/schema.js';
import { buildSetup, type Overrides } from '../scenarios/setup.js';

export interface NumpyRun {
  readonly id: string;
  readonly title: string;
  /** The run as the engine trains it (data after live edits, the current alpha, mode and activation). */
  readonly setup: TrainingSetup;
  /**
   * The seed the initial weights were drawn from, when they were drawn: the script then draws them with
   * `np.random.seed` and `2 * np.random.random(shape) - 1`, as the book does. The draws are checked against
   * `setup.initialWeights`; weights given by the scenario (or not matching the draws) are written as literals.
   */
  readonly seed?: number;
  readonly log: { readonly format: LogFormat; readonly every: number };
  readonly style: NumberStyle;
  /** How the run differs from the scenario file, for the header comment: e.g. "--alpha 0.5 --mode full". */
  readonly settings: string;
}

const FLAGS: readonly [keyof Overrides, string][] = [
  ['alpha', '--alpha'],
  ['iterations', '--iterations'],
  ['seed', '--seed'],
  ['hidden', '--hidden'],
  ['activation', '--activation'],
  ['mode', '--mode'],
  ['batchSize', '--batch-size'],
];

/** The command-line options that give these overrides, in the help's order ("" when there are none). */
export function overridesText(overrides: Overrides): string {
  return FLAGS.filter(([key]) => overrides[key] !== undefined)
    .map(([key, flag]) => `${flag} ${String(overrides[key])}`)
    .join(' ');
}

/** The run `streetlight-tui <scenario> [options] --print [--style book]` prints. */
export function numpyRunOf(scenario: Scenario, overrides: Overrides, style: NumberStyle, settings = overridesText(overrides)): NumpyRun {
  const drawn = scenario.network.layers === 3 || scenario.network.weights === undefined;
  return {
    id: scenario.id,
    title: scenario.title,
    setup: buildSetup(scenario, overrides),
    seed: drawn ? (overrides.seed ?? scenario.network.seed) : undefined,
    log: logFormatOf(scenario),
    style,
    settings,
  };
}

/** `./<scenario>-run.py`, the file the `X` key writes; characters a file name should not hold become `-`. */
export function scriptFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'scenario'}-run.py`;
}
