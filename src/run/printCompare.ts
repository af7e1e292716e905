/**
 * `--compare` without a screen: the two runs' setups checked against the scenario (a bad setting gets
 * the error of the option it mirrors, naming --compare), and `--print --compare`, which prints both
 * logs one after the other, every line labelled: "A " before each line of the first run's log (the
 * line itself exactly as --print prints it), "B " before each of the second's. With --json, each
 * object starts with "run": "A" or "B".
 */
import type { NumberStyle } from '../engine/pyfloat.js';
import type { TrainingSetup } from '../engine/types.js';
import type { Scenario } from '../scenarios/schema.js';
import { buildSetup, type Output, type Overrides } from '../scenarios/setup.js';
import { compareProblem } from '../session/compareProblem.js';
import { UsageError } from '../errors.js';
import { jsonChunks, logChunks, printStoppably } from './print.js';

/** The second run's setup: the first's overrides with `compare` on top. */
export function comparedSetup(scenario: Scenario, overrides: Overrides, compare: Overrides, output: Output = {}): TrainingSetup {
  try {
    return buildSetup(scenario, { ...overrides, ...compare }, output);
  } catch (error) {
    throw new UsageError(compareProblem(error));
  }
}

/** A chunk's every line (chunks end in newlines) labelled. */
function labelled(chunk: string, label: string, json: boolean): string {
  const head = json ? `{"run":"${label}",` : `${label} `;
  const lines = chunk.split('\n');
  lines.pop();
  return lines.map((l) => (json ? head + l.slice(1) : head + l)).join('\n') + '\n';
}

/** Both logs, labelled, in chunks of bounded work: Ctrl+C stops it after whole lines, as --print does. */
function* comparedChunks(scenario: Scenario, setups: readonly [TrainingSetup, TrainingSetup], format: { readonly json: boolean; readonly style: NumberStyle }): Generator<string> {
  for (const [i, setup] of setups.entries()) {
    const label = i === 0 ? 'A' : 'B';
    for (const chunk of format.json ? jsonChunks(setup) : logChunks(scenario, setup, format.style)) yield labelled(chunk, label, format.json);
  }
}

export function printCompared(
  scenario: Scenario,
  setups: readonly [TrainingSetup, TrainingSetup],
  format: { readonly json: boolean; readonly style: NumberStyle },
  write: (chunk: string) => void,
): Promise<number> {
  return printStoppably(comparedChunks(scenario, setups, format), write);
}
