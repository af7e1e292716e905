/**
 * `--keys`: the real app, driven by a key script, on a virtual terminal with a virtual clock. With
 * `--record` it writes the cast; without, it prints the final screen as text.
 *
 * The same keys must give the same bytes on any machine, with `CI` set or not. What could vary, and how
 * it is pinned:
 * - Ink reads `CI` when it is imported (and then draws only the last frame), and chalk decides the
 *   colour depth at import from FORCE_COLOR, TERM, COLORTERM...: boot.ts's importScreen('scripted')
 *   removes CI, pins FORCE_COLOR to 1 (16 colours) or 0 (NO_COLOR) and TERM to 'dumb' while Ink loads,
 *   and only then imports it (nothing this module imports statically imports Ink).
 * - Ink throttles frames with real timers (maxFps): the virtual terminal renders with `maxFps: 0`, which
 *   Ink treats as unthrottled, so every React commit is written synchronously, once.
 * - Time: keys and `wait:MS` move a virtual clock; play mode ticks on it; the cast's times are read from
 *   it; the header has no timestamp. Between steps the runner waits until the app is quiet (no output
 *   for a few event-loop turns), so no effect of one key can interleave with the next.
 * - The locale: `--ascii` is taken from the command line only, not guessed from LANG.
 */
import { openCast, type CastWriter } from '../record/asciicast.js';
import { untilQuiet } from '../record/quiet.js';
import { parseKeys, type KeyStep } from '../record/keyScript.js';
import { screenText } from '../record/screenText.js';
import { VirtualClock } from '../record/virtualClock.js';
import { createVirtualTerminal } from '../record/virtualTerminal.js';
import type { Size } from '../terminal/size.js';
import { castTitle, importScreen, initialAppState, type ScreenOptions } from './boot.js';
import { castCommand } from './screenPlan.js';

export const DEFAULT_SIZE: Size = { columns: 80, rows: 24 };
/** Virtual time a key press takes: slow enough to follow when the cast is played back. */
export const KEY_STEP_MS = 400;
/** TERM written into a scripted cast's header (the bytes are what a 16-colour xterm-like terminal expects). */
export const SCRIPTED_TERM = 'xterm-256color';

export interface ScriptedOptions extends ScreenOptions {
  readonly keys: string;
  /** The virtual terminal's size (default 80x24). */
  readonly size: Size | undefined;
}

export async function runScripted(options: ScriptedOptions): Promise<number> {
  // Everything that can be refused is refused before anything is drawn or written.
  const steps = parseKeys(options.keys);
  const size = options.size ?? DEFAULT_SIZE;
  const clock = new VirtualClock();
  const writer = options.record === undefined ? undefined : openScriptedCast(options.record, size, options, clock);
  try {
    return await runOnVirtualTerminal(options, steps, size, clock, writer);
  } finally {
    writer?.close();
  }
}

function openScriptedCast(file: string, size: Size, options: ScreenOptions, clock: VirtualClock): CastWriter {
  const header = { width: size.columns, height: size.rows, command: castCommand(options, options.ascii), title: castTitle(options.scenario, options.talk), env: { TERM: SCRIPTED_TERM } };
  return openCast(file, header, () => clock.now / 1000);
}

async function runOnVirtualTerminal(
  options: ScriptedOptions,
  steps: readonly KeyStep[],
  size: Size,
  clock: VirtualClock,
  writer: CastWriter | undefined,
): Promise<number> {
  const initial = await initialAppState(options);
  const { mountApp, exitCodeFrom } = await importScreen('scripted');

  const output: string[] = [];
  let activity = 0;
  const terminal = createVirtualTerminal(size, (data) => {
    activity++;
    if (writer) writer.output(data);
    else output.push(data);
  });
  const onMarker = (label: string) => {
    activity++;
    writer?.marker(label);
  };
  const settle = () => untilQuiet(() => activity);

  const instance = mountApp({
    initial,
    color: !process.env.NO_COLOR,
    ascii: options.ascii,
    highContrast: options.theme === 'high-contrast',
    scheduler: clock,
    onMarker,
    stdout: terminal.stdout as unknown as NodeJS.WriteStream,
    stdin: terminal.stdin as unknown as NodeJS.ReadStream,
    stderr: terminal.stderr as unknown as NodeJS.WriteStream,
    maxFps: 0,
  });
  // Subscribed before the first key, so a quitting key is never missed.
  let exited = false;
  const exit = instance.waitUntilExit().finally(() => {
    exited = true;
  });
  exit.catch(() => {}); // Handled below; do not let an early failure count as unhandled meanwhile.

  await settle();
  for (const step of steps) {
    if (exited) break;
    if (step.kind === 'wait') {
      await clock.advance(step.ms, settle);
      continue;
    }
    await clock.advance(KEY_STEP_MS, settle);
    if (exited) break;
    // The key as the terminal sent it, so `replay` can type it again at the same moment.
    writer?.input(step.bytes);
    terminal.stdin.press(step.bytes);
    await settle();
  }
  if (!exited) {
    // The script ended without quitting: hold the last frame for one more step, then close the app.
    await clock.advance(KEY_STEP_MS, settle);
    if (!exited) instance.unmount();
  }
  const code = exitCodeFrom(await exit);
  await settle();
  forgetCursorRestore();

  const failure = writer?.failureText(options.record!);
  if (failure) throw new Error(failure);
  if (!writer) process.stdout.write(await screenText(output.join(''), { ...size, convertEol: true }));
  return code;
}

/**
 * Ink hid the cursor of the virtual terminal, and its helper (restore-cursor, via signal-exit 3) then
 * promised to show the cursor on the real stderr when the process exits: six stray bytes in whatever
 * stderr is redirected to, for a cursor that was never hidden there. The promise is an 'afterexit'
 * listener on signal-exit's shared emitter; Ink's own listeners are on 'exit' and already gone.
 */
export function forgetCursorRestore(): void {
  const emitter = (process as { __signal_exit_emitter__?: NodeJS.EventEmitter }).__signal_exit_emitter__;
  emitter?.removeAllListeners('afterexit');
}
