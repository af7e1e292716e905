/** docs/scenario-format.md: its examples load and say true things, and it names every field of the schema. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainToEnd } from '../../src/engine/kernel.js';
import { scenarioJsonSchema } from '../../src/scenarios/jsonSchema.js';
import { LIMITS } from '../../src/scenarios/limits.js';
import { parseScenario } from '../../src/scenarios/loader.js';
import { buildSetup } from '../../src/scenarios/setup.js';

const DOC = readFileSync('docs/scenario-format.md', 'utf8');
const EXAMPLES = [...DOC.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((t) => t.includes('"title"'));

function errors(setup: ReturnType<typeof buildSetup>): number[] {
  const out: number[] = [];
  trainToEnd(setup, (it) => out.push(it.error));
  return out;
}

describe('docs/scenario-format.md', () => {
  it('has the five examples (2-layer, 3-layer, dimmer lamps, held-out rows, given weights), each a valid scenario that trains', async () => {
    expect(EXAMPLES).toHaveLength(5);
    for (const [i, text] of EXAMPLES.entries()) {
      const scenario = await parseScenario(text, `example-${i}.json`);
      expect(errors(buildSetup(scenario)).every(Number.isFinite), scenario.title).toBe(true);
    }
  });

  it('Matrix B: diverges at alpha 0.1 (2.9e9 after one iteration), learns at 0.01 (0.024 after 40)', async () => {
    const b = await parseScenario(EXAMPLES[2]!, 'b.json');
    expect(b.data.inputs).toEqual([[0.9, 0.0, 1], [0.2, 0.8, 1], [0.1, 0.0, 1], [0.8, 0.9, 1], [0.1, 0.7, 1], [0.9, 0.1, 0]].map((r) => r.map((x) => x * 10)));
    const fast = errors(buildSetup(b, { alpha: 0.1 }));
    expect(fast[0]!.toPrecision(2)).toBe('2.9e+9');
    expect(fast.at(-1)).toBeGreaterThan(1e200);
    expect(errors(buildSetup(b)).at(-1)!.toFixed(3)).toBe('0.024');
  });

  it('the held-out example holds out rows 4 and 5', async () => {
    const setup = buildSetup(await parseScenario(EXAMPLES[3]!, 'h.json'));
    expect(setup.heldOutRows).toEqual([4, 5]);
  });

  it('names every field of the schema', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown>; oneOf?: { properties: Record<string, unknown> }[] }> };
    const fields: string[] = [];
    for (const [key, value] of Object.entries(schema.properties)) {
      const children = value.properties ?? Object.assign({}, ...(value.oneOf ?? []).map((b) => b.properties));
      const nested = key === 'lesson' ? [] : Object.keys(children);
      if (nested.length === 0) fields.push(key);
      for (const child of nested) fields.push(`${key}.${child}`);
    }
    for (const field of fields) expect(DOC, field).toContain(`| \`${field}\` |`);
  });

  it('states the limits that limits.ts enforces', () => {
    for (const n of [LIMITS.rows, LIMITS.inputs, LIMITS.hidden, '1,000,000', LIMITS.seed, LIMITS.nesting, LIMITS.title, LIMITS.summary, LIMITS.description, LIMITS.lesson, LIMITS.id]) {
      expect(DOC).toContain(String(n));
    }
    expect(LIMITS.work).toBe(2e10);
    expect(DOC).toContain('2 × 10^10');
    expect(DOC).toContain(`${LIMITS.fileBytes / 1024 / 1024} MB`);
  });
});
