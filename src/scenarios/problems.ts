/**
 * A file's problems, reported together: one line each, naming the file and the field, so a person
 * fixes them in one go rather than one run per mistake.
 */
import { UsageError } from '../errors.js';
import { cleanText } from '../terminal/cleanText.js';
import { LIMITS } from './limits.js';

export interface Problem {
  /** The field, e.g. `training.alpha` or `data.inputs[3][1]`; empty for the file as a whole. */
  readonly field: string;
  /** What is wrong, e.g. `expected a number, got "x"`; or the whole line after the file name when `whole`. */
  readonly text: string;
  /** The line is `file: text` (the text names the field itself), not `file: field: text`. */
  readonly whole?: boolean;
}

/**
 * A scenario file that cannot be used: `lines` holds one line per problem (at most LIMITS.problems),
 * each starting with the file name, cleaned of control characters. `message` is the lines joined by
 * newlines, so a caller that prints every line of a UsageError's message prints them all.
 */
export class ScenarioFileError extends UsageError {
  override name = 'ScenarioFileError';
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
  }
}

/** `file` as shown in messages: control characters taken out. */
export function shownFile(file: string): string {
  return cleanText(file);
}

/** The lines for a file's problems, in the order given, at most LIMITS.problems of them. */
export function problemLines(file: string, problems: readonly Problem[]): string[] {
  const name = shownFile(file);
  const line = (p: Problem) => cleanText(p.whole ? `${name}: ${p.text}` : `${name}: ${p.field || '(top level)'}: ${p.text}`);
  if (problems.length <= LIMITS.problems) return problems.map(line);
  const shown = problems.slice(0, LIMITS.problems - 1);
  const more = problems.length - shown.length;
  return [...shown.map(line), `${name}: and ${more} more problems (fix these first)`];
}

export function scenarioFileError(file: string, problems: readonly Problem[]): ScenarioFileError {
  return new ScenarioFileError(problemLines(file, problems));
}
