/**
 * Runs the built CLI (`node dist/cli.js`) as a user would, and collects its exit code and output.
 *
 * `npm test` builds first. Run on their own (`npx vitest run test/cli`), the tests build once if
 * dist/cli.js is missing; a lock folder keeps parallel test files from building over each other.
 * STREETLIGHT_CLI may point at another build of the CLI to test that one instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = process.env.STREETLIGHT_CLI ?? path.join(ROOT, 'dist', 'cli.js');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: readonly string[], cwd = ROOT): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const lock = path.join(tmpdir(), `streetlight-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  for (let waited = 0; !existsSync(CLI); waited += 100) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 60_000) throw new Error(`gave up waiting for another build (remove ${lock} if stale)`);
      sleep(100);
      continue;
    }
    try {
      if (!existsSync(CLI)) {
        const build = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
        if (build.status !== 0) throw new Error(`node build.mjs failed:\n${build.stderr}`);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
