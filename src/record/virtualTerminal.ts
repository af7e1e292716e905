/**
 * A terminal without a terminal, for `--keys` runs: a stdout that says it is a TTY of a fixed size and
 * hands every write to the recorder, and a stdin that Ink can put in raw mode and read keys from.
 *
 * Ink 6.8 reads input by calling `setEncoding('utf8')`, `ref()`, `setRawMode(true)`, then draining
 * `read()` on each 'readable' event; on exit it calls `setRawMode(false)` and `unref()`. A Readable
 * with those methods is all it needs.
 */
import { Readable, Writable } from 'node:stream';
import type { Size } from '../terminal/size.js';

export class VirtualStdout extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;

  constructor(size: Size, private readonly onOutput: (data: string) => void) {
    // Keep strings as strings: Ink writes text, and there is no reason to round-trip it through bytes.
    super({ decodeStrings: false });
    this.columns = size.columns;
    this.rows = size.rows;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.onOutput(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    callback();
  }

  resize(size: Size): void {
    this.columns = size.columns;
    this.rows = size.rows;
    this.emit('resize');
  }
}

export class VirtualStdin extends Readable {
  readonly isTTY = true;
  isRaw = false;

  override _read(): void {
    // Keys are pushed by `press`; there is nothing to pull.
  }

  setRawMode(mode: boolean): this {
    this.isRaw = mode;
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /** Sends the bytes of one key, as a terminal would on a key press. */
  press(bytes: string): void {
    this.push(bytes);
  }
}

/** Swallows what would go to stderr (Ink only writes there when a component asks it to). */
export class NullStream extends Writable {
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: () => void): void {
    callback();
  }
}

export interface VirtualTerminal {
  readonly stdout: VirtualStdout;
  readonly stdin: VirtualStdin;
  readonly stderr: NullStream;
}

export function createVirtualTerminal(size: Size, onOutput: (data: string) => void): VirtualTerminal {
  return { stdout: new VirtualStdout(size, onOutput), stdin: new VirtualStdin(), stderr: new NullStream() };
}
