/** A comparison's bad setting said as the option it mirrors, naming --compare (kept apart so --print loads no session code). */
import { UsageError } from '../errors.js';

/** A UsageError's message for a comparison, naming `--compare` rather than the option it mirrors. */
export function compareProblem(error: unknown): string {
  if (!(error instanceof UsageError)) throw error;
  return error.message.replace(/^--([a-z-]+):/, (_, name: string) => `--compare ${name}:`);
}
