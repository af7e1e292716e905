/**
 * The scenario format as a JSON Schema (draft 2020-12), generated from the zod schema, for editors:
 * scenarios/scenario.schema.json is this, written by `node scripts/scenario-schema.mjs`, and a test
 * keeps the two the same. Not imported by the app.
 */
import { toJSONSchema } from 'zod/mini';
import { scenarioSchema } from './schema.js';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const { $schema, ...rest } = schema;
  return {
    $schema,
    title: 'streetlight-tui scenario',
    description: 'A street-light dataset, a network and how to train it. See docs/scenario-format.md.',
    ...rest,
  };
}

/** The file's text: two-space indentation and a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
