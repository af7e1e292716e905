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
import { printJsonLines, printLog } from './print.js';

/** The second run's setup: the first's overrides with `compare` on top. */
export function comparedSetup(scenario: Scenario, overrides: Overrides, compare: Overrides, output: Output = {}): TrainingSetup {
  try {
    return buildSetup(scenario, { ...overrides, ...compare }, output);
  } catch (error) {
    throw new UsageError(compareProblem(error));
  }
}

/** `write`, with every line of each chunk (chunks end in newlines) labelled. */
function labelled(label: string, json: boolean, write: (chunk: string) => void): (chunk: string) => void {
  const head = json ? `{"run":"${label}",` : `${label} `;
  return (chunk) => {
    const lines = chunk.split('\n');
    lines.pop();
    write(lines.map((l) => (json ? head + l.slice(1) : head + l)).join('\n') + '\n');
  };
}

export function printCompared(
  scenario: Scenario,
  setups: readonly [TrainingSetup, TrainingSetup],
  format: { readonly json: boolean; readonly style: NumberStyle },
  write: (chunk: string) => void,
): void {
  setups.forEach((setup, i) => {
    const out = labelled(i === 0 ? 'A' : 'B', format.json, write);
    if (format.json) printJsonLines(setup, out);
    else printLog(scenario, setup, format.style, out);
  });
}
