/**
 * Where scenario files are looked for: ./scenarios of the folder the user runs from, then the package's
 * own scenarios/ folder (which holds the built-ins' files and the JSON Schema). The package folder is
 * found by walking up from this module, because bundling moves the code (dist/cli.js,
 * dist/chunks/*.js) while tests run it from src/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageScenariosFolder(from: string = import.meta.url): string | undefined {
  let dir = path.dirname(fileURLToPath(from));
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scenarios'))) {
      return path.join(dir, 'scenarios');
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** The folders to list, in order: the current folder's ./scenarios first, then the package's own (once). */
export function scenarioFolders(cwd: string = process.cwd()): string[] {
  const own = packageScenariosFolder();
  const local = path.resolve(cwd, 'scenarios');
  return own === undefined || own === local ? [local] : [local, own];
}
