/**
 * Helpers for the recording and end-to-end tests: run the built CLI with a pinned environment, check
 * a cast strictly, and replay output through a terminal emulator.
 */
import { screenText } from '../../src/record/screenText.js';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built CLI (`npm test` builds it first). STREETLIGHT_CLI points the tests at another build. */
export const CLI = process.env.STREETLIGHT_CLI ?? path.join(ROOT, 'dist/cli.js');

export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const build = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node build.mjs failed:\n${build.stderr}`);
}

/** The caller's environment without what changes the app's output, plus `extra`. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'streetlight-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

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

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
