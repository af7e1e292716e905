/**
 * Where `--record` may write, through the built CLI (`--keys` runs; the interactive path is checked in
 * test/e2e/hostileText.test.ts): anything but a regular file or a new path is refused at once, and a
 * disk that fills up mid-session leaves a valid cast and one line saying so.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, CLI, commandExists, ensureBuilt, parseCastStrict, ROOT, tempDir } from '../support/index.js';
import { mountTinyDisk } from '../support/tinyDisk.js';

beforeAll(() => ensureBuilt());

/** The CLI with a short timeout of its own: the old code hung forever on a FIFO. */
function runQuickly(args: readonly string[], timeoutMs = 10_000) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

describe('--record refuses what is not a regular file', () => {
  it.skipIf(!commandExists('mkfifo'))('a FIFO: exit 2 at once, one line naming it, nothing drawn', () => {
    const tmp = tempDir();
    const fifo = path.join(tmp.dir, 'talk.cast');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = runQuickly(['deep-net', '--keys', 'space q', '--record', fifo]);
    expect(run.signal, 'the CLI hung on the FIFO').toBeNull();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`streetlight-tui: --record: cannot write '${fifo}' (a FIFO); expected a regular file or a new one\n`);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it('a character device (/dev/null) and a folder', () => {
    const tmp = tempDir();
    for (const [target, kind] of [['/dev/null', 'a character device'], [tmp.dir, 'is a folder']] as const) {
      const run = runQuickly(['deep-net', '--keys', 'q', '--record', target]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(run.stderr).toContain(`cannot write '${target}' (${kind})`);
    }
  });
});

describe('--record on a disk that fills up', () => {
  const disk = mountTinyDisk(8192);
  const reason = typeof disk === 'string' ? disk : undefined;
  if (reason) console.warn(`skipping the full-disk recording test: ${reason}`);
  afterAll(() => {
    if (typeof disk !== 'string') disk.unmount();
  });

  it.skipIf(reason !== undefined)('a --keys run: exit 1, one line saying so, and a cast that ends on a whole event', () => {
    if (typeof disk === 'string') return;
    const file = path.join(disk.dir, 'talk.cast');
    const run = runQuickly(['deep-net', '--keys', Array(40).fill('space').join(' '), '--record', file], 30_000);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `streetlight-tui: --record: writing '${file}' failed (no space left on the device); the recording stops there, the file keeps every event before it\n`,
    );
    const text = readFileSync(file, 'utf8');
    const cast = parseCastStrict(text);
    expect(cast.events.length).toBeGreaterThan(2);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(8192);
  });
});
