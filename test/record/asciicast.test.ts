import { existsSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCast, type WriteFn } from '../../src/record/asciicast.js';
import { UsageError } from '../../src/errors.js';
import { parseCastStrict, tempDir } from '../support/index.js';

const header = { width: 80, height: 24, title: 't', env: { TERM: 'xterm-256color' } };

describe('CastWriter', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function writerAt(clock: () => number = () => 0) {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const file = path.join(tmp.dir, 'x.cast');
    return { file, writer: openCast(file, header, clock), read: () => readFileSync(file, 'utf8') };
  }

  it('writes the header first, with env.TERM and no timestamp unless given', () => {
    const { writer, read } = writerAt();
    writer.close();
    expect(read()).toBe('{"version":2,"width":80,"height":24,"title":"t","env":{"TERM":"xterm-256color"}}\n');
  });

  it('puts fields in the v2 order and keeps a given timestamp and SHELL', () => {
    const tmp = tempDir();
    cleanup = tmp.cleanup;
    const file = path.join(tmp.dir, 'y.cast');
    openCast(file, { ...header, timestamp: 1700000000, env: { TERM: 'xterm', SHELL: '/bin/sh' } }, () => 0).close();
    expect(readFileSync(file, 'utf8')).toBe(
      '{"version":2,"width":80,"height":24,"timestamp":1700000000,"title":"t","env":{"TERM":"xterm","SHELL":"/bin/sh"}}\n',
    );
  });

  it('turns lone newlines into \\r\\n without doubling existing pairs, also across writes', () => {
    const { writer, read } = writerAt();
    writer.output('a\nb\r\nc\r');
    writer.output('\nd\n');
    writer.close();
    const { events } = parseCastStrict(read());
    // The '\r' that ended the first write waits for the second, so the pair is never split.
    expect(events.map((e) => e[2])).toEqual(['a\r\nb\r\nc', '\r\nd\r\n']);
  });

  it('writes a carriage return held at the end when the file is closed', () => {
    const { writer, read } = writerAt();
    writer.output('x\r');
    writer.close();
    expect(parseCastStrict(read()).events.map((e) => e[2])).toEqual(['x', '\r']);
  });

  it('keeps a multibyte character whole when it is split across writes', () => {
    const { writer, read } = writerAt();
    const bytes = Buffer.from('x●y', 'utf8');
    writer.output(bytes.subarray(0, 2)); // 'x' and the first byte of '●'
    writer.output(bytes.subarray(2, 3));
    writer.output(bytes.subarray(3));
    writer.close();
    const { events } = parseCastStrict(read());
    expect(events.map((e) => e[2]).join('')).toBe('x●y');
    expect(events.every((e) => !e[2].includes('\ufffd'))).toBe(true);
  });

  it('writes resize and marker events, with times rounded to microseconds and never decreasing', () => {
    const times = [0.1234567, 0.5, 0.3, 2];
    const { writer, read } = writerAt(() => times.shift()!);
    writer.output('a');
    writer.resize(100, 30);
    writer.marker('iteration 1 error 0.5');
    writer.output('b');
    writer.close();
    expect(read().split('\n').slice(1)).toEqual([
      '[0.123457,"o","a"]',
      '[0.5,"r","100x30"]',
      '[0.5,"m","iteration 1 error 0.5"]',
      '[2,"o","b"]',
      '',
    ]);
  });

  it('writes each event as it happens, so the file is valid before close', () => {
    const { writer, read } = writerAt();
    writer.output('frame 1\n');
    expect(parseCastStrict(read()).events).toHaveLength(1);
    writer.marker('m');
    expect(parseCastStrict(read()).events).toHaveLength(2);
    writer.close();
  });

  it('ignores writes after close', () => {
    const { writer, read } = writerAt();
    writer.output('a');
    writer.close();
    writer.output('b');
    writer.marker('late');
    writer.resize(1, 1);
    writer.close();
    expect(parseCastStrict(read()).events).toEqual([[0, 'o', 'a']]);
  });

  it('escapes control characters as JSON', () => {
    const { writer, read } = writerAt();
    writer.output('\x1b[2K\x1b[1A\t"q"\\');
    writer.close();
    expect(read().split('\n')[1]).toBe('[0,"o","\\u001b[2K\\u001b[1A\\t\\"q\\"\\\\"]');
  });

  it('refuses a path that cannot be written, naming it, as bad usage', () => {
    expect(() => openCast('/nonexistent/dir/x.cast', header, () => 0)).toThrow(UsageError);
    expect(() => openCast('/nonexistent/dir/x.cast', header, () => 0)).toThrow("'/nonexistent/dir/x.cast'");
  });

  it('truncates an existing, longer file', () => {
    const { file, read } = writerAt();
    writeFileSync(file, 'x'.repeat(10_000));
    openCast(file, header, () => 0).close();
    expect(read()).toBe('{"version":2,"width":80,"height":24,"title":"t","env":{"TERM":"xterm-256color"}}\n');
  });

  it('refuses a character device, naming the file and what was expected', () => {
    expect(() => openCast('/dev/null', header, () => 0)).toThrow(
      new UsageError("--record: cannot write '/dev/null' (a character device); expected a regular file or a new one"),
    );
  });
});

describe('CastWriter when the disk fills up', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  /** A write function with room for `room` bytes: it writes what fits, as a full disk does, then fails. */
  function diskWith(room: number): WriteFn {
    let used = 0;
    return (fd, buffer, offset, length) => {
      if (used >= room) throw enospc();
      const n = Math.min(length, room - used);
      used += n;
      return writeSync(fd, buffer, offset, n);
    };
  }

  function recordOn(room: number) {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'full.cast');
    const writer = openCast(file, header, () => 0, { write: diskWith(room) });
    return { file, writer, text: () => readFileSync(file, 'utf8') };
  }

  const headerBytes = JSON.stringify({ version: 2, width: 80, height: 24, title: 't', env: { TERM: 'xterm-256color' } }).length + 1;
  const eventBytes = JSON.stringify([0, 'o', 'frame 0 ........']).length + 1;

  it('cuts the file back to its last whole event and stops recording', () => {
    const { writer, text } = recordOn(headerBytes + 2 * eventBytes + 7); // two events and 7 bytes of a third
    for (let i = 0; i < 6; i++) writer.output(`frame ${i} ........`);
    writer.marker('late');
    writer.close();
    expect(text().endsWith(']\n')).toBe(true);
    expect(parseCastStrict(text()).events.map((e) => e[2])).toEqual(['frame 0 ........', 'frame 1 ........']);
    expect(writer.failure).toMatchObject({ code: 'ENOSPC' });
    expect(writer.failureText('talk.cast')).toBe(
      "--record: writing 'talk.cast' failed (no space left on the device); the recording stops there, the file keeps every event before it",
    );
  });

  it('keeps a file that fills exactly at a line end valid too', () => {
    const { writer, text } = recordOn(headerBytes + eventBytes);
    writer.output('frame 0 ........');
    writer.output('frame 1 ........');
    writer.close();
    expect(parseCastStrict(text()).events.map((e) => e[2])).toEqual(['frame 0 ........']);
    expect(writer.failure).toBeDefined();
  });

  it('leaves no file when not even the header fits, and says so', () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'none.cast');
    expect(() => openCast(file, header, () => 0, { write: diskWith(10) })).toThrow(
      `--record: cannot write '${file}' (no space left on the device); nothing was recorded`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('has no failure text when every write went through', () => {
    const { writer } = recordOn(1 << 20);
    writer.output('a');
    writer.close();
    expect(writer.failure).toBeUndefined();
    expect(writer.failureText('x.cast')).toBeUndefined();
  });
});
