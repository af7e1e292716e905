/**
 * The zod schema, the JSON Schema generated from it for editors, and the hand checks that stand in for
 * the schema on the big number arrays: the three agree.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../../src/scenarios/jsonSchema.js';
import { scenarioSchema } from '../../src/scenarios/schema.js';
import { validateScenario } from '../../src/scenarios/validate.js';

describe('scenarios/scenario.schema.json', () => {
  it('is what the zod schema generates (run `node scripts/scenario-schema.mjs` after changing schema.ts)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes every field, with the limits', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'id', 'title', 'summary', 'description', 'lesson', 'data', 'network', 'training', 'log', 'focus']);
    expect(schema.properties.data.properties.inputs).toMatchObject({ maxItems: 1000, items: { maxItems: 64 } });
    expect(schema.properties.training.properties.iterations).toMatchObject({ type: 'integer', minimum: 1, maximum: 1_000_000 });
    expect(schema.properties.network.oneOf.map((b: { properties: { layers: { const: number } } }) => b.properties.layers.const)).toEqual([2, 3]);
  });

  it('every built-in file is valid under the full zod schema too', () => {
    for (const name of readdirSync('scenarios').filter((n) => !n.endsWith('.schema.json'))) {
      const result = scenarioSchema.safeParse(JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')));
      expect(result.success, name).toBe(true);
    }
  });
});

describe('the hand checks of the number arrays accept exactly what the schema accepts', () => {
  const base = () => ({
    title: 't',
    data: { inputs: [[1, 0, 1], [0, 1, 1]], labels: [1, 0], train: [0, 1] },
    network: { layers: 3, weights_0_1: [[1, 2], [3, 4], [5, 6]], weights_1_2: [[1], [2]] } as Record<string, unknown>,
    training: { alpha: 0.1, iterations: 1 },
  });
  const bad: unknown[] = ['x', null, true, {}, [], [1], Infinity, -Infinity, NaN, undefined, 1.5, -1];
  type Raw = ReturnType<typeof base>;
  const mutations: [string, (raw: Raw, v: unknown) => void][] = [
    ['inputs', (r, v) => ((r.data as Record<string, unknown>).inputs = v)],
    ['inputs row', (r, v) => ((r.data.inputs as unknown[])[1] = v)],
    ['inputs number', (r, v) => ((r.data.inputs[1] as unknown[])[2] = v)],
    ['labels', (r, v) => ((r.data as Record<string, unknown>).labels = v)],
    ['labels number', (r, v) => ((r.data.labels as unknown[])[0] = v)],
    ['train', (r, v) => ((r.data as Record<string, unknown>).train = v)],
    ['train number', (r, v) => ((r.data.train as unknown[])[1] = v)],
    ['weights_0_1 number', (r, v) => (((r.network.weights_0_1 as unknown[][])[2] as unknown[])[1] = v)],
    ['weights_1_2 row', (r, v) => ((r.network.weights_1_2 as unknown[])[0] = v)],
    ['weights_1_2 number', (r, v) => (((r.network.weights_1_2 as unknown[][])[1] as unknown[])[0] = v)],
  ];
  it.each(mutations)('%s', async (_name, mutate) => {
    for (const v of bad) {
      const raw = base();
      mutate(raw, v);
      const mine = (await validateScenario(raw)).ok;
      const schema = scenarioSchema.safeParse(raw).success;
      // Rules the schema cannot see (one label per row, row indexes in range) may refuse more; never less.
      if (schema) expect(mine || JSON.stringify(await validateScenario(raw)).match(/label per row|row index|numbers like row 0|once|weights_0_1|weights_1_2/) !== null, JSON.stringify(v)).toBe(true);
      else expect(mine, `${_name} = ${String(v)}`).toBe(false);
    }
  });
});
