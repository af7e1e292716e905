/** `--keys` runs of the built CLI: the cast, the final screen, determinism, markers, bad input. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { ensureBuilt, markersOf, outputOf, parseCastStrict, replay, ROOT, runCli, tempDir } from '../support/index.js';

const tmp = tempDir();
const castPath = (name: string) => path.join(tmp.dir, name);

beforeAll(() => ensureBuilt());
afterAll(() => tmp.cleanup());

/** Runs `--keys` with `--record` into a fresh file and returns the file's text. */
function record(name: string, args: readonly string[], env: Record<string, string | undefined> = {}, status = 0): string {
  const file = castPath(name);
  const run = runCli([...args, '--record', file], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(status);
  expect(run.stdout).toBe('');
  return readFileSync(file, 'utf8');
}

// Touches every kind of step, play mode on the virtual clock, the picker and a second scenario.
const BUSY_KEYS = 's s n space p wait:1200 + wait:400 p b ? ? l esc down enter n e m q';

describe('--keys --record', () => {
  it('writes a strictly valid asciicast v2 file with no wall-clock timestamp', () => {
    const { header, events } = parseCastStrict(record('valid.cast', ['deep-net', '--keys', BUSY_KEYS]));
    expect(header).toEqual({ version: 2, width: 80, height: 24, command: 'streetlight-tui deep-net', title: 'streetlight-tui deep-net', env: { TERM: 'xterm-256color' } });
    expect(events.length).toBeGreaterThan(10);
    expect(events.some((e) => e[1] === 'r')).toBe(false); // the virtual terminal never changes size
  });

  it('gives a byte-identical file for the same keys, with CI set or not', () => {
    const args = ['deep-net', '--keys', BUSY_KEYS];
    const first = record('same-1.cast', args);
    expect(record('same-2.cast', args)).toBe(first);
    expect(record('same-ci.cast', args, { CI: 'true' })).toBe(first);
    expect(record('same-ci-1.cast', args, { CONTINUOUS_INTEGRATION: '1', TERM: 'dumb', COLORTERM: 'truecolor' })).toBe(first);
  });

  it('replays to the same final screen as the run without --record prints', async () => {
    for (const [keys, size] of [
      ['space space n s', [80, 24]],
      // Without `m`: its caption says whether a recording is being written, so the two screens differ there.
      [BUSY_KEYS.replace(' m q', ''), [80, 24]],
      ['n n n e b', [120, 40]],
    ] as const) {
      const sizeArg = `${size[0]}x${size[1]}`;
      const cast = parseCastStrict(record(`replay-${sizeArg}.cast`, ['deep-net', '--keys', keys, '--size', sizeArg]));
      expect(cast.header.width).toBe(size[0]);
      expect(cast.header.height).toBe(size[1]);
      const printed = runCli(['deep-net', '--keys', keys, '--size', sizeArg]);
      expect(printed.status).toBe(0);
      expect(printed.stdout.trim().length).toBeGreaterThan(0);
      expect(await replay(outputOf(cast), size[0], size[1])).toBe(printed.stdout);
    }
  });

  it('keeps the screen inside the terminal: the frame is shorter than the rows', async () => {
    const cast = parseCastStrict(record('height.cast', ['deep-net', '--keys', 'n n s space']));
    const screen = await replay(outputOf(cast), 80, 24);
    expect(screen.split('\n').length - 1).toBeLessThanOrEqual(23);
  });

  it('marks each iteration stepped with its number and error', () => {
    const labels = markersOf(parseCastStrict(record('markers.cast', ['deep-net', '--keys', 'space space'])));
    expect(labels).toHaveLength(3);
    expect(labels[0]).toBe('deep-net · opened');
    expect(labels[1]).toMatch(/^deep-net · iteration 1 · error \d/);
    expect(labels[2]).toMatch(/^deep-net · iteration 2 · error \d/);
    // The errors are the training log's.
    const log = runCli(['deep-net', '--print', '--json']).stdout.trim().split('\n').map((line) => JSON.parse(line) as { error: number });
    expect(Number(labels[1]!.split(' ').at(-1))).toBe(log[0]!.error);
    expect(Number(labels[2]!.split(' ').at(-1))).toBe(log[1]!.error);
  });

  it('marks a whole run to the end, one marker per iteration, at one moment', () => {
    const cast = parseCastStrict(record('end.cast', ['deep-net', '--keys', 'e']));
    const iterations = cast.events.filter((e) => e[1] === 'm' && e[2].startsWith('deep-net · iteration '));
    expect(iterations.map((e) => e[2].split(' ')[3])).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
    expect(new Set(iterations.map((e) => e[0])).size).toBe(1);
  });

  it('marks the marker key and each scenario opened from the picker', () => {
    const withMarker = markersOf(parseCastStrict(record('m.cast', ['deep-net', '--keys', 'm m'])));
    expect(withMarker).toEqual(['deep-net · opened', 'marker 1 · deep-net · start', 'marker 2 · deep-net · start']);
    const picked = markersOf(parseCastStrict(record('picker.cast', ['--keys', 'down enter esc enter'])));
    expect(picked).toEqual([`${BUILT_INS[1]!.id} · opened`, `${BUILT_INS[1]!.id} · opened`]);
  });

  it('plays on the virtual clock: wait:MS advances play mode, and time in the cast', () => {
    const cast = parseCastStrict(record('play.cast', ['deep-net', '--keys', 'p wait:3000 p']));
    const iterations = markersOf(cast).filter((m) => m.startsWith('deep-net · iteration '));
    expect(iterations.length).toBeGreaterThan(0);
    expect(cast.events.at(-1)![0]).toBeGreaterThanOrEqual(3);
  });

  it('stops at q, ignoring later keys, and ends the file with the cursor shown', () => {
    const cast = parseCastStrict(record('quit.cast', ['deep-net', '--keys', 'space q space space']));
    expect(markersOf(cast).filter((m) => m.startsWith('deep-net · iteration '))).toHaveLength(1);
    expect(outputOf(cast).endsWith('\x1b[?25h')).toBe(true);
  });

  it('quits on ctrl+c too, with exit code 130 (128 + SIGINT), the cast complete', () => {
    const cast = parseCastStrict(record('ctrl-c.cast', ['deep-net', '--keys', 'ctrl+c space'], {}, 130));
    expect(markersOf(cast)).toEqual(['deep-net · opened']);
    expect(outputOf(cast).endsWith('\x1b[?25h')).toBe(true);
  });

  it('ctrl+c quits from the picker, the help and a long run too (130); q and a script that just ends give 0', () => {
    for (const [args, status] of [
      [['--keys', 'down ctrl+c'], 130],
      [['deep-net', '--keys', '? ctrl+c'], 130],
      [['deep-net', '--hidden', '256', '--iterations', '1000000', '--keys', 'e ctrl+c'], 130],
      [['deep-net', '--keys', 'space q'], 0],
      [['deep-net', '--keys', 'space'], 0],
    ] as const) {
      const run = runCli(args);
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.status, args.join(' ')).toBe(status);
    }
  });

  it('with NO_COLOR writes no colour codes, with colour it writes 16-colour codes only', () => {
    const plain = outputOf(parseCastStrict(record('plain.cast', ['deep-net', '--keys', 'space n'], { NO_COLOR: '1' })));
    expect(plain).not.toMatch(/\x1b\[[0-9;]*m/);
    const colour = outputOf(parseCastStrict(record('colour.cast', ['deep-net', '--keys', 'space n'], { FORCE_COLOR: '3' })));
    const sgr = [...colour.matchAll(/\x1b\[([0-9;]*)m/g)].map((m) => m[1]!);
    expect(sgr.some((codes) => codes !== '' && codes !== '0')).toBe(true);
    expect(sgr.filter((codes) => codes.includes('38;') || codes.includes('48;'))).toEqual([]);
  });
});

describe('--keys without --record', () => {
  it('prints the final screen as plain text: deep-net run to the end shows 60/60', () => {
    const run = runCli(['deep-net', '--keys', 'e', '--size', '80x24']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('60/60');
    expect(run.stdout).not.toMatch(/\x1b/);
    expect(run.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('works without CI and with CI=true alike', () => {
    const a = runCli(['deep-net', '--keys', 'space n s']);
    const b = runCli(['deep-net', '--keys', 'space n s'], { CI: 'true' });
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('draws the picker when no scenario is given and the keys do not open one', () => {
    const run = runCli(['--keys', 'down']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(BUILT_INS[1]!.id);
  });
});

describe('bad input: exit 2 with one line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown key name', ['deep-net', '--keys', 'n xyz'], /^streetlight-tui: --keys: unknown key 'xyz': expected /],
    ['a malformed wait', ['deep-net', '--keys', 'wait:soon'], /^streetlight-tui: --keys: 'wait:soon': expected wait:MS/],
    ['a malformed --size', ['deep-net', '--keys', 'n', '--size', '80by24'], /^streetlight-tui: --size: expected COLSxROWS/],
    ['a --size below the minimum', ['deep-net', '--keys', 'n', '--size', '20x5'], /^streetlight-tui: --size: 20x5 is below the minimum of \d+x\d+/],
    ['an unwritable --record path', ['deep-net', '--keys', 'n', '--record', '/nonexistent/dir/x.cast'], /^streetlight-tui: --record: cannot write '\/nonexistent\/dir\/x.cast'/],
    ['a folder as --record path', ['deep-net', '--keys', 'n', '--record', tmp.dir], /^streetlight-tui: --record: cannot write '.*' \(is a folder\)/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const run = runCli(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.endsWith('\n')).toBe(true);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('writes no file when the keys are refused', () => {
    const file = castPath('refused.cast');
    expect(runCli(['deep-net', '--keys', 'bogus', '--record', file]).status).toBe(2);
    expect(existsSync(file)).toBe(false);
  });
});

describe('the demo', () => {
  it('has a key script that parses and a committed cast that is strictly valid', async () => {
    const { parseKeys } = await import('../../src/record/keyScript.js');
    const script = readFileSync(path.join(ROOT, 'docs/demo.keys'), 'utf8');
    const keys = script.split('\n').filter((line) => !line.trimStart().startsWith('#')).join(' ');
    expect(parseKeys(keys).length).toBeGreaterThan(10);
    const cast = parseCastStrict(readFileSync(path.join(ROOT, 'docs/demo.cast'), 'utf8'));
    expect(cast.header).toMatchObject({ width: 80, height: 24 });
    expect(markersOf(cast)).toContain('deep-net · opened');
  });
});
