/**
 * A strict asciicast v2 reader (https://docs.asciinema.org/manual/asciicast/v2/): the header line, then one
 * `[time, code, data]` event per line, codes "o" (output), "i" (input), "r" (resize, "COLSxROWS") and
 * "m" (marker, its label). Export and replay read casts with it, ours and other programs' alike, so
 * every problem is refused with one line naming the file, the line and what was expected (exit 2).
 *
 * A cast is untrusted text: a label or a field quoted in a message loses its control characters
 * (escape sequences, bidi overrides), so an error line cannot rewrite the terminal it is printed on.
 */
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { findJsonProblem } from '../scenarios/strictJson.js';

export type CastEventKind = 'o' | 'i' | 'r' | 'm';

export interface CastEvent {
  /** Seconds since the start of the recording; never less than the previous event's. */
  readonly time: number;
  readonly kind: CastEventKind;
  readonly data: string;
  /** Line of the file (1-based; the header is line 1), for messages about the event. */
  readonly line: number;
}

export interface CastMarker {
  /** 0-based, in file order: the player's marker index. */
  readonly index: number;
  readonly time: number;
  readonly label: string;
  /** Position of the marker's event in `events`: the screen at the marker is the output before it. */
  readonly event: number;
}

export interface CastTheme {
  readonly fg: string;
  readonly bg: string;
  readonly palette: string;
}

/** The header's fields, as the file spells them (all but width and height are optional). */
export interface CastFileHeader {
  readonly version: 2;
  readonly width: number;
  readonly height: number;
  readonly timestamp?: number;
  readonly duration?: number;
  readonly idle_time_limit?: number;
  readonly command?: string;
  readonly title?: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly theme?: CastTheme;
}

export interface CastRecording {
  /** The path as given, for messages. */
  readonly file: string;
  readonly header: CastFileHeader;
  readonly events: readonly CastEvent[];
  readonly markers: readonly CastMarker[];
  /** Time of the last event (0 for a cast without events). */
  readonly duration: number;
}

/** Larger than any session we record by far; a bigger file is more likely a mistake than a talk. */
export const MAX_CAST_BYTES = 64 * 1024 * 1024;
/** Terminal sizes a cast may declare (header or resize): beyond these, replaying one is a memory hazard. */
export const MAX_COLUMNS = 1000;
export const MAX_ROWS = 500;

const HEADER_FIELDS = ['version', 'width', 'height', 'timestamp', 'duration', 'idle_time_limit', 'command', 'title', 'env', 'theme'];
const CODES: Readonly<Record<string, string>> = { o: 'output', i: 'input', r: 'resize', m: 'marker' };
const EXPECTED_CODES = '"o" (output), "i" (input), "r" (resize) or "m" (marker)';
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** `s` without C0/C1 control characters and bidi overrides: safe to print on a terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Text from the file, quoted for a message: printable and short. */
function quote(s: string, max = 40): string {
  const clean = printable(s);
  return `"${clean.length > max ? `${clean.slice(0, max)}…` : clean}"`;
}

/** A value from the file in a few words, for "got …". */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

class CastProblem {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {}

  fail(message: string): never {
    throw new UsageError(`${printable(this.file)}: line ${this.line}: ${message}`);
  }
}

function parseLine(text: string, at: CastProblem, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const problem = findJsonProblem(text);
    // The scanner reads one line here, so the end of its "file" is the end of the line.
    const where = problem ? `column ${problem.column}: expected ${problem.expected}, got ${printable(problem.got)}` : 'not valid JSON';
    return at.fail(`${what} is not valid JSON (${where.replaceAll('the end of the file', 'the end of the line')})`);
  }
}

const isCount = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) > 0 && (v as number) <= max;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function checkHeader(raw: unknown, at: CastProblem): CastFileHeader {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    at.fail(`expected the asciicast header, an object {"version": 2, "width": …, "height": …}, got ${describe(raw)}`);
  }
  const h = raw as Record<string, unknown>;
  const unknown = Object.keys(h).find((k) => !HEADER_FIELDS.includes(k));
  if (unknown !== undefined) at.fail(`header: unexpected field ${quote(unknown)}; expected only ${HEADER_FIELDS.join(', ')}`);
  if (h.version !== 2) {
    const got = h.version === undefined ? 'no version' : `version ${describe(h.version)}`;
    at.fail(`header: ${got}; expected "version": 2 (asciicast v2, as asciinema 2 and streetlight-tui record)`);
  }
  if (!isCount(h.width, MAX_COLUMNS)) at.fail(`header: "width": expected a whole number of columns from 1 to ${MAX_COLUMNS}, got ${describe(h.width)}`);
  if (!isCount(h.height, MAX_ROWS)) at.fail(`header: "height": expected a whole number of rows from 1 to ${MAX_ROWS}, got ${describe(h.height)}`);
  for (const k of ['timestamp', 'duration', 'idle_time_limit'] as const) {
    if (k in h && !isTime(h[k])) at.fail(`header: "${k}": expected a number of seconds, 0 or more, got ${describe(h[k])}`);
  }
  for (const k of ['command', 'title'] as const) {
    if (k in h && typeof h[k] !== 'string') at.fail(`header: "${k}": expected text in "quotes", got ${describe(h[k])}`);
  }
  if ('env' in h) {
    const env = h.env;
    if (env === null || typeof env !== 'object' || Array.isArray(env)) at.fail(`header: "env": expected an object of names and text, got ${describe(env)}`);
    for (const [name, value] of Object.entries(env as object)) {
      if (typeof value !== 'string') at.fail(`header: "env.${printable(name)}": expected text in "quotes", got ${describe(value)}`);
    }
  }
  if ('theme' in h) checkTheme(h.theme, at);
  return h as unknown as CastFileHeader;
}

function checkTheme(theme: unknown, at: CastProblem): void {
  if (theme === null || typeof theme !== 'object' || Array.isArray(theme)) at.fail(`header: "theme": expected an object {"fg", "bg", "palette"}, got ${describe(theme)}`);
  const t = theme as Record<string, unknown>;
  const unknown = Object.keys(t).find((k) => !['fg', 'bg', 'palette'].includes(k));
  if (unknown !== undefined) at.fail(`header: "theme": unexpected field ${quote(unknown)}; expected only fg, bg, palette`);
  for (const k of ['fg', 'bg'] as const) {
    if (typeof t[k] !== 'string' || !COLOR.test(t[k])) at.fail(`header: "theme.${k}": expected a colour "#rrggbb", got ${describe(t[k])}`);
  }
  const palette = typeof t.palette === 'string' ? t.palette.split(':') : [];
  if (![8, 16].includes(palette.length) || !palette.every((c) => COLOR.test(c))) {
    at.fail(`header: "theme.palette": expected 8 or 16 colours "#rrggbb" joined by ":", got ${describe(t.palette)}`);
  }
}

function checkEvent(raw: unknown, at: CastProblem, previousTime: number): Omit<CastEvent, 'line'> {
  if (!Array.isArray(raw) || raw.length !== 3) at.fail(`expected an event [time, code, data], got ${describe(raw)}`);
  const [time, code, data] = raw as unknown[];
  if (!isTime(time)) at.fail(`event time: expected a number of seconds, 0 or more, got ${describe(time)}`);
  if (time < previousTime) at.fail(`event time ${time} is before the previous event's ${previousTime}; expected times that never decrease`);
  if (typeof code !== 'string' || !(code in CODES)) at.fail(`event code: expected ${EXPECTED_CODES}, got ${describe(code)}`);
  if (typeof data !== 'string') at.fail(`${CODES[code]} event data: expected text in "quotes", got ${describe(data)}`);
  if (code === 'r') {
    const size = /^(\d+)x(\d+)$/.exec(data);
    if (!size || !isCount(Number(size[1]), MAX_COLUMNS) || !isCount(Number(size[2]), MAX_ROWS)) {
      at.fail(`resize event data: expected "COLSxROWS" (1 to ${MAX_COLUMNS} by 1 to ${MAX_ROWS}), got ${quote(data)}`);
    }
  }
  return { time, kind: code as CastEventKind, data };
}

/** Parses and checks a cast's text; `file` is only used in messages. Throws a UsageError (one line). */
export function parseCast(text: string, file: string): CastRecording {
  // Editors that save UTF-8 with a byte-order mark would otherwise break the header's JSON.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split('\n');
  // One final newline ends the last line; it does not start an empty one.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const first = new CastProblem(file, 1);
  if (lines.length === 1 && lines[0]!.trim() === '') first.fail('the file is empty; expected an asciicast v2 header line');
  const header = checkHeader(parseLine(lines[0]!, first, 'the header'), first);

  const events: CastEvent[] = [];
  const markers: CastMarker[] = [];
  let previousTime = 0;
  for (let i = 1; i < lines.length; i++) {
    const at = new CastProblem(file, i + 1);
    const text = lines[i]!;
    if (text.trim() === '') at.fail('empty line; expected an event [time, code, data]');
    const event = { ...checkEvent(parseLine(text, at, 'the event'), at, previousTime), line: i + 1 };
    previousTime = event.time;
    if (event.kind === 'm') markers.push({ index: markers.length, time: event.time, label: event.data, event: events.length });
    events.push(event);
  }
  return { file, header, events, markers, duration: previousTime };
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads and checks a cast file. Every problem, unreadable or malformed, is a UsageError naming the file. */
export async function readCast(file: string): Promise<CastRecording> {
  const name = printable(file);
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (info.size > MAX_CAST_BYTES) {
      throw new UsageError(`${name}: ${info.size} bytes; expected an asciicast file of at most ${MAX_CAST_BYTES / 1024 / 1024} MB`);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${name}: cannot read it (${READ_ERRORS[code] ?? code}); expected an asciicast v2 .cast file`);
  }
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    // Not UTF-8 somewhere: find the line, decoding line by line strictly (only on this failure path).
    const strict = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    for (let start = 0; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start) === -1 ? bytes.length : bytes.indexOf(0x0a, start);
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        break;
      }
      start = end + 1;
    }
    throw new UsageError(`${name}: line ${line}: not UTF-8 text; expected an asciicast v2 file (JSON lines)`);
  }
  return parseCast(text, file);
}
