// Writes scenarios/scenario.schema.json, the JSON Schema of scenario files, from the zod schema in
// src/scenarios/schema.ts (`node scripts/scenario-schema.mjs`; --check only compares, exit 1 if stale).
// The built-in files point editors at it with "$schema": "./scenario.schema.json".
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'scenarios', 'scenario.schema.json');
const bundle = await build({
  entryPoints: [path.join(root, 'src/scenarios/jsonSchema.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const { scenarioJsonSchemaText } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = scenarioJsonSchemaText();
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error(`${path.relative(root, out)} is out of date: run node scripts/scenario-schema.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  console.log(`wrote ${path.relative(root, out)}`);
}
