/**
 * Scenario files: reading them safely, validating them, and the one rule for names that the picker,
 * the command line's scenario argument and `--list` share.
 *
 * Every problem becomes one line naming the file and the field, cleaned of control characters;
 * a file's problems come together (ScenarioFileError), at most a handful.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { cleanText } from '../terminal/cleanText.js';
import { BUILT_INS, findBuiltIn } from './builtins.js';
import { packageScenariosFolder, scenarioFolders } from './folders.js';
import { LIMITS } from './limits.js';
import { scenarioFileError, shownFile, type Problem, ScenarioFileError } from './problems.js';
import { withDefaults } from './defaults.js';
import type { Scenario, ScenarioFile } from './schema.js';
import { describeJsonProblem, parseStrictJson } from './strictJson.js';

export { ScenarioFileError } from './problems.js';

function fail(file: string, text: string): ScenarioFileError {
  return scenarioFileError(file, [{ field: '', text, whole: true }]);
}


/**
 * The text of a scenario file. Only regular files are read: a FIFO would block forever and
 * /dev/zero or /dev/urandom never end, so the kind of file is checked before opening it (and again on
 * the open file, which is opened non-blocking in case the path was swapped in between), and at most
 * LIMITS.fileBytes are read. The calls are synchronous: a regular file of a few megabytes at most reads
 * at once, while each asynchronous call is a trip through the thread pool (a millisecond of a cold
 * `--print`, whose time is mostly start-up).
 */
export async function readScenarioText(file: string): Promise<string> {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      file,
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'no such file; expected a built-in id (see --list) or the path of a scenario .json file'
        : `cannot read it (${code ?? 'unknown error'}); expected a readable scenario .json file`,
    );
  }
  const kind = (s: { isFile(): boolean; isDirectory(): boolean }) =>
    s.isDirectory() ? 'is a folder; expected a scenario .json file' : s.isFile() ? undefined : 'is not a regular file (a device, pipe or socket); expected a scenario .json file';
  const tooBig = (size: string) => `is larger than the limit of ${LIMITS.fileBytes / (1024 * 1024)} MB for a scenario file (${size} bytes)`;
  const wrong = kind(info);
  if (wrong) throw fail(file, wrong);
  if (info.size > LIMITS.fileBytes) throw fail(file, tooBig(String(info.size)));
  let fd;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw fail(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); expected a readable scenario .json file`);
  }
  try {
    const again = fstatSync(fd);
    const changed = kind(again);
    if (changed) throw fail(file, changed);
    // Read one byte past the cap, so a file that grew since stat is caught too.
    const buffer = Buffer.alloc(Math.min(LIMITS.fileBytes, Math.max(again.size, 0)) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > LIMITS.fileBytes) throw fail(file, tooBig(`more than ${LIMITS.fileBytes}`));
        break;
      }
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw fail(file, 'is not UTF-8 text; expected a scenario .json file');
    }
  } catch (error) {
    if (error instanceof ScenarioFileError) throw error;
    throw fail(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); expected a readable scenario .json file`);
  } finally {
    closeSync(fd);
  }
}

/** The texts of a valid file, cleaned for the terminal: one-line fields lose line breaks, the description keeps them. */
function cleanTexts(file: ScenarioFile): ScenarioFile {
  const line = (t: string) => cleanText(t).trim();
  const lesson = file.lesson;
  return {
    ...file,
    title: line(file.title),
    ...(file.summary !== undefined ? { summary: line(file.summary) } : {}),
    ...(file.description !== undefined ? { description: cleanText(file.description, { newlines: true }) } : {}),
    ...(lesson === undefined
      ? {}
      : { lesson: typeof lesson === 'string' ? line(lesson) : Object.fromEntries(Object.entries(lesson).map(([k, v]) => [k, line(v!)])) }),
  };
}

/** The name of a file's scenario when it gives no id: its file name without `.json`, cleaned. */
export function nameFromFile(file: string): string {
  return cleanText(path.basename(file).replace(/\.json$/i, '')).trim() || 'scenario';
}

/**
 * Parses and validates scenario JSON text; `file` is used in messages and as the source. Throws a
 * ScenarioFileError (a UsageError) with one line per problem.
 */
export async function parseScenario(text: string, file: string): Promise<Scenario> {
  // Some editors start UTF-8 files with a byte-order mark.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const json = parseStrictJson(text);
  if (!json.ok) throw fail(file, `not valid JSON: ${describeJsonProblem(json.problem)}`);
  const problems: (Problem & { at: number })[] = json.duplicates.map((d) => ({
    field: d.field,
    text: `${d.field} is given twice (lines ${d.firstLine} and ${d.line}); JSON would keep only the last: give it once`,
    whole: true,
    at: -1,
  }));
  // The checks are loaded only when a user file needs them: built-ins and --print of them never do (and
  // zod only when a file has problems to explain).
  const { validateScenario } = await import('./validate.js');
  const result = await validateScenario(json.value);
  if (!result.ok) {
    // In the order the fields come in the file (problems of a field's items sort with the field).
    const at = (field: string) => {
      for (let f = field, up = ''; ; f = up) {
        const i = json.keyAt.get(f);
        if (i !== undefined) return i;
        up = f.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
        if (up === f) return Infinity;
      }
    };
    problems.push(...result.problems.map((p) => ({ ...p, at: at(p.field) })));
  }
  if (problems.length > 0 || !result.ok) throw scenarioFileError(file, problems.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1)));
  const clean = cleanTexts(result.file);
  if (clean.title === '') throw scenarioFileError(file, [{ field: 'title', text: 'expected a title with something to show (control characters are removed)' }]);
  return withDefaults(clean, clean.id ?? nameFromFile(file), shownFile(file));
}

export async function loadScenarioFile(file: string): Promise<Scenario> {
  return parseScenario(await readScenarioText(file), file);
}

// ---------------------------------------------------------------- names

export interface ScenarioCatalog {
  /** The built-ins in the chapter's order, then the usable user scenarios, folder by folder, by file name. */
  readonly scenarios: readonly Scenario[];
  /** One line per file that cannot be used (its first problem) and per name that clashes. */
  readonly problems: readonly string[];
  /** Files that failed, by the name they would have had: so asking for that name shows why. */
  readonly failed: ReadonlyMap<string, ScenarioFileError>;
}

/** Names a path rather than a scenario: it has a folder in it, or ends in .json. */
export function isPathLike(name: string): boolean {
  return name.includes('/') || name.includes(path.sep) || /\.json$/i.test(name);
}

/**
 * Which scenarios exist, under one rule for names.
 *
 * - The built-ins come first, named by their ids.
 * - Then every `*.json` in the folders (./scenarios of the current folder, then the package's own),
 *   in file-name order, except hidden files and `*.schema.json`; in the package's own folder the
 *   built-ins' files themselves are skipped. A file's scenario is named by its `id`, or by its file
 *   name without `.json` when it has none.
 * - A name already taken (by a built-in, or by a file listed earlier) is a clash: the later file is
 *   not listed, and one line says so. A file that cannot be used is not listed, and one line says why.
 */
export async function listScenarios(folders: readonly string[] = scenarioFolders()): Promise<ScenarioCatalog> {
  const scenarios: Scenario[] = [...BUILT_INS];
  const problems: string[] = [];
  const failed = new Map<string, ScenarioFileError>();
  const owner = new Map<string, string>(BUILT_INS.map((s) => [s.id, 'a built-in']));
  const own = packageScenariosFolder();
  const seen = new Set<string>();
  for (const folder of folders) {
    const resolved = path.resolve(folder);
    if (seen.has(resolved)) continue;
    seen.add(resolved);
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => /\.json$/i.test(n) && !n.startsWith('.') && !/\.schema\.json$/i.test(n)).sort();
    } catch {
      continue;
    }
    const isOwn = own !== undefined && path.resolve(own) === resolved;
    for (const name of names) {
      const stem = name.replace(/\.json$/i, '');
      if (isOwn && findBuiltIn(stem)) continue;
      const file = path.join(folder, name);
      let scenario: Scenario;
      try {
        scenario = await loadScenarioFile(file);
      } catch (error) {
        if (!(error instanceof ScenarioFileError)) throw error;
        const [first, ...rest] = error.lines;
        problems.push(rest.length === 0 ? first! : `${first} (and ${rest.length} more)`);
        failed.set(nameFromFile(file), error);
        continue;
      }
      const taken = owner.get(scenario.id);
      if (taken !== undefined) {
        problems.push(
          cleanText(`${scenario.source}: its name '${scenario.id}' is ${taken === 'a built-in' ? "a built-in's" : `already taken by ${taken}`}; not listed (give it another "id")`),
        );
        continue;
      }
      owner.set(scenario.id, scenario.source);
      scenarios.push(scenario);
    }
  }
  return { scenarios, problems, failed };
}

/** The scenario a name stands for in a catalog: a built-in id or a user scenario's name. */
export function findScenario(catalog: ScenarioCatalog, name: string): Scenario | undefined {
  return catalog.scenarios.find((s) => s.id === name);
}

/**
 * What the command line's scenario argument opens: a built-in id (no file is read), a path to a
 * scenario file (anything with a folder in it or ending in .json), or the name of a scenario listed
 * from the folders, by the rule of `listScenarios`. Throws a UsageError saying what exists otherwise.
 */
export async function resolveScenario(name: string, folders: readonly string[] = scenarioFolders()): Promise<Scenario> {
  const builtIn = findBuiltIn(name);
  if (builtIn) return builtIn;
  if (isPathLike(name)) return loadScenarioFile(name);
  const catalog = await listScenarios(folders);
  const found = findScenario(catalog, name);
  if (found) return found;
  const failed = catalog.failed.get(name);
  if (failed) throw failed;
  const users = catalog.scenarios.slice(BUILT_INS.length).map((s) => s.id);
  const choices = users.length > 0 ? `, a scenario in ./scenarios (${users.slice(0, 8).join(', ')}${users.length > 8 ? ', …' : ''})` : '';
  throw new UsageError(cleanText(`unknown scenario '${name}': expected a built-in id (see --list)${choices} or a path to a .json file`));
}
