/**
 * Writing a file the app makes (an exported script, a saved scenario) without following a symbolic
 * link planted at its name, and without leaving half a file: the text goes to a new temporary file
 * beside it, which then takes the name. Failures come back as one line for a notice or an error.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Why a write failed, in words: "the folder is not writable (EACCES)". */
export function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `the folder is not writable (${code})`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `no such folder (${code})`;
  if (code === 'EISDIR') return `a folder has that name (${code})`;
  if (code === 'EEXIST') return `a file is in the way (${code})`;
  return `it cannot be written (${code})`;
}

/** Writes `text` to `file`, replacing it; throws the file system's error. */
export function replaceFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, text, { flag: 'wx', mode: 0o644 });
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes `text` to a new file `file` (refusing one that exists: EEXIST); throws the file system's error. */
export function createFile(file: string, text: string): void {
  writeFileSync(file, text, { flag: 'wx', mode: 0o644 });
}
