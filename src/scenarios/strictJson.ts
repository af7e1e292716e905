/**
 * A strict JSON reader for scenario files: the value, the keys given twice, and where the text stops
 * being JSON.
 *
 * JSON.parse keeps the last of two equal keys without a word (a file with `"alpha"` twice ran with
 * the second), builds any depth of nesting, and its messages vary between Node versions, give no
 * position or quote a raw slice of the file. So three parts:
 * - a structure scan, which a regular expression drives over the strings and brackets only (the
 *   numbers, the bulk of a file, are skipped by the regex engine): nesting depth, with an early stop,
 *   and every object key, so duplicates are found and problems can be put in file order;
 * - JSON.parse for the value, fast and exact, once the nesting is known to be shallow;
 * - when either refuses, a walk of the grammar that reports the line, column and field of the first
 *   problem, e.g. `line 14, column 14 (training.alpha): expected a value, got 'NaN'`.
 */
import { LIMITS } from './limits.js';

export interface JsonProblem {
  readonly line: number;
  readonly column: number;
  /** The field being read, e.g. `data.inputs[2]`; empty at the top level. */
  readonly field: string;
  readonly expected: string;
  readonly got: string;
}

export interface DuplicateKey {
  /** The field given twice, e.g. `training.alpha`. */
  readonly field: string;
  readonly firstLine: number;
  readonly line: number;
}

export type JsonResult =
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly duplicates: readonly DuplicateKey[];
      /** Where each object key starts (offset into the text), by field: for putting problems in file order. */
      readonly keyAt: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly problem: JsonProblem };

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
    readonly got?: string,
  ) {
    super(expected);
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
const SPACE = /[ \t\n\r]*/y;

function fieldOf(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Walks the grammar and returns the first problem (the value it builds is that of JSON.parse). */
function walk(text: string, maxDepth: number): { value: unknown } | { problem: JsonProblem } {
  const path: (string | number)[] = [];
  let i = 0;
  const space = () => {
    SPACE.lastIndex = i;
    SPACE.test(text);
    i = SPACE.lastIndex;
  };
  const expect = (char: string, expected: string) => {
    if (text[i] !== char) throw new Stop(i, expected);
    i++;
  };
  const string = (what = 'a "quoted" string'): string => {
    expect('"', what);
    const start = i;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 34) break; // "
      if (i >= text.length) throw new Stop(i, 'a closing "');
      if (c < 0x20) throw new Stop(i, 'no line break or control character inside a string (write \\n)');
      if (c === 92) {
        // \
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) throw new Stop(i, 'an escape such as \\" \\\\ \\n or \\u00e9');
        i = ESCAPE.lastIndex;
        escaped = true;
      } else i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start - 1, i)) as string) : text.slice(start, i - 1);
  };
  const value = (depth: number): unknown => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) {
        throw new Stop(i, `at most ${maxDepth} levels of nesting (a scenario file needs 4)`, `a ${c === '{' ? 'object' : 'array'} nested deeper`);
      }
      return c === '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    NUMBER.lastIndex = i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && NUMBER.test(text)) {
      const n = Number(text.slice(i, NUMBER.lastIndex));
      i = NUMBER.lastIndex;
      return n;
    }
    throw new Stop(i, 'a value (a number, "text", true, false, null, [...] or {...})');
  };
  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    i++;
    space();
    if (text[i] === '}') return i++, out;
    for (;;) {
      space();
      const key = string('a "quoted" property name');
      path.push(key);
      space();
      expect(':', "':' after the property name");
      const v = value(depth);
      // As JSON.parse does: `__proto__` is an ordinary own property, never the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
      space();
      // The member stays on the path until its separator is read, so a missing comma names it.
      if (text[i] === '}') return path.pop(), i++, out;
      expect(',', "',' or '}'");
      path.pop();
      space();
      if (text[i] === '}') throw new Stop(i, 'another "property" (JSON allows no comma before })');
    }
  };
  const array = (depth: number): unknown[] => {
    const out: unknown[] = [];
    i++;
    space();
    if (text[i] === ']') return i++, out;
    for (let index = 0; ; index++) {
      path.push(index);
      out.push(value(depth));
      space();
      if (text[i] === ']') return path.pop(), i++, out;
      expect(',', "',' or ']'");
      path.pop();
      space();
      if (text[i] === ']') throw new Stop(i, 'another value (JSON allows no comma before ])');
    }
  };

  try {
    const result = value(0);
    space();
    if (i < text.length) throw new Stop(i, 'the end of the file after the top-level value');
    return { value: result };
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const line = lineOf(text, error.at);
    return {
      problem: {
        line,
        column: error.at - text.lastIndexOf('\n', error.at - 1),
        field: fieldOf(path),
        expected: error.expected,
        got: error.got ?? describeToken(text, error.at),
      },
    };
  }
}

/** The first place `text` stops being JSON (or nests deeper than `maxDepth`), or undefined when it is JSON. */
export function findJsonProblem(text: string, maxDepth: number = LIMITS.nesting): JsonProblem | undefined {
  const result = walk(text, maxDepth);
  return 'problem' in result ? result.problem : undefined;
}

/** Strings, and the brackets that open and close containers: all the structure a key's place needs. */
const TOKEN = /"(?:[^"\\]|\\.)*"|[{}[\]]/g;
const COLON = /[ \t\n\r]*:/y;

interface Frame {
  readonly object: boolean;
  readonly parent: Frame | undefined;
  /** Where the container opens. */
  readonly start: number;
  /** In an object: the key it is the value of. */
  readonly key: string | undefined;
  /** Objects: the keys so far, with where they start; and the last key read (the member being read). */
  readonly keys: Map<string, number> | undefined;
  last?: string;
  /** Arrays: how far element indexes have been counted (commas at this level), for containers inside. */
  counted?: { at: number; index: number };
  /** The path from the top, worked out when a key inside needs it. */
  path?: readonly (string | number)[];
}

/** Commas at the top level of `text` between `from` and `to` (both inside one array). */
function commas(text: string, from: number, to: number): number {
  let depth = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) n++;
  }
  return n;
}

function pathOf(text: string, frame: Frame): readonly (string | number)[] {
  if (frame.path) return frame.path;
  const parent = frame.parent;
  let path: (string | number)[] = [];
  if (parent?.object) path = [...pathOf(text, parent), frame.key ?? ''];
  else if (parent) {
    // Elements are met in order, so counting on from the last one keeps the whole scan linear.
    const counted = parent.counted ?? { at: parent.start + 1, index: 0 };
    const index = counted.index + commas(text, counted.at, frame.start);
    parent.counted = { at: frame.start, index };
    path = [...pathOf(text, parent), index];
  }
  frame.path = path;
  return path;
}

/** A key with escapes, decoded; as written when it is not a JSON string (a raw control character): the text is not JSON then, and the walk says why. */
function keyOf(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, -1);
  }
}

/**
 * The structure of `text`, assumed to be JSON (the caller checks): every key with its place, the
 * duplicates, and whether it nests deeper than `maxDepth` (the scan stops there).
 */
function scan(text: string, maxDepth: number): { tooDeep: boolean; duplicates: DuplicateKey[]; keyAt: Map<string, number> } {
  const duplicates: DuplicateKey[] = [];
  const keyAt = new Map<string, number>();
  let top: Frame | undefined;
  let depth = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const token = m[0];
    const at = m.index;
    if (token === '{' || token === '[') {
      if (++depth > maxDepth) return { tooDeep: true, duplicates, keyAt };
      const object = token === '{';
      top = { object, parent: top, start: at, key: top?.object ? top.last : undefined, keys: object ? new Map() : undefined };
    } else if (token === '}' || token === ']') {
      top = top?.parent;
      depth--;
    } else if (top?.object) {
      COLON.lastIndex = at + token.length;
      if (!COLON.test(text)) continue; // a string value, not a key
      const key = token.includes('\\') ? keyOf(token) : token.slice(1, -1);
      const field = fieldOf([...pathOf(text, top), key]);
      const first = top.keys!.get(key);
      if (first !== undefined) duplicates.push({ field, firstLine: lineOf(text, first), line: lineOf(text, at) });
      else {
        top.keys!.set(key, at);
        if (!keyAt.has(field)) keyAt.set(field, at);
      }
      top.last = key;
    }
  }
  return { tooDeep: false, duplicates, keyAt };
}

/** The value of a JSON text, with its duplicate keys; or the first problem, nesting too deep among them. */
export function parseStrictJson(text: string, maxDepth: number = LIMITS.nesting): JsonResult {
  const structure = scan(text, maxDepth);
  if (!structure.tooDeep) {
    try {
      return { ok: true, value: JSON.parse(text) as unknown, duplicates: structure.duplicates, keyAt: structure.keyAt };
    } catch {
      // Not JSON: the walk below says where and why.
    }
  }
  const problem = findJsonProblem(text, maxDepth);
  if (problem) return { ok: false, problem };
  // The scan reads invalid text loosely; for valid text this cannot happen.
  throw new Error('JSON.parse refused a text the grammar accepts');
}

function describeToken(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const word = /[A-Za-z_][A-Za-z0-9_]*/y;
  word.lastIndex = at;
  const token = word.test(text) ? text.slice(at, word.lastIndex) : String.fromCodePoint(text.codePointAt(at)!);
  // Control characters are shown escaped (a raw newline would break the one-line message).
  return `'${/[\x00-\x1f\x7f-\x9f]/.test(token) ? JSON.stringify(token).slice(1, -1).replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : token}'`;
}

/** `line 3, column 14 (training.alpha): expected …, got '…'` */
export function describeJsonProblem(p: JsonProblem): string {
  const where = `line ${p.line}, column ${p.column}${p.field ? ` (${p.field})` : ''}`;
  return `${where}: expected ${p.expected}, got ${p.got}`;
}
