/** Reads and validates user scenario files; every problem becomes one line naming file, field and expectation. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { BUILT_INS, findBuiltIn } from './builtins.js';
import { issueMessage, plainMessage } from './issueMessage.js';
import { describeJsonProblem, findJsonProblem } from './jsonProblem.js';
import type { Scenario } from './schema.js';

function describePath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(top level)' : out;
}

/** Parses and validates scenario JSON text; `file` is only used in messages. */
export async function parseScenario(text: string, file: string): Promise<Scenario> {
  let raw: unknown;
  // Some editors start UTF-8 files with a byte-order mark, which JSON.parse refuses.
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const problem = findJsonProblem(text);
    const why = problem ? describeJsonProblem(problem) : (error as Error).message.replace(/\s+/g, ' ');
    throw new UsageError(`${file}: not valid JSON: ${why}`);
  }
  // The schema library is loaded only when a user file needs it: built-ins and --print stay fast.
  const { scenarioSchema } = await import('./schema.js');
  const result = scenarioSchema.safeParse(raw, { reportInput: true, error: plainMessage });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`${file}: ${describePath(issue.path)}: ${issueMessage(issue)}`);
  }
  const fallbackId = path.basename(file).replace(/\.json$/i, '');
  return { ...result.data, id: result.data.id ?? fallbackId, source: file };
}

export async function loadScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file; expected a built-in id (see --list) or the path of a scenario .json file'
        : code === 'EISDIR'
          ? 'is a folder; expected a scenario .json file'
          : `cannot read it (${code}); expected a readable scenario .json file`;
    throw new UsageError(`${file}: ${why}`);
  }
  return parseScenario(text, file);
}

/** A built-in id, or a path to a scenario file. */
export async function resolveScenario(arg: string): Promise<Scenario> {
  const builtIn = findBuiltIn(arg);
  if (builtIn) return builtIn;
  if (arg.endsWith('.json') || arg.includes('/') || arg.includes(path.sep)) return loadScenarioFile(arg);
  throw new UsageError(
    `unknown scenario '${arg}': expected a built-in id (${BUILT_INS.map((s) => s.id).join(', ')}) or a path to a .json file`,
  );
}

export interface ScenarioListing {
  readonly scenarios: readonly Scenario[];
  /** Files in a scenarios folder that could not be loaded, with the reason (the picker shows them). */
  readonly problems: readonly string[];
}

/** Built-ins, then every valid `*.json` in the given folders that is not a built-in file. */
export async function listScenarios(folders: readonly string[]): Promise<ScenarioListing> {
  const scenarios: Scenario[] = [...BUILT_INS];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const folder of folders) {
    let names: string[];
    try {
      names = (await readdir(folder)).filter((n) => n.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(folder, name);
      const resolved = path.resolve(file);
      if (seen.has(resolved) || findBuiltIn(name.replace(/\.json$/, ''))) continue;
      seen.add(resolved);
      try {
        scenarios.push(await loadScenarioFile(file));
      } catch (error) {
        problems.push((error as Error).message);
      }
    }
  }
  return { scenarios, problems };
}
