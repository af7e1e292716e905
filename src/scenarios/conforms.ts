/**
 * Whether a value conforms to a JSON Schema, for the subset of draft 2020-12 that z.toJSONSchema writes
 * for the scenario format (scenarios/scenario.schema.json): type, properties, required,
 * additionalProperties: false, items, prefixItems, min/maxItems, min/maxLength, pattern, minimum,
 * maximum, exclusiveMinimum/Maximum, const, enum, anyOf, oneOf; title, description and $schema are
 * notes. A schema with any other keyword conforms to nothing, so the answer is never a wrong yes.
 *
 * Why: a valid file is the common case, and deciding it here takes a fraction of a millisecond, where
 * loading zod and building the schema cost a cold start about 10 ms. zod still explains every refusal
 * (schemaIssues.ts). Where zod and the JSON Schema specification could differ, it does as zod does:
 * integers must be safe integers, numbers finite, and a pattern is compiled without the u flag (lengths
 * count code points in both); a test checks that the two agree on thousands of files.
 */
type Schema = Record<string, unknown>;

const NOTES = new Set(['title', 'description', '$schema']);
const KNOWN = new Set([
  ...NOTES,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'prefixItems',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'const',
  'enum',
  'anyOf',
  'oneOf',
]);

const patterns = new Map<string, RegExp>();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasType(type: unknown, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return Number.isSafeInteger(v);
    default:
      return false;
  }
}

/** Characters as JSON Schema (and zod) count them: a surrogate pair is one. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

export function conforms(schema: unknown, v: unknown): boolean {
  if (schema === true) return true;
  if (!isObject(schema)) return false;
  for (const key in schema) if (!KNOWN.has(key)) return false;
  const s = schema as Schema;
  if (s.type !== undefined && !hasType(s.type, v)) return false;
  if (s.const !== undefined && v !== s.const) return false;
  if (s.enum !== undefined && !(s.enum as unknown[]).includes(v)) return false;
  if (typeof v === 'number') {
    if (s.minimum !== undefined && !(v >= (s.minimum as number))) return false;
    if (s.maximum !== undefined && !(v <= (s.maximum as number))) return false;
    if (s.exclusiveMinimum !== undefined && !(v > (s.exclusiveMinimum as number))) return false;
    if (s.exclusiveMaximum !== undefined && !(v < (s.exclusiveMaximum as number))) return false;
  }
  if (typeof v === 'string') {
    const length = s.minLength !== undefined || s.maxLength !== undefined ? codePoints(v) : 0;
    if (s.minLength !== undefined && length < (s.minLength as number)) return false;
    if (s.maxLength !== undefined && length > (s.maxLength as number)) return false;
    if (typeof s.pattern === 'string') {
      let re = patterns.get(s.pattern);
      if (!re) patterns.set(s.pattern, (re = new RegExp(s.pattern)));
      if (!re.test(v)) return false;
    }
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < (s.minItems as number)) return false;
    if (s.maxItems !== undefined && v.length > (s.maxItems as number)) return false;
    const prefix = (s.prefixItems as unknown[] | undefined) ?? [];
    for (let i = 0; i < v.length; i++) {
      const item = i < prefix.length ? prefix[i] : s.items;
      if (item === undefined) continue;
      if (item === false || !conforms(item, v[i])) return false;
    }
  }
  if (isObject(v)) {
    const properties = (s.properties as Record<string, unknown> | undefined) ?? {};
    for (const key of (s.required as string[] | undefined) ?? []) if (!Object.hasOwn(v, key)) return false;
    for (const key of Object.keys(v)) {
      if (Object.hasOwn(properties, key)) {
        if (!conforms(properties[key], v[key])) return false;
      } else if (s.additionalProperties !== undefined) {
        if (s.additionalProperties === false || !conforms(s.additionalProperties, v[key])) return false;
      }
    }
  }
  if (s.anyOf !== undefined && !(s.anyOf as unknown[]).some((branch) => conforms(branch, v))) return false;
  if (s.oneOf !== undefined && (s.oneOf as unknown[]).filter((branch) => conforms(branch, v)).length !== 1) return false;
  return true;
}
