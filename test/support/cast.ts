/** Casts in tests: check one strictly, take its output and markers, and replay output through a terminal emulator. */
import { expect } from 'vitest';
import { screenText } from '../../src/record/screenText.js';

export type CastEvent = [number, 'o' | 'r' | 'm' | 'i', string];

export interface Cast {
  readonly header: Record<string, unknown>;
  readonly events: CastEvent[];
}

const HEADER_KEYS = ['version', 'width', 'height', 'timestamp', 'duration', 'idle_time_limit', 'command', 'title', 'env', 'theme'];

/**
 * Parses a cast and checks it strictly: every line JSON, the header's fields and types, each event a
 * 3-element [time, code, string], times non-decreasing, no bare "\n" in output, "r" data COLSxROWS,
 * and a final newline.
 */
export function parseCastStrict(text: string): Cast {
  expect(text.endsWith('\n'), 'the file ends with a newline').toBe(true);
  const lines = text.slice(0, -1).split('\n');
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  expect(typeof header).toBe('object');
  expect(Object.keys(header).filter((k) => !HEADER_KEYS.includes(k))).toEqual([]);
  expect(header.version).toBe(2);
  for (const k of ['width', 'height'] as const) {
    expect(Number.isInteger(header[k]) && (header[k] as number) > 0, `header.${k} is a positive integer`).toBe(true);
  }
  if ('timestamp' in header) expect(Number.isInteger(header.timestamp)).toBe(true);
  if ('title' in header) expect(typeof header.title).toBe('string');
  const env = header.env as Record<string, unknown>;
  expect(typeof env).toBe('object');
  expect(typeof env.TERM).toBe('string');
  for (const value of Object.values(env)) expect(typeof value).toBe('string');

  const events: CastEvent[] = [];
  let last = 0;
  lines.slice(1).forEach((line, index) => {
    const event = JSON.parse(line) as unknown;
    const where = `event ${index + 1}: ${line.slice(0, 80)}`;
    expect(Array.isArray(event), where).toBe(true);
    const [time, code, data] = event as unknown[];
    expect((event as unknown[]).length, where).toBe(3);
    expect(typeof time === 'number' && Number.isFinite(time) && time >= 0, where).toBe(true);
    expect(time as number, `${where}: times never decrease`).toBeGreaterThanOrEqual(last);
    last = time as number;
    expect(['o', 'r', 'm', 'i'], where).toContain(code);
    expect(typeof data, where).toBe('string');
    if (code === 'o') expect(/(^|[^\r])\n/.test(data as string), `${where}: no bare \\n`).toBe(false);
    if (code === 'r') expect(data as string, where).toMatch(/^\d+x\d+$/);
    events.push(event as CastEvent);
  });
  return { header, events };
}

export const outputOf = (cast: Cast) => cast.events.filter((e) => e[1] === 'o').map((e) => e[2]).join('');
export const markersOf = (cast: Cast) => cast.events.filter((e) => e[1] === 'm').map((e) => e[2]);

/** What a terminal of the given size shows after `data`: right-trimmed lines, no trailing blank lines. */
export function replay(data: string, columns: number, rows: number): Promise<string> {
  return screenText(data, { columns, rows, convertEol: false });
}
