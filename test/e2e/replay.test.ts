/**
 * The live replay in a real pseudo-terminal (tmux): the recording plays with a status line under the
 * app's frame, `[` jumps back to a marker's screen, a key of the presenter's takes the app over (the
 * status line goes), q quits and the terminal is handed back with its cursor.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, commandExists, ensureBuilt, outputOf, parseCastStrict, replay, ROOT, runCli, sleep, tempDir, waitFor } from '../support/index.js';

const hasTmux = commandExists('tmux');
if (!hasTmux) console.warn('skipping the live replay test: tmux is not installed (apt-get install tmux)');

const tmp = tempDir();
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
// A server of its own per test: a new one right after the last one was killed may not start.
let socket = '';
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', env: cleanEnv() }).stdout ?? '';
const screen = () => tmux('capture-pane', '-p', '-t', 'r');
const until = (what: string, test: (s: string) => boolean) =>
  waitFor(what, () => (test(screen()) ? true : undefined), 15_000).catch((error: Error) => {
    throw new Error(`${error.message}; the screen was:\n${screen()}`);
  });

beforeEach(() => void (socket = `streetlight-replay-${process.pid}-${Math.random().toString(36).slice(2, 8)}`));
afterEach(() => void tmux('kill-server'));

describe.skipIf(!hasTmux)('replay in a terminal', () => {
  it('plays, jumps back, hands over, quits', async () => {
    ensureBuilt();
    const cast = path.join(tmp.dir, 'live.cast');
    expect(runCli(['deep-net', '--keys', 's s space space space', '--record', cast]).status).toBe(0);
    const command = `env -u CI -u CONTINUOUS_INTEGRATION ${quote(process.execPath)} ${quote(CLI)} replay ${quote(cast)}; echo EXIT=$?; sleep 30`;
    tmux('-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '30', '-s', 'r', '-c', ROOT, command);

    // It plays to the end at its own pace: 2.4 s, four marker instants; the app draws at the recorded 80x24.
    await until('the end of the recording', (s) => /replay: at the end {2}0:02\/0:02 {2}marker 4\/4/.test(s));
    let s = screen();
    expect(s.split('\n')[0]).toMatch(/^deep-net {2}iter 3\/60/);
    expect(s.split('\n')[23]).toMatch(/^replay: at the end/);
    expect(Math.max(...s.split('\n').slice(0, 23).map((l) => l.trimEnd().length))).toBeLessThanOrEqual(80);

    // Past the last marker, [ goes back to it first (as a player's "previous chapter" does), then to the one before.
    tmux('send-keys', '-t', 'r', '-l', '[');
    await until('marker 4', (s) => /replay: paused \(1x\) {2}0:02\/0:02 {2}marker 4\/4/.test(s) && /^deep-net {2}iter 3\/60/.test(s));
    tmux('send-keys', '-t', 'r', '-l', '[');
    await until('marker 3', (s) => /replay: paused \(1x\) {2}0:01\/0:02 {2}marker 3\/4/.test(s) && /^deep-net {2}iter 2\/60/.test(s));

    // A key of the presenter's: the app is theirs, the status line goes.
    tmux('send-keys', '-t', 'r', '-l', 's');
    await until('the hand-over', (s) => /^deep-net {2}iter 3\/60 {3}row 0 \(of 4\) {2}(phase )?predict/.test(s) && !s.includes('replay:'));
    tmux('send-keys', '-t', 'r', '-l', 'q');
    await until('the exit', (s) => s.includes('EXIT=0'));
    s = screen();
    expect(tmux('display', '-p', '-t', 'r', '#{cursor_flag}').trim()).toBe('1');
    expect(s).not.toContain('replay:');
  });

  it('a live recording replays exactly: play mode at two speeds, a long run to the end stopped by a key', async () => {
    ensureBuilt();
    const cast = path.join(tmp.dir, 'made-live.cast');
    const command = `env -u CI -u CONTINUOUS_INTEGRATION ${quote(process.execPath)} ${quote(CLI)} deep-net --iterations 300000 --record ${quote(cast)}; echo EXIT=$?; sleep 30`;
    tmux('-f', '/dev/null', 'new-session', '-d', '-x', '80', '-y', '24', '-s', 'r', '-c', ROOT, command);
    await until('the first frame', (s) => s.includes('? help'));
    const press = async (keys: string, ms: number) => {
      tmux('send-keys', '-t', 'r', '-l', keys);
      await sleep(ms);
    };
    await press('+', 150);
    await press('+p', 1200);
    await press('+', 700);
    await press('p', 200);
    await press('e', 400);
    await press('x', 300);
    await press('q', 0);
    await until('the exit', (s) => s.includes('EXIT=0'));
    const recorded = parseCastStrict(readFileSync(cast, 'utf8'));
    expect(recorded.events.filter((e) => e[1] === 'i').map((e) => e[2]).join('')).toBe('++p+pexq');
    const finalScreen = await replay(outputOf(recorded), 80, 24);
    // It stopped somewhere in the run, where the slices had got to when x came.
    expect(finalScreen.split('\n')[0]).toMatch(/^deep-net {2}iter \d+\/300000/);
    const run = runCli(['replay', cast, '--keys', '']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(finalScreen);
  });
});
