// A tiny entry for the export tests: what `streetlight-tui export …` will run, bundled by the test
// (see support.ts) the way build.mjs bundles the CLI, with the entry's own error handling.
import { UsageError } from '../../src/errors.js';
import { runExport } from '../../src/run/export.js';

runExport(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`streetlight-tui: ${message.split('\n')[0]}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
