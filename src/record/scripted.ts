// Placeholder until the scripted runner lands (issue 4).
import { UsageError } from '../errors.js';
export async function runScripted(_options: unknown): Promise<number> {
  throw new UsageError('--keys: not built yet');
}
