/**
 * Cell-level frame diffing for the stream Ink writes to.
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
 * diff erases both, as Ink's next eraseLines would. Characters must be single-width for certain (a
 * whitelist of ranges; string-width is only a transitive dependency): anything else means a full write.
 * The pen is assumed to be the default when the app starts, as a shell leaves it.
 */
import { originalWrite, withWrite } from './streamView.js';

/** The SGR state: attribute bits, and foreground/background as the SGR parameters that set them. */
interface Pen {
  readonly flags: number;
  /** '' for the default colour, else e.g. '31', '94', '38;5;208', '38;2;1;2;3'. */
  readonly fg: string;
  readonly bg: string;
}

const BOLD = 1;
const DIM = 2;
/** [bit, code that sets it, code that clears it]. 22 clears bold and dim together. */
const FLAGS: ReadonlyArray<readonly [number, number, number]> = [
  [BOLD, 1, 22],
  [DIM, 2, 22],
  [4, 3, 23], // italic
  [8, 4, 24], // underline
  [16, 5, 25], // blink
  [32, 7, 27], // inverse
  [64, 8, 28], // hidden
  [128, 9, 29], // strikethrough
  [256, 53, 55], // overline
];

/** Pens are interned, so cells compare by reference. */
class Pens {
  private readonly byKey = new Map<string, Pen>();
  readonly plain: Pen;

  constructor() {
    this.plain = this.get(0, '', '');
  }

  get(flags: number, fg: string, bg: string): Pen {
    const key = `${flags}|${fg}|${bg}`;
    let pen = this.byKey.get(key);
    if (!pen) {
      pen = { flags, fg, bg };
      this.byKey.set(key, pen);
    }
    return pen;
  }

  /** The pen after `ESC[<params>m`, or undefined for anything this model does not know. */
  apply(pen: Pen, params: string): Pen | undefined {
    if (params === '') return this.plain;
    const ps = params.split(';');
    let { flags, fg, bg } = pen;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const n = p === '' ? 0 : Number(p);
      if (n === 0) {
        flags = 0;
        fg = '';
        bg = '';
        continue;
      }
      const flag = FLAGS.find((f) => f[1] === n);
      if (flag) {
        flags |= flag[0];
        continue;
      }
      if (n === 22) {
        flags &= ~(BOLD | DIM);
        continue;
      }
      const off = FLAGS.find((f) => f[2] === n);
      if (off) {
        flags &= ~off[0];
        continue;
      }
      if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) fg = String(n);
      else if (n === 39) fg = '';
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) bg = String(n);
      else if (n === 49) bg = '';
      else if (n === 38 || n === 48) {
        const colour = extendedColour(ps, i);
        if (!colour) return undefined;
        if (n === 38) fg = `38;${colour.value}`;
        else bg = `48;${colour.value}`;
        i += colour.used;
      } else return undefined;
    }
    return this.get(flags, fg, bg);
  }
}

/** `5;n` or `2;r;g;b` after a 38/48 at index i. */
function extendedColour(ps: readonly string[], i: number): { value: string; used: number } | undefined {
  const byte = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const n = s === '' ? 0 : Number(s);
    return n <= 255 ? n : undefined;
  };
  if (ps[i + 1] === '5') {
    const n = byte(ps[i + 2]);
    return n === undefined ? undefined : { value: `5;${n}`, used: 2 };
  }
  if (ps[i + 1] === '2') {
    const rgb = [byte(ps[i + 2]), byte(ps[i + 3]), byte(ps[i + 4])];
    if (rgb.some((v) => v === undefined)) return undefined;
    return { value: `2;${rgb.join(';')}`, used: 4 };
  }
  return undefined;
}

/** Parameters that take a default pen to `to`. */
function setCodes(to: Pen): string[] {
  const codes: string[] = [];
  for (const [bit, on] of FLAGS) if (to.flags & bit) codes.push(String(on));
  if (to.fg) codes.push(to.fg);
  if (to.bg) codes.push(to.bg);
  return codes;
}

/** The shortest SGR sequence that takes the terminal from pen `from` to pen `to`. */
function sgr(from: Pen, to: Pen, plain: Pen): string {
  if (from === to) return '';
  if (to === plain) return '\x1b[m';
  const reset = ['0', ...setCodes(to)].join(';');
  const codes: string[] = [];
  const off = from.flags & ~to.flags;
  let on = to.flags & ~from.flags;
  if (off & (BOLD | DIM)) {
    codes.push('22');
    on |= to.flags & (BOLD | DIM);
  }
  for (const [bit, , offCode] of FLAGS) if (off & bit & ~(BOLD | DIM)) codes.push(String(offCode));
  for (const [bit, onCode] of FLAGS) if (on & bit) codes.push(String(onCode));
  if (from.fg !== to.fg) codes.push(to.fg || '39');
  if (from.bg !== to.bg) codes.push(to.bg || '49');
  const incremental = codes.join(';');
  return `\x1b[${incremental.length < reset.length ? incremental : reset}m`;
}

/** Characters known to take exactly one cell in terminals and in Ink's layout (string-width). */
const NARROW_RANGES = /^[\u00a0-\u052f\u1d00-\u1dbf\u1e00-\u1fff\u2010-\u2328\u232b-\u2bff]$/u;
const NOT_NARROW = /[\p{M}\p{Cf}\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Emoji_Presentation}]/u;
const narrowCache = new Map<string, boolean>();

function isNarrow(ch: string, code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  let narrow = narrowCache.get(ch);
  if (narrow === undefined) {
    narrow = NARROW_RANGES.test(ch) && !NOT_NARROW.test(ch);
    narrowCache.set(ch, narrow);
  }
  return narrow;
}

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
      if (!isNarrow(ch, code) || chars.length >= columns) return undefined;
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
/** Control sequences in pass-through data, for tracking the pen. */
const CONTROL = /\x1b(?:\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])|c)/g;

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

/** The pen after `data` passes through, as far as can be told. */
function scanPen(pen: Pen | undefined, data: string, pens: Pens): Pen | undefined {
  for (const match of data.matchAll(CONTROL)) {
    if (match[0] === '\x1bc') pen = pens.plain;
    else if (match[3] === 'p' && match[2] === '!') pen = pens.plain; // DECSTR, soft reset
    else if (match[3] === 'm' && match[2] === '') {
      const params = match[1]!;
      if (!/^[0-9;]*$/.test(params)) pen = undefined;
      else if (pen) pen = pens.apply(pen, params);
      else if (params === '' || params === '0') pen = pens.plain;
    }
  }
  return pen;
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
