/**
 * Pass 2 of validate.ts with zod: the schema's problems with a file, each naming its field, with the
 * nearest known name for an unknown one. Loaded only for a file that the quick check (conforms.ts)
 * does not accept, since zod and the schema take a cold start about 10 ms to load and build.
 */
import * as z from 'zod/mini';
import { describeValue, issueMessage, plainMessage } from './issueMessage.js';
import { nearestName } from './nearest.js';
import type { Problem } from './problems.js';
import { scenarioSchema, type ScenarioFile } from './schema.js';
import { fieldName, isObject, type Path } from './validate.js';

/** The file as the schema reads it (the big arrays replaced by stand-ins), or its problems. */
export function schemaCheck(forSchema: unknown): { readonly ok: true; readonly file: ScenarioFile } | { readonly ok: false; readonly problems: Problem[] } {
  const result = scenarioSchema.safeParse(forSchema, { reportInput: true, error: plainMessage });
  return result.success ? { ok: true, file: result.data } : { ok: false, problems: schemaProblems(result.error.issues) };
}

type AnySchema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** The object schemas a path can lead to (unions give several). */
function objectsAt(path: Path): AnySchema[] {
  const unwrap = (s: AnySchema): AnySchema[] => {
    const def = s._zod.def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') return unwrap(def.innerType as AnySchema);
    if (def.type === 'union') return (def.options as AnySchema[]).flatMap(unwrap);
    return [s];
  };
  let nodes = unwrap(scenarioSchema as unknown as AnySchema);
  for (const p of path) {
    nodes = nodes.flatMap((n) => {
      const def = n._zod.def;
      if (def.type === 'object' && typeof p === 'string') {
        const child = (def.shape as Record<string, AnySchema>)[p];
        return child ? unwrap(child) : [];
      }
      if (def.type === 'array' && typeof p === 'number') return unwrap(def.element as AnySchema);
      return [];
    });
  }
  return nodes.filter((n) => n._zod.def.type === 'object');
}

function keysOf(s: AnySchema): string[] {
  return Object.keys(s._zod.def.shape as object);
}

/** Every field of the format by name, with where it belongs, for "alpha belongs in training". */
const HOMES: ReadonlyMap<string, string> = (() => {
  const homes = new Map<string, string>();
  const visit = (path: string[]) => {
    for (const o of objectsAt(path)) {
      for (const key of keysOf(o)) {
        const field = [...path, key];
        if (!homes.has(key.toLowerCase())) homes.set(key.toLowerCase(), fieldName(field));
        if (path.length < 2) visit(field);
      }
    }
  };
  visit([]);
  return homes;
})();

function unknownField(objectPath: Path, key: string, input: unknown): Problem {
  const field = fieldName([...objectPath, key]);
  const shapes = objectsAt(objectPath);
  // network: the branch for its layers says what it takes; the other branch may know the key.
  if (objectPath.length === 1 && objectPath[0] === 'network' && isObject(input)) {
    const mine = shapes.find((s) => branchLayers(s) === input.layers);
    const other = shapes.find((s) => branchLayers(s) !== input.layers);
    if (mine && other) {
      const layers = branchLayers(other);
      const only = `applies to ${layers}-layer nets only; this one has layers ${String(input.layers)}`;
      if (keysOf(other).includes(key)) {
        const instead = key === 'weights' ? '; a 3-layer net takes weights_0_1 and weights_1_2' : key.startsWith('weights_') ? '; a 2-layer net takes weights, one per input' : '';
        return { field, text: `${only}${instead}` };
      }
      const near = nearestName(key, keysOf(mine)) ?? nearestName(key, keysOf(other));
      if (near !== undefined && !keysOf(mine).includes(near)) return { field, text: `unknown field ${field}: did you mean ${near}? (${near} ${only})`, whole: true };
      return suggest(field, key, keysOf(mine));
    }
  }
  return suggest(field, key, [...new Set(shapes.flatMap(keysOf))]);
}

function branchLayers(s: AnySchema): unknown {
  const layers = (s._zod.def.shape as Record<string, AnySchema>).layers;
  return (layers?._zod.def.values as unknown[] | undefined)?.[0];
}

function suggest(field: string, key: string, known: readonly string[]): Problem {
  const near = nearestName(key, known);
  if (near !== undefined) return { field, text: `unknown field ${field}: did you mean ${near}?`, whole: true };
  const home = HOMES.get(key.toLowerCase());
  if (home !== undefined && home !== field) return { field, text: `unknown field ${field}: ${key} belongs in ${home}`, whole: true };
  return { field, text: `unknown field ${field}: expected one of ${known.join(', ')}`, whole: true };
}

type Issue = z.core.$ZodIssue;

/** zod's issues as problems; unions are opened up to the branch that matches the value's kind. */
function schemaProblems(issues: readonly Issue[], prefix: Path = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...(issue.path as (string | number)[])];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(unknownField(path, key, issue.input));
      continue;
    }
    if (issue.code === 'invalid_union') {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      if (discriminator !== undefined) {
        const value = isObject(issue.input) ? issue.input[discriminator] : undefined;
        out.push({ field: fieldName(path), text: `expected 2 or 3, got ${describeValue(value)}` });
        continue;
      }
      // A text-or-object field given an object: report what is wrong inside the object.
      const branch = issue.errors.find((errs) => errs.length > 0 && errs.every((e) => e.path.length > 0 || e.code !== 'invalid_type'));
      if (branch && isObject(issue.input)) {
        out.push(...schemaProblems(branch, path));
        continue;
      }
      out.push({ field: fieldName(path), text: `expected text or an object { … }, got ${describeValue(issue.input)}` });
      continue;
    }
    out.push({ field: fieldName(path), text: issueMessage(issue) });
  }
  return dedupe(out);
}

/** One problem per field: zod may report a number twice (as a whole number, then against its limit); keep the limit's. */
function dedupe(problems: Problem[]): Problem[] {
  const byField = new Map<string, Problem>();
  for (const p of problems) {
    const seen = byField.get(p.field);
    if (!seen || (/9007199254740991/.test(seen.text) && !/9007199254740991/.test(p.text))) byField.set(p.field, p);
  }
  return problems.filter((p) => byField.get(p.field) === p);
}
