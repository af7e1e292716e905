/**
 * Frame diffing (src/ui/frameDiff.ts): whatever Ink writes, a terminal fed the diffed stream must show
 * exactly what a terminal fed Ink's own stream shows: every cell's character (an erased cell differs
 * from a written space), colours and attributes, and the cursor, after every frame. Two @xterm/headless
 * terminals stand for the two; Ink's writes are either simulated (random frames, byte-for-byte what
 * Ink 6.8's log-update writes) or taken from the real app (a `--keys` recording made with diffing off).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import xterm from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffFrames, FrameDiffer, wantsFrameDiff } from '../../src/terminal/frameDiff.js';
import { ensureBuilt, markersOf, outputOf, parseCastStrict, runCli, tempDir, type Cast } from '../support/index.js';

// ---------------------------------------------------------------------------------------------------
// Two terminals

type Terminal = InstanceType<typeof xterm.Terminal>;

function terminal(columns: number, rows: number): Terminal {
  // convertEol: a terminal's ONLCR, which turns the "\n" of a program's raw output into "\r\n".
  // (Some scrollback: xterm.js 6 without any trips over its own resize.)
  return new xterm.Terminal({ cols: columns, rows, convertEol: true, allowProposedApi: true, scrollback: 50 });
}

const feed = (t: Terminal, data: string) => new Promise<void>((resolve) => t.write(data, resolve));

/** Every cell of the screen (character, width, colours, attributes), each line's wrap flag, and the cursor. */
function snapshot(t: Terminal): string[] {
  const buffer = t.buffer.active;
  const cell = buffer.getNullCell();
  const rows: string[] = [];
  for (let y = 0; y < t.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    if (!line) {
      rows.push('no line');
      continue;
    }
    let row = line.isWrapped ? 'w|' : '|';
    for (let x = 0; x < t.cols; x++) {
      line.getCell(x, cell);
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isBlink(), cell.isInverse(), cell.isInvisible(), cell.isStrikethrough(), cell.isOverline()]
        .map((f) => (f ? 1 : 0))
        .join('');
      row += `${cell.getChars() || '∅'}${cell.getWidth()}:${cell.getFgColorMode()}.${cell.getFgColor()}/${cell.getBgColorMode()}.${cell.getBgColor()}/${flags}|`;
    }
    rows.push(row);
  }
  rows.push(`cursor ${buffer.cursorX},${buffer.cursorY}`);
  return rows;
}

const text = (t: Terminal) => {
  const buffer = t.buffer.active;
  return Array.from({ length: t.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString() ?? '').join('\n');
};

/** Fails with the first differing row, both screens as text, and what was written. */
function expectSameScreens(plain: Terminal, diffed: Terminal, what: string): void {
  const a = snapshot(plain);
  const b = snapshot(diffed);
  const row = a.findIndex((r, i) => r !== b[i]);
  if (row === -1) return;
  expect.fail(
    `${what}: the screens differ at ${row === a.length - 1 ? 'the cursor' : `row ${row}`}\n` +
      `  plain:  ${a[row]!.slice(0, 400)}\n  diffed: ${b[row]!.slice(0, 400)}\n` +
      `--- plain ---\n${text(plain)}\n--- diffed ---\n${text(diffed)}`,
  );
}

/** Feeds each of Ink's writes to one terminal as is and to the other through a FrameDiffer. */
class Pair {
  readonly plain: Terminal;
  readonly diffed: Terminal;
  readonly differ: FrameDiffer;
  columns: number;
  rows: number;
  plainBytes = 0;
  diffedBytes = 0;

  constructor(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.plain = terminal(columns, rows);
    this.diffed = terminal(columns, rows);
    this.differ = new FrameDiffer(() => ({ columns: this.columns, rows: this.rows }));
  }

  /** Writes `data` (bypassing the differ) to both terminals, e.g. what was on screen before the app. */
  both(data: string): void {
    this.plain.write(data);
    this.diffed.write(data);
  }

  /** One write of Ink's; returns what the differ made of it. (The terminals parse it by the next check.) */
  write(data: string): string {
    const out = this.differ.transform(data);
    this.plainBytes += Buffer.byteLength(data);
    this.diffedBytes += Buffer.byteLength(out);
    this.plain.write(data);
    this.diffed.write(out);
    return out;
  }

  /** Waits until both terminals have parsed everything written so far. */
  async settle(): Promise<void> {
    await Promise.all([feed(this.plain, ''), feed(this.diffed, '')]);
  }

  async resize(columns: number, rows: number): Promise<void> {
    await this.settle();
    this.columns = columns;
    this.rows = rows;
    this.plain.resize(columns, rows);
    this.diffed.resize(columns, rows);
  }

  async check(what: string): Promise<void> {
    await this.settle();
    expectSameScreens(this.plain, this.diffed, what);
  }

  dispose(): void {
    this.plain.dispose();
    this.diffed.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------
// What Ink 6.8 writes (node_modules/ink/build/log-update.js, ansi-escapes)

const eraseLines = (count: number) => {
  let clear = '';
  for (let i = 0; i < count; i++) clear += '\x1b[2K' + (i < count - 1 ? '\x1b[1A' : '');
  return count ? clear + '\x1b[G' : clear;
};
const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

/** log-update's standard (non-incremental) renderer, as Ink drives it. */
class InkLog {
  private previousLineCount = 0;

  frame(output: string): string {
    const str = `${output}\n`;
    const write = eraseLines(this.previousLineCount) + str;
    this.previousLineCount = str.split('\n').length;
    return write;
  }

  clear(): string {
    const write = eraseLines(this.previousLineCount);
    this.previousLineCount = 0;
    return write;
  }
}

// ---------------------------------------------------------------------------------------------------
// Random frames

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Style {
  readonly flags: readonly number[];
  readonly fg?: string;
  readonly bg?: string;
}
interface Cell {
  readonly ch: string;
  readonly style: Style;
}
type Frame = Cell[][];

const PLAIN_STYLE: Style = { flags: [] };
const GLYPHS = [...'abcdefxyz0123456789.-+=:|/  ─│┼╭╮╰╯●○█▌▐▸▶‖α→←↑↓·×≤'];
const WIDE = ['中', '🙂'];
const ON_OFF: Record<number, number> = { 1: 22, 2: 22, 3: 23, 4: 24, 5: 25, 7: 27, 8: 28, 9: 29, 53: 55 };
const FGS = [undefined, '31', '36', '90', '97', '38;5;208', '38;5;3', '38;2;10;200;30'];
const BGS = [undefined, '41', '44', '100', '48;5;17', '48;2;1;2;3'];

class Generator {
  constructor(private readonly next: () => number) {}

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  style(): Style {
    if (this.chance(0.4)) return PLAIN_STYLE;
    const flags = Object.keys(ON_OFF)
      .map(Number)
      .filter(() => this.chance(0.15));
    return { flags, fg: this.pick(FGS), bg: this.chance(0.3) ? this.pick(BGS) : undefined };
  }

  /** A line of at most `columns` cells, trailing plain spaces trimmed as Ink trims them. */
  line(columns: number): Cell[] {
    const cells: Cell[] = [];
    const length = this.int(columns + 1);
    let style = this.style();
    while (cells.length < length) {
      if (this.chance(0.25)) style = this.style();
      cells.push({ ch: this.pick(GLYPHS), style });
    }
    return trimmed(cells);
  }

  frame(columns: number, lineCount: number): Frame {
    return Array.from({ length: lineCount }, () => this.line(columns));
  }

  /** The frame with a double-width character in place of two cells of one line. */
  withWide(frame: Frame): Frame {
    const next = frame.map((line) => [...line]);
    const line = next[this.int(next.length)]!;
    if (line.length >= 2) {
      const c = this.int(line.length - 1);
      line.splice(c, 2, { ch: this.pick(WIDE), style: line[c]!.style });
    }
    return next;
  }

  /** A training step's worth of change: some cells, sometimes a line's length or a whole line. */
  mutate(frame: Frame, columns: number): Frame {
    const next = frame.map((line) => [...line]);
    const changes = 1 + this.int(6);
    for (let k = 0; k < changes; k++) {
      const line = next[this.int(next.length)]!;
      if (line.length === 0) continue;
      const c = this.int(line.length);
      const old = line[c]!;
      line[c] = {
        ch: this.chance(0.7) ? this.pick(GLYPHS.filter((g) => g !== ' ')) : old.ch,
        style: this.chance(0.4) ? this.style() : old.style,
      };
    }
    if (this.chance(0.2)) next[this.int(next.length)] = this.line(columns);
    if (this.chance(0.15)) {
      const i = this.int(next.length);
      next[i] = trimmed(next[i]!.slice(0, this.int(next[i]!.length + 1)));
    }
    return next.map(trimmed);
  }
}

/** Without trailing plain spaces, as Ink trims its lines. */
function trimmed(cells: Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.ch === ' ' && cells[end - 1]!.style === PLAIN_STYLE) end--;
  return cells.slice(0, end);
}

function codes(style: Style): string[] {
  const list = style.flags.map(String);
  if (style.fg) list.push(style.fg);
  if (style.bg) list.push(style.bg);
  return list;
}

/**
 * A frame as text, in one of several SGR spellings: chalk's (open codes before a run, close codes
 * after it, one sequence each), a reset before every run, or only the difference between runs (with
 * styles left open across line ends). `openEnd` leaves the last style open at the end of the frame.
 */
function serialize(frame: Frame, spelling: number, openEnd: boolean): string {
  const out: string[] = [];
  let current: Style = PLAIN_STYLE;
  frame.forEach((line, index) => {
    let text = '';
    let i = 0;
    while (i < line.length) {
      const style = line[i]!.style;
      let run = '';
      while (i < line.length && line[i]!.style === style) run += line[i++]!.ch;
      if (spelling === 0) {
        const open = codes(style).map((c) => `\x1b[${c}m`).join('');
        const close = [...style.flags.map((f) => ON_OFF[f]!), ...(style.fg ? [39] : []), ...(style.bg ? [49] : [])]
          .reverse()
          .map((c) => `\x1b[${c}m`)
          .join('');
        text += open + run + close;
      } else if (spelling === 1) {
        text += `\x1b[${['0', ...codes(style)].join(';')}m${run}`;
      } else {
        if (style !== current) text += `\x1b[0m${codes(style).length ? `\x1b[${codes(style).join(';')}m` : ''}`;
        current = style;
        text += run;
      }
    }
    if (spelling === 1) text += index % 2 ? '\x1b[m' : '\x1b[0m';
    out.push(text);
  });
  let result = out.join('\n');
  if (spelling === 2) result += '\x1b[0m';
  if (openEnd) result += '\x1b[1;35m';
  return result;
}

/**
 * Runs one random session: something on screen before the app, then frames as Ink writes them, with
 * synchronized-output brackets, cursor hide/show, Ink's clear (as on writeToStdout or a narrower
 * terminal), resizes, line count changes, wide characters and unterminated styles now and then.
 */
async function randomSession(seed: number, steps: number): Promise<{ plain: number; diffed: number; diffs: number }> {
  const g = new Generator(random(seed));
  let columns = 8 + g.int(40);
  let rows = 5 + g.int(12);
  const pair = new Pair(columns, rows);
  const ink = new InkLog();
  let diffs = 0;
  try {
    // Leftovers of the shell: lines of text, the cursor somewhere in the middle of them.
    const junk = Array.from({ length: rows }, (_, i) => `junk ${i} `.repeat(10).slice(0, columns)).join('\r\n');
    pair.both(`${junk}\x1b[${1 + g.int(Math.max(1, rows - 3))};1H`);
    let lineCount = 1 + g.int(rows - 2);
    let frame = g.frame(columns, lineCount);
    let spelling = g.int(3);
    pair.write(BSU);
    pair.write('\x1b[?25l');
    pair.write(ink.frame(serialize(frame, spelling, false)));
    pair.write(ESU);
    await pair.check(`seed ${seed}, first frame`);
    for (let step = 1; step <= steps; step++) {
      const what = `seed ${seed}, step ${step}`;
      if (g.chance(0.03)) {
        // Resize: Ink clears first when the terminal got narrower; the frame is then laid out anew.
        const narrower = g.chance(0.5);
        columns = Math.max(6, narrower ? columns - 1 - g.int(10) : columns + 1 + g.int(10));
        rows = Math.max(4, rows + g.int(7) - 3);
        await pair.resize(columns, rows);
        if (narrower) pair.write(ink.clear());
        lineCount = Math.min(lineCount, rows - 1);
        frame = g.frame(columns, lineCount);
      } else if (g.chance(0.04)) {
        // writeToStdout: clear, the data, the last frame again (no eraseLines before it: log was cleared).
        pair.write(ink.clear());
        pair.write('some output\n');
      } else if (g.chance(0.04)) {
        pair.write(g.chance(0.5) ? '\x1b[?25h' : '\x1b[?25l');
      }
      if (g.chance(0.08)) {
        lineCount = Math.max(1, Math.min(rows - 1, lineCount + g.int(5) - 2));
        frame = g.frame(columns, lineCount);
      } else {
        frame = g.mutate(frame, columns);
      }
      if (g.chance(0.05)) spelling = g.int(3);
      const synchronized = g.chance(0.7);
      if (synchronized) pair.write(BSU);
      const drawn = g.chance(0.04) ? g.withWide(frame) : frame;
      const write = ink.frame(serialize(drawn, spelling, g.chance(0.03)));
      const out = pair.write(write);
      if (out !== write) diffs++;
      if (synchronized) pair.write(ESU);
      await pair.check(what);
    }
    return { plain: pair.plainBytes, diffed: pair.diffedBytes, diffs };
  } finally {
    pair.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------

describe('FrameDiffer on random frames', () => {
  const GROUPS = 4;
  const SEEDS = 30;
  const STEPS = 40;
  for (let group = 0; group < GROUPS; group++) {
    const first = group * SEEDS + 1;
    it(`keeps every cell, colour, attribute and the cursor as full frames would, after every frame (seeds ${first}–${first + SEEDS - 1})`, async () => {
      let plain = 0;
      let diffed = 0;
      let diffs = 0;
      for (let seed = first; seed < first + SEEDS; seed++) {
        const result = await randomSession(seed, STEPS);
        plain += result.plain;
        diffed += result.diffed;
        diffs += result.diffs;
      }
      // Most steps are diffed, and diffing pays even on these small frames where much changes at once.
      expect(diffs).toBeGreaterThan(SEEDS * STEPS * 0.6);
      expect(diffed).toBeLessThan(plain * 0.6);
    });
  }
});

describe('FrameDiffer, one frame at a time', () => {
  const W = 80;
  const H = 24;
  /** A step-like frame: 23 lines of text with colours, a few numbers that change. */
  const stepFrame = (n: number) =>
    Array.from({ length: H - 1 }, (_, i) => `\x1b[1m\x1b[36mrow ${i}\x1b[39m\x1b[22m  \x1b[90mvalue\x1b[39m ${(n * 7919 + i * 104729) % 100000} ${'─'.repeat(40)} \x1b[32m●\x1b[39m end`).join('\n');

  it('writes a few percent of the frame for a step-like change, and leaves the cursor where Ink expects it', async () => {
    const pair = new Pair(W, H);
    const ink = new InkLog();
    try {
      // Nothing is known of the screen before the first frame; the second erases the first, so its
      // cells are known from then on: both are written as they are.
      for (const n of [0, 1]) {
        const write = ink.frame(stepFrame(n));
        expect(pair.write(write)).toBe(write);
      }
      await pair.check('second frame');
      const full = ink.frame(stepFrame(2));
      const diffed = pair.write(full);
      await pair.check('third frame');
      expect(Buffer.byteLength(diffed)).toBeLessThan(Buffer.byteLength(full) * 0.15);
      // Cursor: column 0 of the line below the frame, as after Ink's own write.
      expect(pair.diffed.buffer.active.cursorX).toBe(0);
      expect(pair.diffed.buffer.active.cursorY).toBe(H - 1);
      // A full frame of Ink's after the diffed one still lines up (its eraseLines counts from there).
      pair.both(ink.frame(stepFrame(3)));
      await pair.check('a full frame after a diffed one');
    } finally {
      pair.dispose();
    }
  });

  it('passes through what it does not recognise, and then writes the next frame in full', () => {
    const differ = new FrameDiffer(() => ({ columns: W, rows: H }));
    const ink = new InkLog();
    const frames = [0, 1, 2, 3, 4, 5].map((n) => ink.frame(stepFrame(n)));
    expect(differ.transform(frames[0]!)).toBe(frames[0]); // the first frame: nothing erased, nothing known
    expect(differ.transform(frames[1]!)).toBe(frames[1]);
    expect(differ.transform(frames[2]!)).not.toBe(frames[2]);
    for (const neutral of [BSU, ESU, '']) expect(differ.transform(neutral)).toBe(neutral);
    expect(differ.transform(frames[3]!)).not.toBe(frames[3]);
    for (const unknown of ['\x1b[?25h', '\x1b[2J\x1b[H', 'hello\n', ink.clear()]) {
      expect(differ.transform(unknown)).toBe(unknown);
    }
    const again = new InkLog();
    const a = again.frame(stepFrame(4));
    const b = again.frame(stepFrame(5));
    const c = again.frame(stepFrame(6));
    expect(differ.transform(a)).toBe(a);
    expect(differ.transform(b)).toBe(b);
    expect(differ.transform(c)).not.toBe(c);
  });

  it('writes in full: a frame with another line count, after a resize, with a wide character, or too tall', () => {
    let columns = W;
    const differ = new FrameDiffer(() => ({ columns, rows: H }));
    const ink = new InkLog();
    const frame = (n: number, extra = '') => ink.frame(stepFrame(n) + extra);
    differ.transform(frame(0));
    differ.transform(frame(1));
    const taller = frame(2, '\nmore');
    expect(differ.transform(taller)).toBe(taller);
    const shorter = frame(3);
    expect(differ.transform(shorter)).toBe(shorter);
    expect(differ.transform(frame(4))).not.toMatch(/^\x1b\[2K/);
    columns = 100;
    const resized = frame(5);
    expect(differ.transform(resized)).toBe(resized);
    const wide = frame(6, '\n中文');
    expect(differ.transform(wide)).toBe(wide);
    const tall = ink.frame(Array.from({ length: H }, (_, i) => `line ${i}`).join('\n'));
    expect(differ.transform(tall)).toBe(tall);
  });

  it('moves the cursor and sets colours by the shortest sequences', async () => {
    const pair = new Pair(20, 6);
    const ink = new InkLog();
    try {
      pair.write(ink.frame('a\nb'));
      pair.write(ink.frame('\x1b[31mred\x1b[39m x\nlast line'));
      const out = pair.write(ink.frame('\x1b[31mred\x1b[39m y\nlast line'));
      // Up two lines, to column 5, the character, down to column 0 of the line below the frame.
      expect(out).toBe('\x1b[2A\x1b[5Gy\x1b[2B\r');
      await pair.check('one cell');
      const styled = pair.write(ink.frame('\x1b[31mred\x1b[39m \x1b[1;44my\x1b[0m\nlast'));
      // Bold on blue for the one cell; on the next line back one column, reset, erase the rest; CR LF.
      expect(styled).toBe('\x1b[2A\x1b[5G\x1b[1;44my\x1b[B\x1b[D\x1b[m\x1b[K\r\n');
      await pair.check('style and a shorter line');
    } finally {
      pair.dispose();
    }
  });
});

describe('diffFrames, the stream Ink is given', () => {
  it('forwards what Ink reads and listens to, and diffs what it writes', () => {
    const written: string[] = [];
    const listeners: Array<() => void> = [];
    const target = {
      isTTY: true,
      columns: 40,
      rows: 10,
      writable: true,
      _writableState: {},
      write(chunk: string, callback?: () => void) {
        written.push(chunk);
        callback?.();
        return true;
      },
      on(event: string, listener: () => void) {
        if (event === 'resize') listeners.push(listener);
        return this;
      },
      off(event: string, listener: () => void) {
        if (event === 'resize') listeners.splice(listeners.indexOf(listener), 1);
        return this;
      },
    };
    const stream = diffFrames(target as unknown as NodeJS.WriteStream);
    expect(stream.isTTY).toBe(true);
    expect('isTTY' in stream).toBe(true);
    expect(stream.columns).toBe(40);
    target.columns = 50;
    expect(stream.columns).toBe(50);
    expect(stream.rows).toBe(10);
    expect((stream as unknown as { _writableState: object })._writableState).toBe(target._writableState);
    const onResize = () => {};
    stream.on('resize', onResize);
    expect(listeners).toEqual([onResize]);
    stream.off('resize', onResize);
    expect(listeners).toEqual([]);
    let called = false;
    stream.write('', () => (called = true));
    expect(called).toBe(true);

    const ink = new InkLog();
    const frames = ['x 1\ny', 'x 2\ny', 'x 3\ny'].map((f) => ink.frame(f));
    for (const f of frames) stream.write(f);
    expect(written.slice(1, 3)).toEqual(frames.slice(0, 2));
    expect(written[3]).toBe('\x1b[2A\x1b[3G3\x1b[2B\r');
  });

  it('is on unless STREETLIGHT_FRAME_DIFF=0', () => {
    expect(wantsFrameDiff({})).toBe(true);
    expect(wantsFrameDiff({ STREETLIGHT_FRAME_DIFF: '1' })).toBe(true);
    expect(wantsFrameDiff({ STREETLIGHT_FRAME_DIFF: '0' })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// The real app

const tmp = tempDir();
beforeAll(() => ensureBuilt());
afterAll(() => tmp.cleanup());

/** A scripted recording of the built CLI, with frame diffing on or off. */
function record(name: string, args: readonly string[], env: Record<string, string | undefined>): Cast {
  const file = path.join(tmp.dir, name);
  const run = runCli([...args, '--record', file], env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return parseCastStrict(readFileSync(file, 'utf8'));
}

/** The app's writes, as Ink made them: one per output event, the cast's "\r\n" back to Ink's "\n". */
const inkWrites = (cast: Cast) => cast.events.filter((e) => e[1] === 'o').map((e) => e[2].replace(/\r\n/g, '\n'));

/** `share`: the most the diffed writes may weigh, as a share of the full ones. */
const SESSIONS: ReadonlyArray<{ name: string; args: string[]; env?: Record<string, string>; share: number }> = [
  { name: 'deep-net steps, help, back, play, picker', args: ['deep-net', '--keys', 'space space s s n ? ? s n e b b p wait:1200 p l g a m esc down enter space space n s q'], share: 0.4 },
  { name: 'deep-net without colour', args: ['deep-net', '--keys', 'space space s s n ? ? e b b'], env: { NO_COLOR: '1' }, share: 0.5 },
  { name: 'whole-dataset at 120x40', args: ['whole-dataset', '--keys', 'space space s n n i i ? ? e b', '--size', '120x40'], share: 0.5 },
  { name: 'deep-net in ASCII', args: ['deep-net', '--keys', 'space s s n p wait:800 p b', '--ascii'], share: 0.4 },
  { name: 'the picker', args: ['--keys', 'down down up down enter space space esc down'], share: 0.65 },
];

describe('FrameDiffer on the real app', () => {
  for (const session of SESSIONS) {
    it(`${session.name}: identical screens after every write, far fewer bytes`, async () => {
      const cast = record(`${session.name}.cast`, session.args, { ...session.env, STREETLIGHT_FRAME_DIFF: '0' });
      const [columns, rows] = [cast.header.width as number, cast.header.height as number];
      const pair = new Pair(columns, rows);
      const writes = inkWrites(cast);
      let diffs = 0;
      try {
        for (const [i, write] of writes.entries()) {
          if ((pair.write(write)) !== write) diffs++;
          await pair.check(`${session.name}, write ${i + 1} of ${writes.length}`);
        }
      } finally {
        pair.dispose();
      }
      expect(diffs).toBeGreaterThan(3);
      expect(pair.diffedBytes).toBeLessThan(pair.plainBytes * session.share);
    });
  }

  it('the recording made with diffing on is what the differ makes of the app’s writes, and replays the same at every marker', async () => {
    const args = ['deep-net', '--keys', 'space space space s s n ? ? s n e b b m q'];
    const plain = record('plain.cast', args, { STREETLIGHT_FRAME_DIFF: '0' });
    const diffed = record('diffed.cast', args, {});
    expect(markersOf(diffed)).toEqual(markersOf(plain));
    const differ = new FrameDiffer(() => ({ columns: 80, rows: 24 }));
    const expected = inkWrites(plain).map((w) => differ.transform(w)).join('').replace(/\r?\n/g, '\r\n');
    expect(outputOf(diffed)).toBe(expected);

    // Both casts played side by side: the same screen at every marker and at the end.
    const a = terminal(80, 24);
    const b = terminal(80, 24);
    try {
      const segments = (cast: Cast) => {
        const parts: string[] = [''];
        for (const [, code, data] of cast.events) {
          if (code === 'o') parts[parts.length - 1] += data;
          if (code === 'm') parts.push('');
        }
        return parts;
      };
      const left = segments(plain);
      const right = segments(diffed);
      expect(right.length).toBe(left.length);
      for (const [i, part] of left.entries()) {
        await feed(a, part);
        await feed(b, right[i]!);
        expectSameScreens(a, b, `at marker ${i}`);
      }
      expect(Buffer.byteLength(outputOf(diffed))).toBeLessThan(Buffer.byteLength(outputOf(plain)) * 0.5);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
