/**
 * The quick check of a scenario file against scenarios/scenario.schema.json (conforms.ts) says yes
 * exactly when zod's schema does, on thousands of files made by changing the built-ins and the
 * examples field by field and at random; and a valid file comes out of validateScenario the same
 * either way. (A wrong yes would let a bad file through; a wrong no only costs the time to load zod.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import scenarioJsonSchema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import { mersenneTwister } from '../../src/engine/random.js';
import { conforms } from '../../src/scenarios/conforms.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { schemaCheck } from '../../src/scenarios/schemaIssues.js';
import { validateScenario } from '../../src/scenarios/validate.js';

type Json = Record<string, unknown>;

const FILES: Json[] = readdirSync('scenarios')
  .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
  .map((n) => JSON.parse(readFileSync(`scenarios/${n}`, 'utf8')) as Json);

const VALUES: unknown[] = [
  undefined, null, true, false, 0, -0, 1, -1, 2, 3, 4, 0.5, 1.5, 100, 100.5, 101, 256, 257, 1000, 1001, 1e6, 1e6 + 1,
  4294967295, 4294967296, 2 ** 53, -(2 ** 53), 1e300, '', 'x', 'relu', 'linear', 'sgd', 'batch', 'full', 'lights', 'chart',
  'error-every', 'predictions', 'my-net', 'My Net', '-x', 'a'.repeat(64), 'a'.repeat(65), 'b'.repeat(100), 'b'.repeat(101),
  'c'.repeat(200), 'c'.repeat(201), '\u{1F600}'.repeat(50), '\u{1F600}'.repeat(51), [], [0], [0.5], [[0]], [[0], [1]], [[0, 1]], ['x'],
  [null], {}, { default: 'x' }, { relu: 'x', linear: '' }, { sgd: 'x', typo: 'y' }, { format: 'error-every' },
  { format: 'error-every', every: 0 }, { layers: 2 }, { layers: 3 }, { layers: 3, hidden: 0 }, { alpha: 0.1, iterations: 1 },
];

/** Every path to a value in `v` (objects and arrays, not too deep into the number arrays). */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function isObjectAt(file: Json, path: (string | number)[]): boolean {
  const v = path.reduce<unknown>((at, p) => (at as Record<string | number, unknown>)[p], file);
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function withValue(file: Json, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(file) as Json;
  let at: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) at = at[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return copy;
}

function cases(): unknown[] {
  const out: unknown[] = [...FILES];
  for (const file of FILES) {
    for (const path of paths(file)) for (const value of VALUES) out.push(withValue(file, path, value));
    // Unknown keys at each level.
    for (const path of paths(file).filter((p) => p.length <= 2 && isObjectAt(file, p))) out.push(withValue(file, [...path, 'extra'], 1));
  }
  // Several changes at once, at random.
  // numpy's generator, seeded: the same files on every run.
  const rng = mersenneTwister(9);
  const next = () => rng.nextDouble();
  for (let n = 0; n < 3000; n++) {
    let file: unknown = FILES[Math.floor(next() * FILES.length)];
    for (let k = 1 + Math.floor(next() * 3); k > 0; k--) {
      const all = paths(file);
      file = withValue(file as Json, all[Math.floor(next() * all.length)]!, VALUES[Math.floor(next() * VALUES.length)]);
    }
    out.push(file);
  }
  return out;
}

describe('conforms (scenario.schema.json) and zod agree', () => {
  const all = cases();

  it(`on ${all.length} files: yes exactly when zod says yes, and then zod gives the file back unchanged`, () => {
    let yes = 0;
    for (const value of all) {
      const quick = conforms(scenarioJsonSchema, value);
      const zod = scenarioSchema.safeParse(value);
      expect(quick, String(JSON.stringify(value)).slice(0, 300)).toBe(zod.success);
      if (zod.success) {
        yes++;
        expect(zod.data).toEqual(value);
      }
    }
    // Enough of both answers to mean something.
    expect(yes).toBeGreaterThan(500);
    expect(all.length - yes).toBeGreaterThan(2000);
  });

  it('a schema keyword it does not know makes it say no, never yes', () => {
    expect(conforms({ type: 'string' }, 'x')).toBe(true);
    expect(conforms({ type: 'string', format: 'email' }, 'x')).toBe(false);
    expect(conforms({ type: 'object', properties: { a: { type: 'number', multipleOf: 2 } } }, { a: 4 })).toBe(false);
  });

  it('validateScenario gives the same file whether the quick check or zod decided', async () => {
    for (const file of FILES) {
      const quick = await validateScenario(file);
      expect(quick.ok).toBe(true);
      const slow = schemaCheck(file);
      expect(slow.ok).toBe(true);
      if (quick.ok && slow.ok) expect(quick.file).toEqual(slow.file);
    }
  });

  it('a valid user file loads without zod; a file with a problem loads it to explain', async () => {
    let loaded = 0;
    vi.doMock('../../src/scenarios/schemaIssues.js', async (original) => {
      loaded++;
      return original();
    });
    vi.resetModules();
    try {
      const { parseScenario } = await import('../../src/scenarios/loader.js');
      const text = readFileSync('test/fixtures/user-5x6.json', 'utf8');
      expect((await parseScenario(text, 'user-5x6.json')).id).toBe('five-lamps');
      expect(loaded).toBe(0);
      await expect(parseScenario(text.replace('"alpha"', '"alpah"'), 'user-5x6.json')).rejects.toThrow('did you mean alpha?');
      expect(loaded).toBe(1);
    } finally {
      vi.doUnmock('../../src/scenarios/schemaIssues.js');
      vi.resetModules();
    }
  });
});
