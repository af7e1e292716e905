#!/usr/bin/env node
/**
 * The entry: arguments → print | scripted | interactive. It decides the path before anything
 * heavy is imported: `--print` never loads Ink or React, and the screen paths load them only
 * after the environment (colour, CI) has been settled, because Ink reads it at import time.
 */
import pkg from '../package.json' with { type: 'json' };
import { HELP, parseCli, type CliOptions } from './cli/args.js';
import { UsageError } from './errors.js';
import { printJsonLines, printLog } from './print.js';
import { BUILT_INS } from './scenarios/builtins.js';
import { resolveScenario } from './scenarios/loader.js';
import { buildSetup } from './scenarios/setup.js';

const write = (chunk: string) => process.stdout.write(chunk);

async function main(argv: readonly string[]): Promise<number> {
  const options = parseCli(argv);
  if (options.help) return write(HELP), 0;
  if (options.version) return write(`${pkg.version}\n`), 0;
  if (options.list) {
    const width = Math.max(...BUILT_INS.map((s) => s.id.length));
    for (const s of BUILT_INS) write(`${s.id.padEnd(width)}  ${s.title}\n`);
    return 0;
  }
  const scenario = options.scenario === undefined ? undefined : await resolveScenario(options.scenario);
  // Validate the overrides against the scenario before any screen starts.
  const setup = scenario ? buildSetup(scenario, options.overrides) : undefined;
  if (options.print && scenario && setup) {
    if (options.json) printJsonLines(setup, write);
    else printLog(scenario, setup, options.style, write);
    return 0;
  }
  return runScreen(options, scenario);
}

async function runScreen(options: CliOptions, scenario: Awaited<ReturnType<typeof resolveScenario>> | undefined) {
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  // Ink's layout engine (yoga) checks for `fetch` to load its WebAssembly; in Node 20 merely touching
  // `fetch` loads the whole HTTP client, a third of a bare start. The screen never fetches anything,
  // so hide it: yoga then decodes the bytes it carries inline.
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  if (options.keys !== undefined) {
    const { runScripted } = await import('./record/scripted.js');
    return runScripted({ ...options, keys: options.keys, scenario });
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      'the interactive screen needs a terminal on stdin and stdout; use --print for the training log, or --keys for a scripted run',
    );
  }
  // Both ends are a terminal, so a person is watching: Ink's CI guess (draw only the last frame) is wrong here.
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const { runInteractive } = await import('./ui/interactive.js');
  return runInteractive({ ...options, scenario });
}

// Output piped into `head` closes early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`streetlight-tui: ${message.split('\n')[0]}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
