/**
 * `replay FILE.cast`: the real app again from a recording's keys, through the built CLI. A whole
 * replay ends on the recorded session's final screen; `]` / `[` land on the screens the recording
 * shows at its markers; `+` / `-` change how much of it plays; any other key hands over; casts that
 * cannot be replayed get one line and exit 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markerScreens, screenLines } from '../../src/export/slides/markerScreens.js';
import { readCast } from '../../src/record/castReader.js';
import { ensureBuilt, outputOf, parseCastStrict, replay as replayOutput, runCli, tempDir } from '../support/index.js';

ensureBuilt();
const tmp = tempDir();
let count = 0;

/** Records `args` with --keys KEYS into a fresh cast; returns its path. */
function record(args: readonly string[], keys: string, env: Record<string, string> = {}): string {
  const file = path.join(tmp.dir, `r${count++}.cast`);
  const run = runCli([...args, '--keys', keys, '--record', file], env);
  expect(run.status, run.stderr).toBe(0);
  return file;
}

/** The recorded session's final screen, from the cast's output. */
async function recordedScreen(cast: string): Promise<string> {
  const parsed = parseCastStrict(readFileSync(cast, 'utf8'));
  return replayOutput(outputOf(parsed), parsed.header.width as number, parsed.header.height as number);
}

function replay(cast: string, keys: string, env: Record<string, string> = {}): string {
  const run = runCli(['replay', cast, '--keys', keys], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** The final screen of the same --keys run without --record. */
function direct(args: readonly string[], keys: string, env: Record<string, string> = {}): string {
  const run = runCli([...args, '--keys', keys], env);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('a whole replay ends on the recorded final screen', () => {
  const sessions: [string, string[], string, Record<string, string>?][] = [
    // Ends with m: the recorded session said "Marker 1 added to the recording.", and so does its replay.
    ['steps, play at two speeds, back, a run to the end, a marker', ['deep-net'], 's s s s n space p wait:1500 + wait:1000 p b e m'],
    ['the picker, a scenario opened, Esc, another', [], 'down down enter s s esc up enter space space'],
    ['a long run to the end stopped by a key', ['deep-net', '--iterations', '200000'], 'e wait:300 x'],
    ['overrides, a mode switch, the log chart', ['whole-dataset', '--alpha', '0.05'], 'space g space l space'],
    ['a talk: stops forward and back, steps between', ['--talk', 'chapter-6'], 'pagedown s s pageup space pagedown pagedown n'],
    ['focus, help', ['deep-net'], 'z space z ? ? esc s'],
    ['--ascii and 120x40 without colour', ['no-correlation', '--ascii', '--size', '120x40'], 'space space e', { NO_COLOR: '1' }],
    ['the projector theme', ['deep-net', '--theme', 'high-contrast'], 's space'],
  ];
  for (const [what, args, keys, env] of sessions) {
    it(what, async () => {
      const cast = record(args, keys, env);
      const screen = replay(cast, '', env);
      expect(screen).toBe(await recordedScreen(cast));
      expect(screen.split('\n')[0]).not.toBe('');
    });
  }

  it('the recording carries what replay needs: the command, the size, every key as the terminal sent it', () => {
    const cast = parseCastStrict(readFileSync(record(['deep-net', '--alpha', '0.5', '--size', '100x30'], 'pagedown n f5 ctrl+l m'), 'utf8'));
    expect(cast.header).toMatchObject({ width: 100, height: 30, command: 'streetlight-tui deep-net --alpha 0.5' });
    expect(cast.events.filter((e) => e[1] === 'i')).toEqual([
      [0.4, 'i', '\x1b[6~'],
      [0.8, 'i', 'n'],
      [1.2, 'i', '\x1b[15~'],
      [1.6, 'i', '\x0c'],
      [2, 'i', 'm'],
    ]);
    const talk = parseCastStrict(readFileSync(record(['--talk', 'chapter-6', '--ascii'], ''), 'utf8'));
    expect(talk.header).toMatchObject({ command: 'streetlight-tui --talk chapter-6 --ascii', title: 'streetlight-tui: Chapter 6: backpropagation, in nine stops' });
  });

  it('a recorded resize is made again at its time', () => {
    const cast = path.join(tmp.dir, 'resized.cast');
    const header = { version: 2, width: 80, height: 24, command: 'streetlight-tui deep-net', env: { TERM: 'xterm-256color' } };
    writeFileSync(cast, [JSON.stringify(header), '[0.4,"i","s"]', '[0.8,"r","120x40"]', '[1.2,"i","s"]', ''].join('\n'));
    const screen = replay(cast, '');
    expect(screen.split('\n')[0]).toMatch(/^deep-net {2}iter 1\/60 {3}row 0 \(of 4\) {2}phase compare/);
    expect(Math.max(...screen.split('\n').map((l) => l.length))).toBeGreaterThan(80);
  });
});

describe('markers, speed and the hand-over', () => {
  // Markers: opened at 0 s, then iterations 1, 2, 3 at 1.2, 1.6 and 2.0 s.
  const keys = 's s space space space';
  const cast = record(['deep-net'], keys);

  async function markerScreen(index: number): Promise<string> {
    const recording = await readCast(cast);
    return screenLines((await markerScreens(recording))[index]!);
  }

  it('] jumps to the next marker and pauses there, on the screen the recording shows at it', async () => {
    expect(replay(cast, ']')).toBe(await markerScreen(1));
    expect(replay(cast, '] ]')).toBe(await markerScreen(2));
    expect(replay(cast, '] ] ]')).toBe(await markerScreen(3));
    // Past the last marker there is nowhere to jump: it stays, paused.
    expect(replay(cast, '] ] ] ]')).toBe(await markerScreen(3));
  });

  it('[ jumps back (the app started afresh and fast-forwarded), as exactly', async () => {
    expect(replay(cast, '] ] ] [')).toBe(await markerScreen(2));
    expect(replay(cast, '] ] ] [ [')).toBe(await markerScreen(1));
    expect(replay(cast, '] ] ] [ [ [')).toBe(await markerScreen(0));
    expect(replay(cast, '] [ ]')).toBe(await markerScreen(1));
  });

  it('+ and - change how much of the recording plays in the same time', () => {
    // 0.4 s at 1x, then 0.4 s at 2x, then 0.4 s at 4x: 2.8 s of the recording, its keys up to there.
    const slow = record(['deep-net'], 's s s s s s s s s s');
    expect(replay(slow, '+ + space')).toBe(direct(['deep-net'], 's s s s s s s'));
    // 0.4 s at 1x, then 0.4 s at 0.5x: 0.6 s, one key.
    expect(replay(slow, '- space')).toBe(direct(['deep-net'], 's'));
    // Paused, time passes and nothing moves; space plays on.
    expect(replay(slow, 'space wait:5000 space space')).toBe(direct(['deep-net'], 's s'));
  });

  it('any other key hands the app over from where the replay is, the key included', () => {
    expect(replay(cast, '] s s')).toBe(direct(['deep-net'], 's s space s s'));
    expect(replay(cast, '] ] ] b e')).toBe(direct(['deep-net'], 's s space space space b e'));
    // After the hand-over replay's own keys are the app's: space is an iteration, ] steps alpha up.
    expect(replay(cast, '] s space ]')).toBe(direct(['deep-net'], 's s space s space ]'));
  });

  it('ctrl+c ends the replay where it is', () => {
    expect(replay(cast, '] ctrl+c ]')).toBe(replay(cast, ']'));
  });

  it('a recording that quits ends the replay there', () => {
    const quits = record(['deep-net'], 'space q');
    expect(replay(quits, '')).toBe(direct(['deep-net'], 'space q'));
  });
});

describe('what cannot be replayed: one line, exit 2', () => {
  const write = (name: string, lines: string[]) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const header = (extra: object) => JSON.stringify({ version: 2, width: 80, height: 24, ...extra });

  it.each([
    ['a cast from another program', () => write('bash.cast', [header({ command: '/bin/bash' }), '[0.5,"o","$ "]', '[1,"i","ls\\r"]']), /: not a streetlight-tui recording \(its header has no "command": "streetlight-tui …"\); replay runs the app again from a recording made with --record/],
    ['a cast without a command', () => write('plain.cast', [header({}), '[0.5,"o","hi"]']), /: not a streetlight-tui recording/],
    ['a recording without input events', () => write('nokeys.cast', [header({ command: 'streetlight-tui deep-net' }), '[0.5,"o","hi"]']), /: no input events \("i"\), so no keys to type again/],
    ['a command with an unknown option', () => write('badopt.cast', [header({ command: 'streetlight-tui deep-net --speed 3' }), '[0.4,"i","s"]']), /: header "command": unknown option '--speed' \(see --help\)$/],
    ['a command that starts no screen', () => write('print.cast', [header({ command: 'streetlight-tui deep-net --print' }), '[0.4,"i","s"]']), /: header "command": --print does not start a screen/],
    ['an unknown scenario', () => write('unknown.cast', [header({ command: 'streetlight-tui deep-nett' }), '[0.4,"i","s"]']), /^streetlight-tui: unknown scenario 'deep-nett'/],
    ['no such file', () => path.join(tmp.dir, 'missing.cast'), /missing\.cast: cannot read it \(no such file\); expected an asciicast v2 \.cast file$/],
  ])('%s', (_what, make, message) => {
    const run = runCli(['replay', make(), '--keys', '']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it.each([
    [['replay'], 'streetlight-tui: replay: expected one recording FILE.cast, got none (see replay --help)'],
    [['replay', 'a.cast', 'b.cast'], 'streetlight-tui: replay: expected one recording FILE.cast, got 2: a.cast b.cast (see replay --help)'],
    [['replay', 'a.cast', '--html', 'x'], "streetlight-tui: replay: unknown option '--html' (see replay --help)"],
    [['replay', 'a.cast', '--keys', 'xyz'], "streetlight-tui: --keys: unknown key 'xyz': expected a single character, one of space enter esc tab backspace up down right left home end pageup pagedown ctrl+c ctrl+l f5 shift+f5, or wait:MS"],
  ])('%j', (args, line) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${line}\n`);
  });

  it('without --keys it needs a terminal', () => {
    const run = runCli(['replay', record(['deep-net'], 's')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^streetlight-tui: replay: the live replay needs a terminal on stdin and stdout; use --keys/);
  });

  it('prints its help', () => {
    const run = runCli(['replay', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('] [         the next / previous marker');
  });
});
