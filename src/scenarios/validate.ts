/**
 * Checks a parsed scenario file and lists everything wrong with it, each problem naming its field.
 *
 * Three passes, all of whose problems are reported together:
 * 1. The big number arrays (data.inputs, labels, train, weights_0_1, weights_1_2) by hand: a 1000 x 20
 *    file holds 20,000 numbers, which a plain loop checks in well under a millisecond while a schema
 *    library takes tens of milliseconds on a cold start. Each array reports its first problem only.
 * 2. Everything else against the schema, the arrays replaced by small stand-ins: first the JSON Schema
 *    generated from it (conforms.ts), which decides a valid file without loading zod; a file it does
 *    not accept goes through zod (schemaIssues.ts), which says what is wrong. Unknown fields are
 *    refused with the nearest known name.
 * 3. Rules that tie fields together: one label per row, shapes of given weights, fields that do not
 *    apply to this net (hidden on a 2-layer net, a seed beside given weights, ...).
 */
import scenarioJsonSchema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import { ACTIVATIONS, MODES } from './choices.js';
import { conforms } from './conforms.js';
import { describeValue, plural } from './issueMessage.js';
import { LIMITS } from './limits.js';
import type { Problem } from './problems.js';
import type { ScenarioFile } from './schema.js';

type Json = Record<string, unknown>;

export type Path = readonly (string | number)[];

export function fieldName(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number (not NaN, not ±Infinity, which 1e999 in JSON becomes). */
function numberProblem(v: unknown): string | undefined {
  if (typeof v !== 'number') return `expected a number, got ${describeValue(v)}`;
  if (v - v !== 0) return `expected a finite number, got ${v}`;
  return undefined;
}

// ---------------------------------------------------------------- pass 1: the number arrays

interface ArrayCheck {
  /** What the array is, for "expected an array of …". */
  readonly of: string;
  readonly min: number;
  readonly max: number;
  /** Names the items in count messages ("row", "label"). */
  readonly item: string;
}

/** Checks that `v` is an array within the counts; returns it, or undefined after adding a problem. */
function checkArray(v: unknown, path: Path, c: ArrayCheck, out: Problem[]): unknown[] | undefined {
  const add = (text: string) => void out.push({ field: fieldName(path), text });
  if (!Array.isArray(v)) return add(`expected an array of ${c.of}, got ${describeValue(v)}`), undefined;
  if (c.min === c.max && v.length !== c.min) return add(`expected exactly ${c.min === 1 ? `one ${c.item}` : plural(c.min, c.item)}, got ${v.length}`), undefined;
  if (v.length < c.min) return add(`expected at least ${c.min === 1 ? `one ${c.item}` : plural(c.min, c.item)}, got ${v.length}`), undefined;
  if (v.length > c.max) return add(`expected at most ${plural(c.max, c.item)} (the limit), got ${v.length}`), undefined;
  return v;
}

/** A matrix of finite numbers, every row as long as the first; returns the row length, or undefined. */
function checkMatrix(v: unknown, path: Path, rows: ArrayCheck, cols: ArrayCheck, out: Problem[]): number | undefined {
  const list = checkArray(v, path, rows, out);
  if (!list) return undefined;
  let width = -1;
  for (let r = 0; r < list.length; r++) {
    const row = checkArray(list[r], [...path, r], cols, out);
    if (!row) return undefined;
    if (width === -1) width = row.length;
    else if (row.length !== width) {
      out.push({ field: fieldName([...path, r]), text: `expected ${plural(width, 'number')} like row 0, got ${row.length} (rows must all be the same length)` });
      return undefined;
    }
    for (let j = 0; j < row.length; j++) {
      const x = row[j];
      if (typeof x === 'number' && x - x === 0) continue;
      out.push({ field: fieldName([...path, r, j]), text: numberProblem(x)! });
      return undefined;
    }
  }
  return width;
}

function checkNumberList(v: unknown, path: Path, c: ArrayCheck, out: Problem[]): number[] | undefined {
  const list = checkArray(v, path, c, out);
  if (!list) return undefined;
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (typeof x === 'number' && x - x === 0) continue;
    out.push({ field: fieldName([...path, i]), text: numberProblem(x)! });
    return undefined;
  }
  return list as number[];
}

const ROWS: ArrayCheck = { of: 'rows, each an array of numbers', min: 1, max: LIMITS.rows, item: 'row' };
const LAMPS: ArrayCheck = { of: 'numbers, one per lamp', min: 1, max: LIMITS.inputs, item: 'number' };

/** The placeholders the schema sees instead of checked arrays: valid, and tiny. */
const STAND_IN = { inputs: [[0]], labels: [0], train: [0], weights_0_1: [[0]], weights_1_2: [[0]] } as const;

/** What the hand checks found valid: the row width and count, and the given 3-layer weights. */
interface Arrays {
  width?: number;
  rows?: number;
  w01?: number[][];
  w12?: number[][];
}

function checkArrays(raw: Json, out: Problem[]): { arrays: Arrays; forSchema: Json } {
  const arrays: Arrays = {};
  const forSchema: Json = { ...raw };
  const data = raw.data;
  if (isObject(data)) {
    const d: Json = { ...data };
    if (data.inputs !== undefined) {
      arrays.width = checkMatrix(data.inputs, ['data', 'inputs'], ROWS, LAMPS, out);
      if (arrays.width !== undefined) arrays.rows = (data.inputs as unknown[]).length;
      d.inputs = STAND_IN.inputs;
    }
    if (data.labels !== undefined) {
      const labels = checkNumberList(data.labels, ['data', 'labels'], { of: 'numbers, one per row', min: 1, max: LIMITS.rows, item: 'label' }, out);
      if (labels && arrays.rows !== undefined && labels.length !== arrays.rows) {
        out.push({ field: 'data.labels', text: `expected one label per row (${arrays.rows}), got ${labels.length}` });
      }
      d.labels = STAND_IN.labels;
    }
    if (data.train !== undefined) {
      checkTrain(data.train, arrays.rows, out);
      d.train = STAND_IN.train;
    }
    forSchema.data = d;
  }
  const network = raw.network;
  if (isObject(network) && network.layers === 3) {
    const n: Json = { ...network };
    if (network.weights_0_1 !== undefined) {
      const width = checkMatrix(network.weights_0_1, ['network', 'weights_0_1'], { ...ROWS, of: 'rows (one per input), each an array of numbers (one per hidden node)', max: LIMITS.inputs }, { ...LAMPS, of: 'numbers, one per hidden node', max: LIMITS.hidden }, out);
      if (width !== undefined) arrays.w01 = network.weights_0_1 as number[][];
      n.weights_0_1 = STAND_IN.weights_0_1;
    }
    if (network.weights_1_2 !== undefined) {
      const width = checkMatrix(network.weights_1_2, ['network', 'weights_1_2'], { ...ROWS, of: 'one-number rows, one per hidden node, like [[0.5], [-1]]', max: LIMITS.hidden }, { of: 'one number', min: 1, max: 1, item: 'number' }, out);
      if (width !== undefined) arrays.w12 = network.weights_1_2 as number[][];
      n.weights_1_2 = STAND_IN.weights_1_2;
    }
    forSchema.network = n;
  }
  return { arrays, forSchema };
}

/** Row indices: whole numbers below the row count, each at most once. Reports the first problem. */
function checkTrain(v: unknown, rows: number | undefined, out: Problem[]): void {
  const list = checkArray(v, ['data', 'train'], { of: 'row numbers (0 is the first row)', min: 1, max: LIMITS.rows, item: 'row number' }, out);
  if (!list) return;
  const seen = new Map<number, number>();
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    const add = (text: string) => void out.push({ field: fieldName(['data', 'train', i]), text });
    if (typeof r !== 'number' || !Number.isInteger(r) || r < 0) return add(`expected a row number (a whole number from 0), got ${describeValue(r)}`);
    if (rows !== undefined && r >= rows) return add(`expected a row index below ${rows}, got ${r}`);
    if (seen.has(r)) return add(`row ${r} is already listed at data.train[${seen.get(r)}]; list each row once`);
    seen.set(r, i);
  }
}

// ---------------------------------------------------------------- pass 3: fields together

function crossProblems(file: ScenarioFile, arrays: Arrays): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, text: string) => out.push({ field, text });
  const n = file.network;
  const width = arrays.width;
  if (n.layers === 2) {
    if (n.weights && width !== undefined && n.weights.length !== width) add('network.weights', `expected one weight per input (${width}), got ${n.weights.length}`);
    if (n.weights && n.seed !== undefined) add('network.seed', 'does not apply: network.weights gives the starting weights (leave seed out)');
  } else {
    const { w01, w12 } = arrays;
    const given01 = n.weights_0_1 !== undefined;
    const given12 = n.weights_1_2 !== undefined;
    if (given01 !== given12) {
      add(given01 ? 'network.weights_1_2' : 'network.weights_0_1', 'expected weights_0_1 and weights_1_2 together (or neither, to draw them from seed)');
    } else if (w01 && w12) {
      const hidden = w01[0]!.length;
      if (width !== undefined && w01.length !== width) {
        add('network.weights_0_1', `expected ${plural(width, 'row')} (one per input) of ${plural(hidden, 'number')} (one per hidden node), got ${plural(w01.length, 'row')}`);
      }
      if (w12.length !== hidden) {
        add('network.weights_1_2', `expected ${plural(hidden, 'row')} of one number each, like [[0.5], [-1]] (one per hidden node of weights_0_1), got ${plural(w12.length, 'row')}`);
      }
      if (n.hidden !== undefined && n.hidden !== hidden) add('network.hidden', `expected ${hidden} (the columns of weights_0_1) or no hidden, got ${n.hidden}`);
      if (n.seed !== undefined) add('network.seed', 'does not apply: weights_0_1 and weights_1_2 give the starting weights (leave seed out)');
    }
  }
  if (file.log?.every !== undefined && file.log.format !== 'error-every') add('log.every', `applies to format "error-every" only, not "${file.log.format}"`);
  if (isObject(file.lesson)) {
    const mine: readonly string[] = n.layers === 2 ? MODES : ACTIVATIONS;
    for (const key of Object.keys(file.lesson)) {
      if (key === 'default' || mine.includes(key)) continue;
      add(
        `lesson.${key}`,
        n.layers === 2
          ? `applies to 3-layer nets (the activation); a 2-layer net takes default, ${MODES.join(', ')}`
          : `applies to 2-layer nets (the mode); a 3-layer net takes default, ${ACTIVATIONS.join(', ')}`,
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- together

export type Validation = { readonly ok: true; readonly file: ScenarioFile } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * All that is wrong with `raw` (a parsed scenario file), or the file with its arrays, ready for defaults.
 * A valid file is decided by the hand checks and the JSON Schema (conforms.ts) without loading zod; only
 * a file with problems loads it (schemaIssues.ts), to say what each one is, all of them together.
 */
export async function validateScenario(raw: unknown): Promise<Validation> {
  if (!isObject(raw)) return { ok: false, problems: [{ field: '', text: `expected an object { "title": …, "data": …, "network": …, "training": … }, got ${describeValue(raw)}` }] };
  const problems: Problem[] = [];
  const { arrays, forSchema } = checkArrays(raw, problems);
  let checked: ScenarioFile | undefined;
  if (problems.length === 0 && conforms(scenarioJsonSchema, forSchema)) checked = forSchema as ScenarioFile;
  else {
    const { schemaCheck } = await import('./schemaIssues.js');
    const result = schemaCheck(forSchema);
    if (result.ok) checked = result.file;
    else problems.push(...result.problems);
  }
  if (problems.length > 0 || !checked) return { ok: false, problems };
  // Put the checked arrays back in place of their stand-ins.
  const data = raw.data as ScenarioFile['data'];
  const network = raw.network as Json;
  const file: ScenarioFile = {
    ...checked,
    data: { ...checked.data, inputs: data.inputs, labels: data.labels, ...(data.train ? { train: data.train } : {}) },
    network: {
      ...checked.network,
      ...(arrays.w01 ? { weights_0_1: network.weights_0_1 } : {}),
      ...(arrays.w12 ? { weights_1_2: network.weights_1_2 } : {}),
    } as ScenarioFile['network'],
  };
  const cross = crossProblems(file, arrays);
  return cross.length > 0 ? { ok: false, problems: cross } : { ok: true, file };
}
