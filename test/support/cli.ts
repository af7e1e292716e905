/**
 * Running the built CLI (`node dist/cli.js`) as a user would, with a pinned environment, and temp
 * folders that are removed after the test file.
 *
 * `npm test` builds first. Run on their own (`npx vitest run test/cli`), the tests build once if
 * dist/cli.js is missing; a lock folder keeps parallel test files from building over each other.
 * STREETLIGHT_CLI may point at another build of the CLI to test that one instead.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, onTestFinished } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = process.env.STREETLIGHT_CLI ?? path.join(ROOT, 'dist', 'cli.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The caller's environment without what changes the app's output, plus `extra` (undefined removes). */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}, cwd = ROOT, input?: string): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv(env),
    encoding: 'utf8',
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function sleepSync(ms: number): void {
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
      sleepSync(100);
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

/** A temp folder, removed when the test (if made in one) or the test file is done. */
export function tempDir(prefix = 'streetlight-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(cleanup);
  } catch {
    afterAll(cleanup);
  }
  return { dir, cleanup };
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}
