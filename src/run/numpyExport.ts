/**
 * `--export-numpy FILE.py`: the run the options describe, written as a numpy script that prints what
 * `--print` (with the same `--style`) prints; then one line saying where. A file that cannot be
 * written is bad usage (exit 2), said in one line, as for --record.
 */
import type { NumberStyle } from '../engine/pyfloat.js';
import { numpyRunOf } from '../export/numpyRun.js';
import { numpyScript } from '../export/numpyScript.js';
import { UsageError } from '../errors.js';
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import { replaceFile, writeProblem } from './writeFile.js';

export function runExportNumpy(scenario: Scenario, overrides: Overrides, style: NumberStyle, file: string, write: (chunk: string) => void): number {
  const script = numpyScript(numpyRunOf(scenario, overrides, style));
  try {
    replaceFile(file, script);
  } catch (error) {
    throw new UsageError(`--export-numpy: cannot write '${file}': ${writeProblem(error)}`);
  }
  write(`wrote ${file}: python3 ${file} prints what --print${style === 'book' ? ' --style book' : ''} prints\n`);
  return 0;
}
