/**
 * The real-terminal path: the app on process.stdin/stdout, play mode on real timers, and with
 * `--record` a cast written as the session goes.
 *
 * Quitting must hand the terminal back as it was found (cursor shown, raw mode off; Ink never uses the
 * alternate screen) whichever way it happens:
 * - q / Ctrl+C: Ink unmounts (final frame, cursor shown) and its App turns raw mode off; the exit code
 *   is 0 after q and 130 after Ctrl+C (in raw mode it is a key, not a signal, but means the same).
 * - SIGTERM / SIGHUP / SIGINT: our handlers unmount and restore, then exit with 128 + the signal number.
 *   (A handler of our own replaces Ink's signal-exit one, so ours must do the unmounting.)
 * - an error: a render error rejects waitUntilExit (restored in `finally`); anything else ends in
 *   process 'exit', where `restore` runs as well.
 * - SIGKILL: nothing runs; the cast is still valid because every event was written synchronously.
 */
import { openCast, type CastWriter } from '../record/asciicast.js';
import { LiveClock } from '../record/liveClock.js';
import { untilQuiet } from '../record/quiet.js';
import { realScheduler } from '../session/scheduler.js';
import { teeReads } from '../terminal/inputTee.js';
import { cleanText } from '../terminal/cleanText.js';
import { teeWrites } from '../terminal/tee.js';
import { guardTerminal } from '../terminal/terminalGuard.js';
import { wantsAscii } from '../ui/theme.js';
import { castTitle, importScreen, initialAppState, type ScreenOptions } from './boot.js';
import { castCommand } from './screenPlan.js';

export type InteractiveOptions = ScreenOptions;

export async function runInteractive(options: InteractiveOptions): Promise<number> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  // Refused before anything is drawn: an unwritable path is bad usage (exit 2).
  const ascii = options.ascii || wantsAscii(process.env);
  // A recorded session runs on a live clock, which its cast's times come from, so replay is exact.
  let activity = 0;
  const clock = options.record === undefined ? undefined : new LiveClock(() => untilQuiet(() => activity));
  const writer = clock && options.record !== undefined ? openLiveCast(options.record, options, ascii, () => clock.now / 1000) : undefined;
  const initial = await initialAppState(options);
  const { mountApp, exitCodeFrom } = await importScreen('interactive');

  // After a hang-up, writes fail asynchronously with EIO; that must not turn into a crash report.
  const ignoreWriteErrors = () => {};
  stdout.on('error', ignoreWriteErrors);

  const onResize = () => writer?.resize(stdout.columns, stdout.rows);
  if (writer) stdout.on('resize', onResize);

  // The recording tee sits between the frame differ and the terminal, so a cast carries the same small writes.
  const instance = mountApp({
    initial,
    color: !process.env.NO_COLOR,
    ascii,
    highContrast: options.theme === 'high-contrast',
    scheduler: clock ?? realScheduler,
    onMarker: writer ? (label) => (activity++, writer.marker(label)) : undefined,
    stdout: writer ? teeWrites(stdout, (chunk) => (activity++, writer.output(chunk))) : stdout,
    // The keys as Ink reads them go into the cast as input events, for `replay`.
    stdin: writer ? teeReads(stdin, (chunk) => writer.input(chunk)) : stdin,
  });

  // The screen is unmounted first on a signal: a handler of ours replaces Ink's, so ours must do it.
  const guard = guardTerminal({ stdin, stdout, after: () => writer?.close(), onSignal: () => instance.unmount() });

  clock?.start();
  let code: number;
  try {
    code = exitCodeFrom(await instance.waitUntilExit());
  } finally {
    clock?.stop();
    stdout.off('resize', onResize);
    guard.release();
    // Ink lets go of stdin in an effect cleanup that may run a moment later; do not wait on it to exit.
    stdin.unref();
  }
  const failure = writer?.failureText(options.record!);
  if (failure) {
    process.stderr.write(`streetlight-tui: ${cleanText(failure)}\n`);
    return 1;
  }
  return code;
}

function openLiveCast(file: string, options: ScreenOptions, ascii: boolean, clock: () => number): CastWriter {
  const env: { TERM: string; SHELL?: string } = { TERM: process.env.TERM || 'xterm-256color' };
  if (process.env.SHELL) env.SHELL = process.env.SHELL;
  return openCast(
    file,
    {
      width: process.stdout.columns || 80,
      height: process.stdout.rows || 24,
      timestamp: Math.floor(Date.now() / 1000),
      command: castCommand(options, ascii),
      title: castTitle(options.scenario, options.talk),
      env,
    },
    clock,
  );
}
