#!/usr/bin/env node
/**
 * The entry: arguments → a run path (src/run/: print, interactive, scripted, replay, export). It decides the path
 * before anything heavy is imported: `--print` never loads Ink or React, and the screen paths load them
 * only after the environment (colour, CI) has been settled, because Ink reads it at import time.
 */
import pkg from '../package.json' with { type: 'json' };
import { HELP, parseCli } from './cli/args.js';
import { UsageError } from './errors.js';
import { jsonChunks, logChunks, printStoppably } from './run/print.js';
import { screenOptionsFrom } from './run/screenPlan.js';
import { comparedSetup, printCompared } from './run/printCompare.js';
import { listScenarios, resolveScenario } from './scenarios/loader.js';
import { buildSetup } from './scenarios/setup.js';
import { cleanText } from './terminal/cleanText.js';

const write = (chunk: string) => process.stdout.write(chunk);

async function main(argv: readonly string[]): Promise<number> {
  // `streetlight-tui export FILE.cast --html OUT.html | --svg DIR`: slides from a recording (its own options).
  if (argv[0] === 'export') return (await import('./run/export.js')).runExport(argv.slice(1));
  // `streetlight-tui replay FILE.cast [--keys KEYS]`: the app again, from a recording's keys.
  if (argv[0] === 'replay') return (await import('./run/replay.js')).runReplay(argv.slice(1));
  const options = parseCli(argv);
  if (options.help) return write(HELP), 0;
  if (options.version) return write(`${pkg.version}\n`), 0;
  if (options.list) {
    // The same catalog the picker shows and the scenario argument resolves in: built-ins, then ./scenarios.
    const { scenarios, problems } = await listScenarios();
    const width = Math.max(...scenarios.map((s) => s.id.length));
    for (const s of scenarios) write(`${s.id.padEnd(width)}  ${s.title}\n`);
    for (const problem of problems) process.stderr.write(`streetlight-tui: ${cleanText(problem)}\n`);
    return 0;
  }
  const scenario = options.scenario === undefined ? undefined : await resolveScenario(options.scenario);
  // Validate the overrides against the scenario before any screen starts.
  const setup = scenario ? buildSetup(scenario, options.overrides, { json: options.json }) : undefined;
  const compared = scenario && options.compare ? comparedSetup(scenario, options.overrides, options.compare, { json: options.json }) : undefined;
  if (options.exportNumpy !== undefined && scenario) {
    return (await import('./run/numpyExport.js')).runExportNumpy(scenario, options.overrides, options.style, options.exportNumpy, write);
  }
  if (options.print && scenario && setup && compared) return printCompared(scenario, [setup, compared], options, write);
  if (options.print && scenario && setup) {
    // In chunks of bounded work, so Ctrl+C stops it after whole lines (exit 130).
    return printStoppably(options.json ? jsonChunks(setup) : logChunks(scenario, setup, options.style), write);
  }
  const screen = await screenOptionsFrom(options, scenario, process.env);
  if (options.keys !== undefined) {
    const { runScripted } = await import('./run/scripted.js');
    return runScripted({ ...screen, keys: options.keys, size: options.size });
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      'the interactive screen needs a terminal on stdin and stdout; use --print for the training log, or --keys for a scripted run',
    );
  }
  const { runInteractive } = await import('./run/interactive.js');
  return runInteractive(screen);
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
    // Bad usage may hold several problems (a scenario file's, one per line); anything else is one line.
    // Every line is cleaned: it may quote a file's text or an argument, which must not reach the terminal raw.
    const message = error instanceof Error ? error.message : String(error);
    const lines = error instanceof UsageError ? message.split('\n') : message.split('\n').slice(0, 1);
    for (const line of lines) process.stderr.write(`streetlight-tui: ${cleanText(line)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
