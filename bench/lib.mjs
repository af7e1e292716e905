// Small helpers shared by the bench sections (engine.mjs, process.mjs, and any later one, e.g. UI frames).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One aligned line of the report: a label, a value, and a note. */
export function line(label, value, note = '') {
  console.log(`  ${label.padEnd(58)} ${value.padStart(12)}${note ? `   ${note}` : ''}`);
}

export function ms(x) {
  return `${x.toFixed(1)} ms`;
}

export function rate(perSecond) {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}

/**
 * Runs a command `runs` times (after `warmup` unmeasured runs, which fill the file cache) and returns
 * the wall times in ms, and the stdout of the last run. Output goes to a pipe, as in real use.
 */
export function timeCommand(command, args, { runs = 10, warmup = 1, env = process.env, cwd = ROOT } = {}) {
  const times = [];
  let stdout = '';
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.error}`);
    if (i >= warmup) times.push(elapsed);
    stdout = result.stdout;
  }
  return { times, median: median(times), min: Math.min(...times), stdout };
}

/**
 * Bundles TypeScript from src/ with esbuild (the same tool as the build) into `outfile`. `source` is
 * a module of re-exports, with paths relative to the project root, e.g.
 * `export { createKernel } from './src/engine/kernel.ts'`.
 */
export async function bundleSource(source, outfile) {
  const { build } = await import('esbuild');
  await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** A temp folder for the duration of `use(dir)`. */
export async function withTempDir(use) {
  const dir = mkdtempSync(path.join(tmpdir(), 'streetlight-bench-'));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bundles `source` (see bundleSource) and imports it into this process. */
export async function importFromSource(source) {
  return withTempDir(async (dir) => import(pathToFileURL(await bundleSource(source, path.join(dir, 'bundle.mjs'))).href));
}
