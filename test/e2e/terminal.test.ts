/**
 * The built CLI in a real pseudo-terminal at 80x24 (tmux): open deep-net, step, run to the end, go back,
 * quit, and check the terminal is handed back as it was, for every way of quitting. tmux runs a plain
 * shell in its pane; the app is started from that shell, so after it ends the shell's own prompt and
 * `stty` show what state the terminal was left in.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { CLI, cleanEnv, commandExists, ensureBuilt, markersOf, outputOf, parseCastStrict, tempDir, waitFor } from '../support/index.js';
import { AppRun, iterationShown, Pane, PROMPT, quote } from '../support/tmux.js';

const hasTmux = commandExists('tmux');
if (!hasTmux) console.warn('skipping the end-to-end terminal tests: tmux is not installed (apt-get install tmux)');

const tmp = tempDir();
beforeAll(() => ensureBuilt());
afterAll(() => tmp.cleanup());

describe.skipIf(!hasTmux)('the interactive screen in tmux at 80x24', () => {
  let pane: Pane;
  beforeEach(async () => {
    pane = new Pane();
    pane.start();
    await pane.waitFor('the shell prompt', (s) => s.includes(PROMPT.trimEnd()));
  });
  afterEach(() => pane.stop());

  it('opens deep-net, steps by iteration, row and phase, runs to the end, goes back, and quits with q', async () => {
    const run = new AppRun(pane, 'flow', tmp.dir);
    await run.launch('deep-net');
    expect(pane.cursorVisible(), 'Ink hides the cursor while drawing').toBe(false);
    const frameHeight = pane.screen().trimEnd().split('\n').length - 1; // less the command line above it
    expect(frameHeight).toBeLessThanOrEqual(23);

    pane.key('Space');
    await pane.waitFor('iteration 1', iterationShown(1));
    let before = pane.screen();
    pane.type('n');
    await pane.waitFor('a row step', (s) => s !== before);
    before = pane.screen();
    pane.type('s');
    const beforeEnd = await pane.waitFor('a phase step', (s) => s !== before);

    pane.type('e');
    await pane.waitFor('the end: 60/60', iterationShown(60));

    pane.type('b');
    // Back after the run to the end steps back one iteration, not to where `e` was pressed.
    expect(Number(/(\d+)\/60/.exec(beforeEnd)![1])).toBeLessThan(10);
    await pane.waitFor('back to 59/60', (s) => !iterationShown(60)(s) && iterationShown(59)(s));

    pane.type('q');
    await run.expectRestored(0);
  });

  it('a long run to the end shows its progress, stops at a key, and q during it quits within half a second', async () => {
    const run = new AppRun(pane, 'long-run', tmp.dir);
    await run.launch('deep-net --hidden 256 --iterations 1000000', (s) => /iter 0\/1000000/.test(s));
    pane.type('e');
    const progress = await pane.waitFor('the run in progress', (s) => (/running/.test(s) && /iter [1-9]\d*\/1000000/.test(s) ? s : undefined) !== undefined);
    expect(progress).toMatch(/Any key stops it/);
    pane.type('x');
    const stopped = await pane.waitFor('the run stopped', (s) => /Stopped after iteration \d+/.test(s));
    const at = Number(/Stopped after iteration (\d+)/.exec(stopped)![1]);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(1_000_000);
    pane.type('e');
    await pane.waitFor('running again', (s) => /running/.test(s));
    const asked = Date.now();
    pane.type('q');
    await run.expectRestored(0);
    expect(Date.now() - asked).toBeLessThan(1500);
  });

  it('SIGTERM during a long run to the end exits within a second, terminal restored', async () => {
    const run = new AppRun(pane, 'long-run-term', tmp.dir);
    await run.launch('deep-net --hidden 256 --iterations 1000000', (s) => /iter 0\/1000000/.test(s));
    pane.type('e');
    await pane.waitFor('the run in progress', (s) => /running/.test(s));
    const asked = Date.now();
    process.kill(run.pid(), 'SIGTERM');
    await run.expectRestored(143);
    expect(Date.now() - asked).toBeLessThan(1500);
  });

  it('quits with Ctrl+C, on the training screen and in the picker, with exit code 130 (128 + SIGINT)', async () => {
    const training = new AppRun(pane, 'ctrl-c', tmp.dir);
    await training.launch('deep-net');
    pane.key('C-c');
    await training.expectRestored(130);

    const picker = new AppRun(pane, 'ctrl-c-picker', tmp.dir);
    await picker.launch('', (s) => s.includes('deep-net') && s.includes('single-light'));
    pane.key('C-c');
    await picker.expectRestored(130);
  });

  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129], ['SIGINT', 130]] as const) {
    it(`restores the terminal when killed with ${signal}`, async () => {
      const run = new AppRun(pane, signal, tmp.dir);
      await run.launch('deep-net');
      pane.key('Space');
      await pane.waitFor('iteration 1', iterationShown(1));
      process.kill(run.pid(), signal);
      await run.expectRestored(code);
    });
  }

  it('records a live session: frames, markers, and a resize event, in a valid cast', async () => {
    const cast = path.join(tmp.dir, 'live.cast');
    const run = new AppRun(pane, 'live', tmp.dir);
    await run.launch(`deep-net --record ${quote(cast)}`);
    pane.key('Space');
    await pane.waitFor('iteration 1', iterationShown(1));
    pane.type('m');
    await waitFor('the marker', () => (readFileSync(cast, 'utf8').includes('"marker 1 · deep-net · iteration 1 · row 3 update"') ? true : undefined));
    pane.tmux('resize-window', '-t', 'e2e', '-x', '100', '-y', '30');
    await waitFor('the resize event', () => (readFileSync(cast, 'utf8').includes('"100x30"') ? true : undefined));
    pane.key('Space');
    await pane.waitFor('iteration 2', iterationShown(2));
    pane.type('q');
    await run.expectRestored(0);

    const parsed = parseCastStrict(readFileSync(cast, 'utf8'));
    expect(parsed.header).toMatchObject({ version: 2, width: 80, height: 24, title: 'streetlight-tui deep-net' });
    expect(Number.isInteger(parsed.header.timestamp)).toBe(true);
    expect(parsed.events.filter((e) => e[1] === 'r').map((e) => e[2])).toEqual(['100x30']);
    expect(markersOf(parsed)).toEqual([
      'deep-net · opened',
      expect.stringMatching(/^deep-net · iteration 1 · error /),
      'marker 1 · deep-net · iteration 1 · row 3 update',
      expect.stringMatching(/^deep-net · iteration 2 · error /),
    ]);
    // What starts the same app, and the keys as the terminal sent them: what replay needs.
    expect(parsed.header.command).toMatch(/^streetlight-tui deep-net( --ascii)?$/);
    expect(parsed.events.filter((e) => e[1] === 'i').map((e) => e[2]).join('')).toBe(' m q');
    expect(outputOf(parsed).endsWith('\x1b[?25h')).toBe(true);
  });

  it('refuses an unwritable --record path before drawing anything (exit 2)', async () => {
    const run = new AppRun(pane, 'unwritable', tmp.dir);
    await run.launch('deep-net --record /nonexistent/dir/x.cast', (s) => s.includes("cannot write '/nonexistent/dir/x.cast'"));
    await run.expectRestored(2);
    expect(pane.screen()).not.toMatch(/\d+\/60/);
  });
});

describe.skipIf(!hasTmux)('the picker in a real terminal', () => {
  let pane: Pane;
  const start = async (columns: number, rows: number) => {
    pane = new Pane();
    pane.start(columns, rows);
    await pane.waitFor('the shell prompt', (s) => s.includes(PROMPT.trimEnd()));
  };
  afterEach(() => pane.stop());
  const pickerShown = (s: string) => s.includes('single-light') && s.includes('Enter open');
  const highlighted = (id: string) => (s: string) => new RegExp(`▸ ${id}\\b`).test(s);

  it('survives 20 Downs at 80x16, one key at a time, and shrinking to 80x12', async () => {
    await start(80, 16);
    const run = new AppRun(pane, 'picker-downs', tmp.dir);
    await run.launch('', pickerShown);
    for (let i = 0; i < 20; i++) pane.key('Down');
    await pane.waitFor('the last scenario highlighted', highlighted('dimmer-lights'));
    pane.resize(80, 12);
    await pane.waitFor('the highlight after the resize', (s) => highlighted('dimmer-lights')(s) && s.trimEnd().split('\n').length <= 12);
    expect(pane.screen()).not.toContain('TypeError');
    pane.type('q');
    await run.expectRestored(0);
  });

  it('takes all 8 Downs of a burst, and both keys of "jj"', async () => {
    await start(80, 24);
    const run = new AppRun(pane, 'picker-burst', tmp.dir);
    await run.launch('', pickerShown);
    pane.key(...Array<string>(8).fill('Down'));
    await pane.waitFor('the ninth scenario highlighted', highlighted('deep-net'));
    pane.type('kk');
    await pane.waitFor('two up', highlighted('no-correlation'));
    pane.type('q');
    await run.expectRestored(0);
  });

  it('leaves no stale lines when the terminal is narrowed (80 -> 81 -> 80, 120 -> 80)', async () => {
    await start(80, 24);
    const run = new AppRun(pane, 'picker-narrow', tmp.dir);
    await run.launch('', pickerShown);
    const once = (s: string, text: string) => s.split(text).length - 1 === 1;
    for (const [columns, rows] of [[81, 24], [80, 24], [120, 30], [80, 24]] as const) {
      pane.resize(columns, rows);
      const clean = (s: string) => pickerShown(s) && ['streetlight-tui ─', 'Enter open', ...BUILT_INS.map((b) => `${b.id} `)].every((text) => once(s, text));
      // The screen once the app has redrawn after the resize: the same capture twice, 300 ms apart.
      const settled = await pane.settled();
      expect(clean(settled), `stale lines at ${columns}x${rows}:\n${settled}`).toBe(true);
    }
    pane.type('q');
    await run.expectRestored(0);
  });
});

describe('without a terminal', () => {
  it('exits 2 with one line pointing to --print when stdin is not a terminal', async () => {
    const child = spawn(process.execPath, [CLI, 'deep-net'], { env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain('--print');
  });
});
