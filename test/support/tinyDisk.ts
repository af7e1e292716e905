/**
 * A real full disk for tests: a tmpfs of a few kilobytes mounted on a temp folder (needs root, or the
 * capability to mount; a container may refuse). Tests that need one skip with the reason this gives.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface TinyDisk {
  readonly dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `bytes` (rounded up to whole pages by the kernel); a string says why it could not. */
export function mountTinyDisk(bytes: number): TinyDisk | string {
  const dir = mkdtempSync(path.join(tmpdir(), 'streetlight-tiny-disk-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${(mount.error?.message ?? mount.stderr).trim() || `exit ${mount.status}`})`;
  }
  return {
    dir,
    unmount() {
      spawnSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
