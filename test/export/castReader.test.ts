import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseCast, printable, readCast } from '../../src/record/castReader.js';
import { ROOT, tempDir } from '../support/index.js';

const HEADER = '{"version":2,"width":80,"height":24,"env":{"TERM":"xterm-256color"}}';
const cast = (...lines: string[]) => `${[HEADER, ...lines].join('\n')}\n`;

/** The one-line message parseCast refuses `text` with. */
function refusal(text: string): string {
  try {
    parseCast(text, 'talk.cast');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('parseCast accepted it');
}

describe('parseCast', () => {
  it('returns the header, every event with its kind, time and line, and the markers with labels', () => {
    const recording = parseCast(
      cast('[0,"o","\\u001b[1mhi\\r\\n"]', '[0.5,"i","s"]', '[0.5,"m","scenario deep-net"]', '[1,"r","100x30"]', '[1.25,"m",""]'),
      'talk.cast',
    );
    expect(recording.header).toEqual({ version: 2, width: 80, height: 24, env: { TERM: 'xterm-256color' } });
    expect(recording.events).toEqual([
      { time: 0, kind: 'o', data: '\u001b[1mhi\r\n', line: 2 },
      { time: 0.5, kind: 'i', data: 's', line: 3 },
      { time: 0.5, kind: 'm', data: 'scenario deep-net', line: 4 },
      { time: 1, kind: 'r', data: '100x30', line: 5 },
      { time: 1.25, kind: 'm', data: '', line: 6 },
    ]);
    expect(recording.markers).toEqual([
      { index: 0, time: 0.5, label: 'scenario deep-net', event: 2 },
      { index: 1, time: 1.25, label: '', event: 4 },
    ]);
    expect(recording.duration).toBe(1.25);
  });

  it('reads the demo recording and a header with every optional field', () => {
    const header = '{"version":2,"width":100,"height":30,"timestamp":1700000000,"duration":3.5,"idle_time_limit":2,"command":"bash","title":"t","env":{"SHELL":"/bin/sh","TERM":"xterm"},"theme":{"fg":"#ffffff","bg":"#000000","palette":"#000000:#111111:#222222:#333333:#444444:#555555:#666666:#777777"}}';
    expect(parseCast(`${header}\n[0,"o","x"]`, 'a.cast').header.theme?.fg).toBe('#ffffff');
    expect(parseCast(`\uFEFF${HEADER}\n`, 'bom.cast').events).toEqual([]);
  });

  it('refuses a bad header with the file, line 1 and what was expected', () => {
    expect(refusal('')).toBe('talk.cast: line 1: the file is empty; expected an asciicast v2 header line');
    expect(refusal('{"version":2,"width":80,"height":24')).toBe(
      "talk.cast: line 1: the header is not valid JSON (column 36: expected ',' or '}', got the end of the line)",
    );
    expect(refusal('[0,"o","x"]\n')).toBe(
      'talk.cast: line 1: expected the asciicast header, an object {"version": 2, "width": …, "height": …}, got an array of 3 items',
    );
    expect(refusal('{"version":3,"term":{"cols":80,"rows":24}}\n')).toMatch(/^talk\.cast: line 1: header: unexpected field "term"/);
    expect(refusal('{"version":3,"width":80,"height":24}\n')).toBe(
      'talk.cast: line 1: header: version 3; expected "version": 2 (asciicast v2, as asciinema 2 and streetlight-tui record)',
    );
    expect(refusal('{"version":2,"width":0,"height":24}\n')).toBe(
      'talk.cast: line 1: header: "width": expected a whole number of columns from 1 to 1000, got 0',
    );
    expect(refusal('{"version":2,"width":80,"height":24,"env":{"TERM":1}}\n')).toBe(
      'talk.cast: line 1: header: "env.TERM": expected text in "quotes", got 1',
    );
    expect(refusal('{"version":2,"width":80,"height":24,"theme":{"fg":"red","bg":"#000000","palette":""}}\n')).toBe(
      'talk.cast: line 1: header: "theme.fg": expected a colour "#rrggbb", got "red"',
    );
  });

  it('refuses a bad event with its line and what was expected', () => {
    expect(refusal(cast('[0,"o","a"]', '[0.1,"o"]'))).toBe('talk.cast: line 3: expected an event [time, code, data], got an array of 2 items');
    expect(refusal(cast('{"t":0}'))).toBe('talk.cast: line 2: expected an event [time, code, data], got an object');
    expect(refusal(cast('[-1,"o","a"]'))).toBe('talk.cast: line 2: event time: expected a number of seconds, 0 or more, got -1');
    expect(refusal(cast('[2,"o","a"]', '[1,"o","b"]'))).toBe(
      "talk.cast: line 3: event time 1 is before the previous event's 2; expected times that never decrease",
    );
    expect(refusal(cast('[0,"x","a"]'))).toBe(
      'talk.cast: line 2: event code: expected "o" (output), "i" (input), "r" (resize) or "m" (marker), got "x"',
    );
    expect(refusal(cast('[0,"m",7]'))).toBe('talk.cast: line 2: marker event data: expected text in "quotes", got 7');
    expect(refusal(cast('[0,"r","80 by 24"]'))).toBe(
      'talk.cast: line 2: resize event data: expected "COLSxROWS" (1 to 1000 by 1 to 500), got "80 by 24"',
    );
    expect(refusal(cast('[0,"o","a"]', '', '[1,"o","b"]'))).toBe('talk.cast: line 3: empty line; expected an event [time, code, data]');
    expect(refusal(cast('[0,"o","a"],'))).toBe('talk.cast: line 2: the event is not valid JSON (column 12: expected the end of the line after the top-level value, got \',\')');
  });

  it('strips control characters from text it quotes, and from the file name', () => {
    const message = refusal(cast('[0,"\\u001b]0;owned\\u0007\\u202e","a"]'));
    expect(message).toBe('talk.cast: line 2: event code: expected "o" (output), "i" (input), "r" (resize) or "m" (marker), got "]0;owned"');
    expect(printable('a\u001b[2Jb\u009bc\u2066d\r\n')).toBe('a[2Jbcd');
    expect(() => parseCast('', 'evil\u001b[2J.cast')).toThrow('evil[2J.cast: line 1:');
  });
});

describe('readCast', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reads docs/demo.cast: its markers in order, each with a label', async () => {
    const recording = await readCast(path.join(ROOT, 'docs/demo.cast'));
    expect(recording.header.width).toBe(80);
    expect(recording.markers.length).toBeGreaterThan(10);
    expect(recording.markers[0]!.label).toBe('deep-net · opened');
    expect(recording.markers.every((m, i) => m.index === i && recording.events[m.event]!.kind === 'm')).toBe(true);
  });

  it('names a missing file, a folder, and bytes that are not UTF-8 (with the line)', async () => {
    const missing = path.join(tmp.dir, 'none.cast');
    await expect(readCast(missing)).rejects.toThrow(`${missing}: cannot read it (no such file); expected an asciicast v2 .cast file`);
    await expect(readCast(tmp.dir)).rejects.toThrow(`${tmp.dir}: cannot read it (is a folder)`);
    const latin1 = path.join(tmp.dir, 'latin1.cast');
    writeFileSync(latin1, Buffer.concat([Buffer.from(`${HEADER}\n[0,"o","caf`), Buffer.from([0xe9]), Buffer.from('"]\n')]));
    await expect(readCast(latin1)).rejects.toThrow(`${latin1}: line 2: not UTF-8 text; expected an asciicast v2 file (JSON lines)`);
    await expect(readCast(latin1)).rejects.toBeInstanceOf(UsageError);
  });
});
