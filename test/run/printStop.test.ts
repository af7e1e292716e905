/**
 * `--print` of a huge run through the built CLI stops at once on Ctrl+C (SIGINT), SIGTERM and SIGHUP:
 * within a second, after whole lines, with the shell's exit code for the signal (128 + its number).
 * Node's default action for SIGINT killed the process wherever it was, which a pipe reader sees as
 * a cut line and the shell as a death by signal.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bigScenarioFile } from '../support/bigScenario.js';
import { cleanEnv, CLI, ensureBuilt, ROOT, tempDir } from '../support/index.js';

beforeAll(() => ensureBuilt());

interface Stopped {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From the signal to the process's end. */
  readonly ms: number;
}

/** Starts `--print`, sends `signal` once its first output has arrived, and waits for it to end. */
function stopAfterFirstOutput(args: readonly string[], signal: NodeJS.Signals): Promise<Stopped> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args, '--print'], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = 0;
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (data: Buffer) => {
      stdout += data;
      if (!sent) {
        sent = Date.now();
        child.kill(signal);
      }
    });
    child.stderr.on('data', (data: Buffer) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code, endSignal) => {
      clearTimeout(guard);
      resolve({ code, signal: endSignal, stdout, stderr, ms: sent ? Date.now() - sent : Infinity });
    });
  });
}

describe('--print of a huge run stops on a signal', () => {
  it('deep-net with 256 hidden nodes and 1,000,000 iterations: Ctrl+C ends it within a second, exit 130, whole lines', async () => {
    const run = await stopAfterFirstOutput(['deep-net', '--hidden', '256', '--iterations', '1000000'], 'SIGINT');
    expect(run.signal).toBeNull();
    expect(run.code).toBe(130);
    expect(run.ms).toBeLessThan(1000);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.slice(0, -1).split('\n');
    for (const line of lines) expect(Number.isFinite(Number(/^Error:(\S+)$/.exec(line)?.[1])), line).toBe(true);
    expect(lines.length).toBeLessThan(100_000);
  });

  it('a 1000 x 20 x 32 user file (seconds per 4,096 iterations): SIGINT, SIGTERM and SIGHUP end it within a second', async () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'big.json');
    writeFileSync(file, JSON.stringify(bigScenarioFile(1000, 20, 32, 20_000)));
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
      const run = await stopAfterFirstOutput([file], signal);
      expect(run.signal, signal).toBeNull();
      expect(run.code, signal).toBe(code);
      expect(run.ms, signal).toBeLessThan(1000);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^(Error:\S+\n)+$/);
    }
  });
});
