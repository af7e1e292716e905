/**
 * `streetlight-tui replay FILE.cast [--keys KEYS]`: the app again, from a recording's keys.
 *
 * A recording made with `--record` carries what started the app (the header's `command`: scenario or
 * talk, overrides, theme; its size in width and height) and every key as an input event ("i"). Replay
 * starts the same app and types the keys again at their times (replayer.ts), so the screens are
 * computed afresh and come out as they were. While it plays: space pauses, `]` / `[` jump to the next /
 * previous marker, `+` / `-` change the speed, and any other key hands the app to the presenter
 * (the key included) from that point on. Ctrl+C ends the replay.
 *
 * With `--keys` it runs without a terminal, as a `--keys` run does (the script's keys are the
 * presenter's, each taking 0.4 s), and prints the final screen: the tests' way in.
 *
 * A cast from another program (no `command` of ours) or one without input events is refused with one
 * line (exit 2): there is nothing to run again.
 */
import { parseArgs } from 'node:util';
import { parseCli, type CliOptions } from '../cli/args.js';
import { UsageError } from '../errors.js';
import { printable, readCast, type CastRecording } from '../record/castReader.js';
import { parseKeys } from '../record/keyScript.js';
import { screenText } from '../record/screenText.js';
import { splitWords } from '../record/shellWords.js';
import { createVirtualTerminal } from '../record/virtualTerminal.js';
import { resolveScenario } from '../scenarios/loader.js';
import { buildSetup } from '../scenarios/setup.js';
import type { Size } from '../terminal/size.js';
import { importScreen, initialAppState, type ScreenOptions } from './boot.js';
import { replayInTerminal } from './replayLive.js';
import { Replayer, replayKey, replayScript } from './replayer.js';
import { screenOptionsFrom } from './screenPlan.js';
import { forgetCursorRestore, KEY_STEP_MS } from './scripted.js';

export const REPLAY_HELP = `usage:
  streetlight-tui replay FILE.cast
  streetlight-tui replay FILE.cast --keys "KEYS"

Runs the app again from a recording's keys (made with --record): the same scenario or talk, the
same numbers, the same screens. While it plays:
  space       pause / play
  ] [         the next / previous marker (paused there)
  + -         faster / slower (0.25x to 16x)
  any other key   hands the app to you from that point (the key counts)
  Ctrl+C      end the replay
  --keys "KEYS"   no terminal: the keys above as a script (each takes 0.4 s), then the final screen
  -h, --help
`;

interface ReplayPlan {
  readonly recording: CastRecording;
  readonly screen: ScreenOptions;
  readonly keys: string | undefined;
}

function parseReplayArgs(args: readonly string[]): { cast: string; keys: string | undefined } | 'help' {
  let parsed;
  try {
    // `--keys "- -"` (slower, twice): the value is the next argument whatever it starts with.
    const joined = args.flatMap((a, i) => (args[i - 1] === '--keys' ? [] : a === '--keys' && i + 1 < args.length ? [`--keys=${args[i + 1]}`] : [a]));
    parsed = parseArgs({ args: joined, options: { keys: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message)?.[1];
    if (unknown) throw new UsageError(`replay: unknown option '${printable(unknown)}' (see replay --help)`);
    if (/argument missing/.test(message)) throw new UsageError('replay --keys: expected the keys, e.g. --keys "] ] s"');
    throw new UsageError(`replay: ${printable(message.split('\n')[0]!)}`);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length !== 1) {
    const got = parsed.positionals.length === 0 ? 'none' : `${parsed.positionals.length}: ${printable(parsed.positionals.join(' '))}`;
    throw new UsageError(`replay: expected one recording FILE.cast, got ${got} (see replay --help)`);
  }
  return { cast: parsed.positionals[0]!, keys: parsed.values.keys };
}

/** The options the recording was made with, from its header's command; refused when it is not ours. */
function recordedOptions(recording: CastRecording): CliOptions {
  const name = printable(recording.file);
  const command = recording.header.command;
  const words = command === undefined ? undefined : splitWords(command);
  if (!words || words[0] !== 'streetlight-tui') {
    throw new UsageError(
      `${name}: not a streetlight-tui recording (its header has no "command": "streetlight-tui …"); replay runs the app again from a recording made with --record (asciinema play shows any cast)`,
    );
  }
  let options: CliOptions;
  try {
    options = parseCli(words.slice(1));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw new UsageError(`${name}: header "command": ${printable(error.message)}`);
  }
  const extra = (['print', 'list', 'help', 'version'] as const).find((k) => options[k]) ?? (options.keys !== undefined ? 'keys' : options.record !== undefined ? 'record' : undefined);
  if (extra) throw new UsageError(`${name}: header "command": --${extra} does not start a screen; expected the scenario or talk and its options`);
  return options;
}

async function planReplay(cast: string, keys: string | undefined): Promise<ReplayPlan> {
  const recording = await readCast(cast);
  const options = recordedOptions(recording);
  if (!recording.events.some((e) => e.kind === 'i')) {
    throw new UsageError(`${printable(recording.file)}: no input events ("i"), so no keys to type again; record with streetlight-tui --record (this version keeps the keys)`);
  }
  const scenario = options.scenario === undefined ? undefined : await resolveScenario(options.scenario);
  if (scenario) buildSetup(scenario, options.overrides);
  const screen = await screenOptionsFrom(options, scenario, {});
  // The session was recorded (its `m` said "Marker 1 added to the recording."): the replay's app is
  // told so, although it writes no file (nothing here opens `record`).
  return { recording, screen: { ...screen, record: recording.file }, keys };
}

export async function runReplay(args: readonly string[], write: (text: string) => void = (text) => void process.stdout.write(text)): Promise<number> {
  const parsed = parseReplayArgs(args);
  if (parsed === 'help') return write(REPLAY_HELP), 0;
  // The key script is checked before anything is read or drawn.
  const steps = parsed.keys === undefined ? undefined : parseKeys(parsed.keys);
  const plan = await planReplay(parsed.cast, parsed.keys);
  if (steps === undefined) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new UsageError('replay: the live replay needs a terminal on stdin and stdout; use --keys "KEYS" to replay without one');
    }
    return replayInTerminal(plan.recording, plan.screen);
  }
  return replayScripted(plan, steps, write);
}

/** The recorded size, the virtual terminal's. */
function recordedSize(recording: CastRecording): Size {
  return { columns: recording.header.width, rows: recording.header.height };
}

async function replayScripted(plan: ReplayPlan, steps: ReturnType<typeof parseKeys>, write: (text: string) => void): Promise<number> {
  const size = recordedSize(plan.recording);
  const initial = await initialAppState(plan.screen);
  const { mountApp } = await importScreen('scripted');
  const output: string[] = [];
  const terminal = createVirtualTerminal(size, (data) => output.push(data));
  const { feed, markers, end } = replayScript(plan.recording);
  const replayer = new Replayer({
    feed,
    markers,
    end,
    resize: (to) => terminal.stdout.resize(to),
    mount: ({ stdin, scheduler, view, onMarker }) =>
      mountApp({
        initial,
        color: !process.env.NO_COLOR,
        ascii: plan.screen.ascii,
        highContrast: plan.screen.theme === 'high-contrast',
        scheduler,
        onMarker,
        stdout: terminal.stdout as unknown as NodeJS.WriteStream,
        stdin,
        stderr: terminal.stderr as unknown as NodeJS.WriteStream,
        maxFps: 0,
        view,
      }),
  });
  await replayer.start();
  let stopped = false;
  for (const step of steps) {
    if (replayer.exited) break;
    if (step.kind === 'wait') {
      await replayer.elapse(step.ms);
      continue;
    }
    await replayer.elapse(KEY_STEP_MS);
    if (!(await replayKey(replayer, step.bytes))) {
      stopped = true;
      break;
    }
  }
  // As a --keys run ends: the last frame held one more step; a replay still playing plays to its end.
  if (stopped || replayer.exited) {
    // Ended by Ctrl+C, or by the recording's own quit.
  } else if (replayer.handedOver) await replayer.elapse(KEY_STEP_MS);
  else await replayer.playToEnd();
  await replayer.close();
  forgetCursorRestore();
  // The screen as it is at the end: a recorded resize may have changed its size.
  write(await screenText(output.join(''), { columns: terminal.stdout.columns, rows: terminal.stdout.rows, convertEol: true }));
  return 0;
}
