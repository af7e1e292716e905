/**
 * Cell-level frame diffing for the stream Ink writes to.
 *
 * Why it exists: a training step changes a few numbers, yet Ink rewrites the whole frame. Measured on
 * deep-net at 80x24 per iteration step: full frames 3,622 B, Ink's own `incrementalRendering` (which
 * rewrites every changed line) 2,284 B, this differ 581 B. Over SSH and in recordings that is the
 * difference between a screen that keeps up and one that stutters.
 *
 * Ink 6.8 (non-incremental log-update) redraws the whole frame on every change:
 * `eraseLines(previousLineCount) + frame` in one write, where eraseLines(n) is
 * `(ESC[2K ESC[1A) × (n-1) + ESC[2K + ESC[G` and the frame ends with "\n" (cursor left at column 0 of
 * the line below the frame). At 80x24 that is ~4 KB per training step, although a step changes a few
 * numbers per line.
 *
 * `diffFrames(stream)` returns a view of the stream (everything but `write` is the stream's own:
 * isTTY, columns, rows, 'resize' listeners, writable state) whose `write` recognises those frame
 * writes. When the frame before is known cell by cell, has the same number of lines, and the terminal
 * size has not changed, it writes only the changed cells: relative cursor moves to each changed span,
 * the SGR state the span needs, the span, an erase to end of line where a line got shorter, then an SGR
 * reset and a move back to column 0 of the line below the frame, where Ink expects the cursor (so its
 * next eraseLines lines up).
 *
 * Anything else passes through unchanged and makes the next frame a full write: the first frame (no
 * eraseLines before it), Ink's clear (eraseLines alone), the last frame under CI, cursor show/hide,
 * a frame taller than the terminal or using anything but SGR escapes and single-width characters, and
 * any write after the terminal changed size. Only synchronized-output brackets (ESC[?2026h/l) and empty
 * writes are known to change nothing on screen and keep the state.
 *
 * The model: each frame line is a row of cells (character + SGR pen, parsed from the frame's SGR codes:
 * reset, bold/dim/italic/underline/blink/inverse/hidden/strikethrough/overline and their off codes,
 * 16-colour, 256-colour and RGB foreground/background). Cells past a line's text are erased (empty, not
 * spaces: the two reflow differently) when Ink's eraseLines reached that row with the default pen; a row
 * it did not reach (the frame grew) has an unknown tail, and so may the line below the frame; the next
 * diff erases both, as Ink's next eraseLines would. Characters must be single-width for certain (the
 * table in cellWidth.ts, shared with the string-width fast path): anything else means a full write. The
 * SGR model is pen.ts.
 * The pen is assumed to be the default when the app starts, as a shell leaves it.
 */
import { isOneColumn } from './cellWidth.js';
import { Pens, scanPen, sgr, type Pen } from './pen.js';
import { originalWrite, withWrite } from './streamView.js';

const utf8Length = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/** The cells a frame line writes, from column 0. Cells past them are erased (empty) or unknown. */
interface Line {
  readonly chars: string[];
  readonly pens: Pen[];
}

interface Frame {
  readonly lines: Line[];
  /** The pen when the frame's text is done. */
  readonly endPen: Pen;
}

/** One frame's text ("line\n" × L) as cells, or undefined if it holds anything this model cannot place. */
function parseFrame(text: string, startPen: Pen, columns: number, pens: Pens): Frame | undefined {
  if (!text.endsWith('\n')) return undefined;
  const lines: Line[] = [];
  let pen = startPen;
  let chars: string[] = [];
  let cellPens: Pen[] = [];
  const endLine = () => {
    lines.push({ chars, pens: cellPens });
    chars = [];
    cellPens = [];
  };
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    if (code === 0x0a) {
      endLine();
      i++;
    } else if (code === 0x1b) {
      let j = i + 2;
      if (text[i + 1] !== '[') return undefined;
      while (j < text.length && ((text[j]! >= '0' && text[j]! <= '9') || text[j] === ';')) j++;
      if (text[j] !== 'm') return undefined;
      const next = pens.apply(pen, text.slice(i + 2, j));
      if (!next) return undefined;
      pen = next;
      i = j + 1;
    } else {
      const ch = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
      if (!(code <= 0xffff && isOneColumn(code)) || chars.length >= columns) return undefined;
      chars.push(ch);
      cellPens.push(pen);
      i += ch.length;
    }
  }
  return { lines, endPen: pen };
}

/** What the terminal holds for the frame Ink last drew. */
interface Known {
  readonly frame: Frame;
  /** Per line: whether the cells past the text are known to be erased with the default pen. */
  readonly tailKnown: boolean[];
  /** Whether the line below the frame (the cursor's) is erased. Ink's next eraseLines erases it. */
  readonly belowErased: boolean;
}

/** Ink's frame write: eraseLines(n) (n ≥ 1), then the frame text. */
const ERASE_LINES = /^((?:\x1b\[2K\x1b\[1A)*)\x1b\[2K\x1b\[G/;
/** Writes that change nothing on screen: synchronized-output begin/end. */
const NEUTRAL = new Set(['', '\x1b[?2026h', '\x1b[?2026l']);

export interface TerminalSize {
  readonly columns?: number;
  readonly rows?: number;
}

/** Gaps between two changed spans longer than this are always jumped over, never rewritten. */
const MAX_BRIDGE = 12;

/**
 * The diffing state machine, apart from any stream: `transform` takes each chunk Ink writes and returns
 * what to write instead. `size` is read at every write (the terminal's columns and rows).
 */
export class FrameDiffer {
  private readonly pens = new Pens();
  private known: Known | undefined;
  /**
   * The terminal's SGR state after everything written so far (undefined: unknown). Taken as the default
   * at the start: a shell leaves the pen plain when it runs a command.
   */
  private pen: Pen | undefined = this.pens.plain;
  private lastSize: string | undefined;

  constructor(private readonly size: () => TerminalSize) {}

  /** Forget the frame on screen: the next frame is written in full. */
  reset(): void {
    this.known = undefined;
  }

  transform(data: string): string {
    if (NEUTRAL.has(data)) return data;
    const { columns, rows } = this.size();
    const sizeKey = `${columns}x${rows}`;
    const sizeChanged = sizeKey !== this.lastSize;
    this.lastSize = sizeKey;
    const match = ERASE_LINES.exec(data);
    const startPen = this.pen;
    if (!match || sizeChanged || !startPen || !columns || !rows || !(columns > 0) || !(rows > 0)) return this.passThrough(data);
    const erased = match[1]!.length / 8 + 1;
    const frame = parseFrame(data.slice(match[0].length), startPen, columns, this.pens);
    if (!frame || frame.lines.length >= rows) return this.passThrough(data);
    const lineCount = frame.lines.length;
    const known = this.known;
    // The erase was done with `startPen`; its cells are plain blanks only if that pen is the default.
    const tailKnown = frame.lines.map((_, i) => i < erased && startPen === this.pens.plain);
    const belowErased = lineCount < erased && startPen === this.pens.plain;
    // Diff only between frames that start and end with the default pen, as Ink's do: then the full
    // write's erase leaves plain blanks, and both ways end with the same pen.
    const plain = this.pens.plain;
    if (known && known.frame.lines.length === lineCount && erased === lineCount + 1 && startPen === plain && frame.endPen === plain) {
      this.known = { frame, tailKnown: tailKnown.map(() => true), belowErased: true };
      return this.diff(known, frame, columns);
    }
    this.known = { frame, tailKnown, belowErased };
    this.pen = frame.endPen;
    return data;
  }

  private passThrough(data: string): string {
    this.known = undefined;
    this.pen = scanPen(this.pen, data, this.pens);
    return data;
  }

  /** The bytes that turn `before` (as the terminal holds it) into `after`, cursor below the frame. */
  private diff(before: Known, after: Frame, columns: number): string {
    const plain = this.pens.plain;
    const out = new Output(after.lines.length, plain, plain, columns);
    after.lines.forEach((line, row) => {
      const old = before.frame.lines[row]!;
      const oldTailKnown = before.tailKnown[row]!;
      // Cells compare exactly, an erased cell differing from a written space (they reflow differently).
      const oldSame = (c: number) => c < old.chars.length && old.chars[c] === line.chars[c] && old.pens[c] === line.pens[c];
      const width = line.chars.length;
      // Past the new text everything must end up erased, as Ink's eraseLines leaves it.
      const erase = width < columns && (oldTailKnown ? old.chars.length : columns) > width;
      const spans: Array<[number, number]> = [];
      for (let c = 0; c < width; c++) {
        if (oldSame(c)) continue;
        const last = spans.at(-1);
        if (last && last[1] === c) last[1] = c + 1;
        else spans.push([c, c + 1]);
      }
      let spanIndex = 0;
      while (spanIndex < spans.length) {
        let [start, end] = spans[spanIndex++]!;
        out.moveTo(row, start);
        // Extend over short gaps when rewriting the unchanged cells costs less than jumping them.
        while (spanIndex < spans.length) {
          const [nextStart, nextEnd] = spans[spanIndex]!;
          const gap = nextStart - end;
          if (gap > MAX_BRIDGE) break;
          const pen = out.penAfter(line, start, end);
          const jump = cursorForward(gap).length + sgr(pen, penAt(line, nextStart), plain).length;
          const bridge = out.cost(line, end, nextStart, pen);
          if (bridge.bytes + sgr(bridge.pen, penAt(line, nextStart), plain).length > jump) break;
          end = nextEnd;
          spanIndex++;
        }
        out.put(line, start, end);
      }
      if (erase) {
        out.moveTo(row, width);
        out.setPen(plain);
        out.text('\x1b[K');
      }
    });
    return out.finish(!before.belowErased);
  }
}

const penAt = (line: Line, c: number) => line.pens[c]!;

const cursorForward = (n: number) => (n === 1 ? '\x1b[C' : `\x1b[${n}C`);
const cursorBack = (n: number) => (n === 1 ? '\x1b[D' : `\x1b[${n}D`);
const cursorUp = (n: number) => (n === 1 ? '\x1b[A' : `\x1b[${n}A`);
const cursorDown = (n: number) => (n === 1 ? '\x1b[B' : `\x1b[${n}B`);

/** Builds a diff write: tracks the cursor (relative to the frame's top line) and the pen. */
class Output {
  private out = '';
  /** Starts on the line below the frame, column 0, where Ink's last frame left it. */
  private row: number;
  /** undefined after writing the last column: the cursor waits to wrap, so only absolute moves are safe. */
  private col: number | undefined = 0;

  constructor(
    private readonly lineCount: number,
    private pen: Pen,
    private readonly plain: Pen,
    private readonly columns: number,
  ) {
    this.row = lineCount;
  }

  text(s: string): void {
    this.out += s;
  }

  setPen(pen: Pen): void {
    this.out += sgr(this.pen, pen, this.plain);
    this.pen = pen;
  }

  moveTo(row: number, col: number): void {
    let best: string | undefined;
    let bestCost = Infinity;
    // A "\n" costs two bytes on the wire (the terminal's ONLCR, or a cast's "\r\n").
    const consider = (s: string) => {
      const cost = s.length + (s.split('\n').length - 1);
      if (cost < bestCost) [best, bestCost] = [s, cost];
    };
    const dy = row - this.row;
    const vertical = dy < 0 ? cursorUp(-dy) : dy > 0 ? cursorDown(dy) : '';
    consider(vertical + this.horizontal(this.col, col));
    // Down to column 0 with CR LF: never scrolls, as every line moved through is above the frame's last.
    if (dy > 0) consider('\r' + '\n'.repeat(dy) + (col > 0 ? cursorForward(col) : ''));
    this.out += best!;
    this.row = row;
    this.col = col;
  }

  private horizontal(from: number | undefined, to: number): string {
    if (from === to) return '';
    const options = [to === 0 ? '\r' : `\r${cursorForward(to)}`, `\x1b[${to + 1}G`];
    if (from !== undefined) options.push(to > from ? cursorForward(to - from) : cursorBack(from - to));
    return options.reduce((a, b) => (b.length < a.length ? b : a));
  }

  /** Writes the cells [start, end) of `line` at the cursor. */
  put(line: Line, start: number, end: number): void {
    for (let c = start; c < end; c++) {
      this.setPen(penAt(line, c));
      this.out += line.chars[c]!;
    }
    const col = (this.col ?? 0) + end - start;
    this.col = col >= this.columns ? undefined : col;
  }

  /** The pen after writing [start, end) from the current pen. */
  penAfter(line: Line, start: number, end: number): Pen {
    return end > start ? penAt(line, end - 1) : this.pen;
  }

  /** Bytes to write [start, end) starting with `pen`, and the pen after. */
  cost(line: Line, start: number, end: number, pen: Pen): { bytes: number; pen: Pen } {
    let bytes = 0;
    for (let c = start; c < end; c++) {
      const next = penAt(line, c);
      bytes += sgr(pen, next, this.plain).length + utf8Length(line.chars[c]!.codePointAt(0)!);
      pen = next;
    }
    return { bytes, pen };
  }

  /** Resets the pen and moves to column 0 of the line below the frame, erasing that line if asked. */
  finish(eraseBelow: boolean): string {
    if (this.out === '' && !eraseBelow) return '';
    this.setPen(this.plain);
    this.moveTo(this.lineCount, 0);
    if (eraseBelow) this.out += '\x1b[K';
    return this.out;
  }
}

/**
 * A view of `stream` for Ink's `stdout` whose writes go through a FrameDiffer; everything else
 * (isTTY, columns, rows, 'resize', the writable state Ink inspects) is the stream's own.
 */
export function diffFrames<T extends NodeJS.WritableStream>(stream: T): T {
  const terminal = stream as unknown as TerminalSize;
  const differ = new FrameDiffer(() => ({ columns: terminal.columns, rows: terminal.rows }));
  const write = originalWrite(stream);
  return withWrite(stream, (chunk, ...rest) => {
    if (typeof chunk === 'string') return write(differ.transform(chunk), ...rest);
    differ.reset();
    return write(chunk, ...rest);
  });
}

/** `STREETLIGHT_FRAME_DIFF=0` turns diffing off (full frames, as Ink writes them): a way out, and for tests. */
export function wantsFrameDiff(env: NodeJS.ProcessEnv): boolean {
  return env.STREETLIGHT_FRAME_DIFF !== '0';
}
