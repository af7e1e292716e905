/**
 * Talk files (`--talk FILE`): checked as strictly as scenario files, with the same readers and the same
 * kind of message: the JSON read strictly (duplicate keys refused, line and column of a syntax error),
 * unknown fields refused with the nearest known name, one line per problem naming the file and the
 * field, at most a handful of lines (scenarios/problems.ts). No file system here: talkLoader.ts reads
 * the file and opens each stop's scenario.
 *
 * The format: a list of stops, or an object with the list and what the talk asks of the screen:
 *
 *   { "title": "…", "theme": "high-contrast",
 *     "stops": [ { "scenario": "deep-net", "overrides": { "alpha": 0.5 }, "keys": "s s s s", "note": "…" } ] }
 */
import { UsageError } from '../errors.js';
import { parseKeys } from '../record/keyScript.js';
import { describeValue } from '../scenarios/issueMessage.js';
import { LIMITS } from '../scenarios/limits.js';
import { nearestName } from '../scenarios/nearest.js';
import { scenarioFileError, type Problem } from '../scenarios/problems.js';
import type { Overrides } from '../scenarios/setup.js';
import { describeJsonProblem, parseStrictJson } from '../scenarios/strictJson.js';
import { cleanText } from '../terminal/cleanText.js';

export const TALK_LIMITS = {
  stops: 100,
  /** A note is one caption line or two. */
  note: 200,
  title: 100,
  /** Keys played on arrival at one stop. */
  keys: 200,
} as const;

export const THEMES = ['default', 'high-contrast'] as const;
export type TalkTheme = (typeof THEMES)[number];

/** A stop as the file gives it: the scenario still a name, the keys still names. */
export interface TalkFileStop {
  /** A built-in id, a scenario in ./scenarios, or a path (relative to the talk file). */
  readonly scenario: string;
  readonly overrides: Overrides;
  readonly keys: readonly string[];
  readonly note: string;
}

export interface TalkFile {
  readonly title: string | undefined;
  readonly theme: TalkTheme | undefined;
  readonly stops: readonly TalkFileStop[];
  /** The list's place in the file ('stops', or '' when the file is the list itself), for field names. */
  readonly stopsField: string;
}

/** Keys that would leave the stop or the talk while its keys play: the presenter presses those. */
const LEAVING: Readonly<Record<string, string>> = {
  q: 'quits',
  'ctrl+c': 'quits',
  esc: 'leaves the scenario',
  pagedown: 'goes to the next stop',
  pageup: 'goes to the previous stop',
};

const TOP_FIELDS = ['title', 'theme', 'stops'];
const STOP_FIELDS = ['scenario', 'overrides', 'keys', 'note'];

type Path = readonly (string | number)[];
type Json = Record<string, unknown>;

/** `stops[2].overrides.alpha`, as scenario messages name fields (validate.ts is not imported: it loads the schema library). */
const fieldName = (path: Path) => path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out === '' ? p : `${out}.${p}`), '');

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks, or adds a problem, for each override: the same ranges as the command line's options. */
const OVERRIDES: Readonly<Record<keyof Overrides, (v: unknown) => string | undefined>> = {
  alpha: (v) => (typeof v === 'number' && v > 0 && v <= LIMITS.alpha ? undefined : `expected a number above 0 and at most ${LIMITS.alpha}`),
  iterations: whole(1, LIMITS.iterations),
  seed: whole(0, LIMITS.seed),
  hidden: whole(1, LIMITS.hidden),
  batchSize: whole(1, LIMITS.rows),
  mode: oneOf(['sgd', 'batch', 'full']),
  activation: oneOf(['relu', 'linear']),
};

function whole(min: number, max: number) {
  return (v: unknown) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? undefined : `expected a whole number from ${min} to ${max}`);
}

function oneOf(values: readonly string[]) {
  return (v: unknown) => (typeof v === 'string' && values.includes(v) ? undefined : `expected ${values.map((x) => JSON.stringify(x)).join(' or ')}`);
}

class Checker {
  readonly problems: Problem[] = [];

  add(path: Path, text: string): undefined {
    this.problems.push({ field: fieldName(path), text });
    return undefined;
  }

  /** Unknown keys of an object: the nearest known name, or the list of them. */
  fields(value: Json, path: Path, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const field = fieldName([...path, key]);
      const near = nearestName(key, known);
      this.problems.push({ field, text: `unknown field ${field}: ${near ? `did you mean ${near}?` : `expected one of ${known.join(', ')}`}`, whole: true });
    }
  }

  /** One line of text, cleaned for the terminal: at most `max` characters, something left to show. */
  text(value: unknown, path: Path, max: number): string | undefined {
    if (typeof value !== 'string') return this.add(path, `expected text in "quotes", got ${describeValue(value)}`);
    const clean = cleanText(value).trim();
    if (clean === '') return this.add(path, 'expected some text (control characters are removed)');
    if (clean.length > max) return this.add(path, `expected at most ${max} characters (the limit), got ${clean.length}`);
    return clean;
  }

  overrides(value: unknown, path: Path): Overrides {
    if (value === undefined) return {};
    if (!isObject(value)) return this.add(path, `expected an object such as { "alpha": 0.5 }, got ${describeValue(value)}`) ?? {};
    const known = Object.keys(OVERRIDES);
    this.fields(value, path, known);
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const check = OVERRIDES[key as keyof Overrides];
      if (!check) continue;
      const problem = check(v);
      if (problem) this.add([...path, key], `${problem}, got ${describeValue(v)}`);
      else out[key] = v;
    }
    return out as Overrides;
  }

  keys(value: unknown, path: Path): string[] {
    if (value === undefined) return [];
    if (typeof value !== 'string') return this.add(path, `expected the keys in "quotes", as --keys takes them ("s s space"), got ${describeValue(value)}`) ?? [];
    let steps;
    try {
      steps = parseKeys(value);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      return this.add(path, error.message.replace(/^--keys: /, '')) ?? [];
    }
    if (steps.length > TALK_LIMITS.keys) return this.add(path, `expected at most ${TALK_LIMITS.keys} keys (the limit), got ${steps.length}`) ?? [];
    const names: string[] = [];
    for (const step of steps) {
      if (step.kind === 'wait') return this.add(path, "wait:MS does not apply: a stop's keys are played at once on arrival (p plays, and keeps playing)") ?? [];
      const leaving = LEAVING[step.name];
      if (leaving) return this.add(path, `'${step.name}' ${leaving}, which a stop's keys may not do; leave it to the presenter`) ?? [];
      names.push(step.name);
    }
    return names;
  }

  stop(value: unknown, path: Path): TalkFileStop | undefined {
    if (!isObject(value)) return this.add(path, `expected a stop { "scenario": …, "note": … }, got ${describeValue(value)}`);
    this.fields(value, path, STOP_FIELDS);
    const scenario = typeof value.scenario === 'string' && value.scenario.trim() !== '' ? value.scenario : undefined;
    if (scenario === undefined) this.add([...path, 'scenario'], `expected a built-in id (see --list) or the path of a scenario .json file, got ${describeValue(value.scenario)}`);
    const note = this.text(value.note, [...path, 'note'], TALK_LIMITS.note);
    const overrides = this.overrides(value.overrides, [...path, 'overrides']);
    const keys = this.keys(value.keys, [...path, 'keys']);
    return scenario !== undefined && note !== undefined ? { scenario, overrides, keys, note } : undefined;
  }
}

/** Checks a parsed talk file; the problems, or the file. */
export function validateTalk(raw: unknown): { readonly ok: true; readonly talk: TalkFile } | { readonly ok: false; readonly problems: readonly Problem[] } {
  const c = new Checker();
  let list: unknown;
  let title: string | undefined;
  let theme: TalkTheme | undefined;
  let stopsField: Path = [];
  if (Array.isArray(raw)) list = raw;
  else if (isObject(raw)) {
    c.fields(raw, [], TOP_FIELDS);
    if (raw.title !== undefined) title = c.text(raw.title, ['title'], TALK_LIMITS.title);
    if (raw.theme !== undefined) {
      if (THEMES.includes(raw.theme as TalkTheme)) theme = raw.theme as TalkTheme;
      else c.add(['theme'], `expected ${THEMES.map((t) => JSON.stringify(t)).join(' or ')}, got ${describeValue(raw.theme)}`);
    }
    list = raw.stops;
    stopsField = ['stops'];
  } else {
    return { ok: false, problems: [{ field: '', text: `expected a list of stops [ { "scenario": …, "note": … } ] or an object { "stops": [ … ] }, got ${describeValue(raw)}` }] };
  }
  const stops: TalkFileStop[] = [];
  if (!Array.isArray(list)) c.add(stopsField, `expected a list of stops [ { "scenario": …, "note": … } ], got ${describeValue(list)}`);
  else if (list.length === 0) c.add(stopsField, 'expected at least one stop');
  else if (list.length > TALK_LIMITS.stops) c.add(stopsField, `expected at most ${TALK_LIMITS.stops} stops (the limit), got ${list.length}`);
  else {
    list.forEach((value, i) => {
      const stop = c.stop(value, [...stopsField, i]);
      if (stop) stops.push(stop);
    });
  }
  if (c.problems.length > 0) return { ok: false, problems: c.problems };
  return { ok: true, talk: { title, theme, stops, stopsField: fieldName(stopsField) } };
}

/**
 * Parses and checks talk JSON text; `file` names it in messages. Throws a ScenarioFileError (a
 * UsageError, exit 2) with one line per problem: duplicate keys first, then the rest in file order.
 */
export function parseTalkText(text: string, file: string): TalkFile {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const json = parseStrictJson(text);
  if (!json.ok) throw scenarioFileError(file, [{ field: '', text: `not valid JSON: ${describeJsonProblem(json.problem)}`, whole: true }]);
  const problems: Problem[] = json.duplicates.map((d) => ({
    field: d.field,
    text: `${d.field} is given twice (lines ${d.firstLine} and ${d.line}); JSON would keep only the last: give it once`,
    whole: true,
  }));
  const result = validateTalk(json.value);
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) throw scenarioFileError(file, problems);
  return result.talk;
}

/** `stops[2]` (or `[2]` for a file that is the list itself): the field of stop `index`. */
export function stopField(talk: TalkFile, index: number, rest?: string): string {
  return `${talk.stopsField}[${index}]${rest ? `.${rest}` : ''}`;
}
