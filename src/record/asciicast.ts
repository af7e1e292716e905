/**
 * An asciicast v2 writer (https://docs.asciinema.org/manual/asciicast/v2/): a JSON header line, then one
 * JSON array per event. Every event is its own synchronous write, so a process killed at any moment
 * leaves a file that players read up to that point. Times come from a clock the caller chooses: the wall
 * clock for a live session, a virtual clock for a scripted run (whose cast must be byte-identical).
 */
import { closeSync, constants, fstatSync, ftruncateSync, openSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { UsageError } from '../errors.js';

export interface CastHeader {
  readonly width: number;
  readonly height: number;
  /** Unix seconds of the start. Leave it out for a scripted run, so the file does not depend on when it ran. */
  readonly timestamp?: number;
  /**
   * The command line that starts the same app (scenario or talk, overrides, theme), which `replay` runs
   * again with the recorded keys; asciinema's own recorder writes the shell command here.
   */
  readonly command?: string;
  readonly title?: string;
  readonly env: { readonly TERM: string; readonly SHELL?: string };
}

/** Seconds since the start of the recording. */
export type CastClock = () => number;

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent is not a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large',
  EIO: 'input/output error',
};

const wordsFor = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return ERRNO_WORDS[code] ?? code;
};

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Writes bytes to a file descriptor as fs.writeSync does; a test may hand in one that fails. */
export type WriteFn = (fd: number, buffer: Buffer, offset: number, length: number) => number;

export interface CastOptions {
  readonly write?: WriteFn;
}

/**
 * Opens (truncates) `file` and writes the header. Refused before any UI, as bad usage (exit 2): a path
 * that cannot be written, and anything but a regular file or a new one. A FIFO would block the open
 * until someone reads it, a device never fills: the path is opened non-blocking (a FIFO without a
 * reader fails at once with ENXIO), and what was opened is checked before anything is truncated.
 */
export function openCast(file: string, header: CastHeader, clock: CastClock, options: CastOptions = {}): CastWriter {
  const refuse = (why: string) => new UsageError(`--record: cannot write '${file}' (${why}); expected a regular file or a new one`);
  let fd: number;
  try {
    fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_NONBLOCK, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw refuse(kindOf(statSync(file)));
    throw new UsageError(`--record: cannot write '${file}' (${wordsFor(error)})`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw refuse(kindOf(stats));
  }
  ftruncateSync(fd, 0);
  const writer = new CastWriter(fd, header, clock, options.write);
  if (writer.failure) {
    // Not even the header fits: leave no empty file behind that a player would reject.
    unlinkSync(file);
    throw new Error(`--record: cannot write '${file}' (${wordsFor(writer.failure)}); nothing was recorded`);
  }
  return writer;
}

/** Rounds to microseconds: enough for any player, and short, stable numbers in the file. */
const roundTime = (seconds: number) => Math.round(seconds * 1e6) / 1e6;

export class CastWriter {
  private closed = false;
  private lastTime = 0;
  private readonly decoder = new StringDecoder('utf8');
  /** A trailing '\r' held back from the last chunk (see emitText). */
  private heldCr = false;
  private closing = false;

  /** Bytes of the file up to the end of the last whole line: where a failed write is cut back to. */
  private committed = 0;

  constructor(
    private readonly fd: number,
    header: CastHeader,
    private readonly clock: CastClock,
    private readonly write: WriteFn = writeSync,
  ) {
    const env: Record<string, string> = { TERM: header.env.TERM };
    if (header.env.SHELL !== undefined) env.SHELL = header.env.SHELL;
    const line: Record<string, unknown> = { version: 2, width: header.width, height: header.height };
    if (header.timestamp !== undefined) line.timestamp = header.timestamp;
    if (header.command !== undefined) line.command = header.command;
    if (header.title !== undefined) line.title = header.title;
    line.env = env;
    this.writeLine(JSON.stringify(line));
  }

  /**
   * Output sent to the terminal. Bytes are decoded as a stream, so a character split across two writes
   * arrives whole; lone newlines become "\r\n" as a terminal's ONLCR would make them.
   */
  output(data: string | Uint8Array): void {
    if (this.closed) return;
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.emitText(this.decoder.write(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)));
  }

  resize(columns: number, rows: number): void {
    this.event('r', `${columns}x${rows}`);
  }

  marker(label: string): void {
    this.event('m', label);
  }

  /** Keys as the terminal sent them (an "i" event): what `replay` types into the app again. */
  input(data: string): void {
    if (data !== '') this.event('i', data);
  }

  /** Flushes a trailing partial character (as U+FFFD) and closes the file. Later calls do nothing. */
  close(): void {
    if (this.closed) return;
    this.closing = true;
    this.emitText(this.decoder.end());
    this.shut();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private emitText(text: string): void {
    let chunk = this.heldCr ? `\r${text}` : text;
    // A final '\r' waits for the next chunk: if that starts with '\n', the pair stays in one event, so no
    // event ever starts with a bare '\n'. (Holding back a carriage return delays nothing visible.)
    this.heldCr = chunk.endsWith('\r') && !this.closing;
    if (this.heldCr) chunk = chunk.slice(0, -1);
    if (chunk === '') return;
    this.event('o', chunk.replace(/\r?\n/g, '\r\n'));
  }

  private event(kind: 'o' | 'r' | 'm' | 'i', data: string): void {
    if (this.closed) return;
    const time = Math.max(this.lastTime, roundTime(this.clock()));
    this.lastTime = time;
    this.writeLine(JSON.stringify([time, kind, data]));
  }

  /** Set when a write failed (disk full, file gone): the recording stopped there, the session did not. */
  failure: Error | undefined;

  /** One line for the user once the session is over: what failed and what the file holds. */
  failureText(file: string): string | undefined {
    if (!this.failure) return undefined;
    return `--record: writing '${file}' failed (${wordsFor(this.failure)}); the recording stops there, the file keeps every event before it`;
  }

  /**
   * One line of the file. A write that fails part-way (a full disk takes what fits, then refuses the rest)
   * would leave half a JSON line at the end, which players reject: the file is cut back to the last whole
   * line, and the recording stops.
   */
  private writeLine(line: string): void {
    const buffer = Buffer.from(`${line}\n`, 'utf8');
    try {
      let offset = 0;
      while (offset < buffer.length) offset += this.write(this.fd, buffer, offset, buffer.length - offset);
      this.committed += buffer.length;
    } catch (error) {
      this.failure = error as Error;
      try {
        ftruncateSync(this.fd, this.committed);
      } catch {
        // The file is gone or unwritable as a whole: nothing is left to cut back.
      }
      this.shut();
    }
  }

  private shut(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // Already gone (e.g. the process is being torn down): nothing left to keep valid.
    }
  }
}
