/**
 * One plain line per schema problem: "expected …, got …".
 *
 * zod's own wording ("Too big: expected number to be <=256") is written for programmers; people
 * editing a scenario file need to know what to write instead, and seeing what they wrote helps them
 * find it. Messages set in the schema win; this fills in the rest, and adds what the file held.
 */
import type { core } from 'zod/mini';

type Issue = core.$ZodIssue;
type RawIssue = core.$ZodRawIssue;

const TYPES: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text in "quotes"',
  object: 'an object { … }',
  array: 'an array [ … ]',
  tuple: 'an array [ … ]',
  boolean: 'true or false',
};

export function plural(n: number | bigint, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The per-parse error map: zod calls it for every issue whose schema sets no message. */
export function plainMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${plural(issue.minimum, 'item')}`;
      if (issue.origin === 'string') return issue.minimum === 1 ? 'expected some text' : `expected at least ${issue.minimum} characters`;
      return `expected ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${plural(issue.maximum, 'item')} (the limit)`;
      if (issue.origin === 'string') return `expected at most ${issue.maximum} characters (the limit)`;
      return `expected ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}${issue.inclusive ? ' (the limit)' : ''}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'invalid_format':
      return 'expected text in the right format';
    default:
      return undefined;
  }
}

/** What a value in the file is, in a few words: `"abc"`, `an array of 3 items`, `nothing (the field is missing)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'string') return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
  if (Array.isArray(value)) return `an array of ${plural(value.length, 'item')}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** What the file held where the issue is. */
function describeInput(issue: Issue): string | undefined {
  if (!['invalid_type', 'too_small', 'too_big', 'invalid_value', 'invalid_union', 'invalid_format'].includes(issue.code)) return undefined;
  // zod reports a non-finite number (1e999 in JSON) as received 'Infinity' without its input.
  const received = (issue as { received?: unknown }).received;
  if (typeof received === 'string') return received;
  const input = issue.input;
  if (input === undefined && issue.code !== 'invalid_type') return undefined;
  if (typeof input === 'string' && issue.code === 'too_big') return `${input.length} characters`;
  return describeValue(input);
}

/** The issue's message, on one line, with what the file held when the message does not already say. */
export function issueMessage(issue: Issue): string {
  const message = issue.message.replace(/\s+/g, ' ').trim();
  const got = describeInput(issue);
  return got === undefined || / got /.test(message) ? message : `${message}, got ${got}`;
}
