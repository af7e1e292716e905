/**
 * The `--keys` language: space-separated single characters and key names (the keymap's own names,
 * session/keymap/keyNames.ts: space enter esc up pagedown ctrl+c ...), plus `wait:MS`. Each key becomes
 * the bytes a terminal would send for it, so the scripted run exercises the same input path (Ink's
 * parser, the keymap) as a person at a keyboard.
 */
import { UsageError } from '../errors.js';
import { NAMED_KEYS, keyBytes } from '../session/keymap/keyNames.js';

export type KeyStep =
  | { readonly kind: 'key'; readonly name: string; readonly bytes: string }
  | { readonly kind: 'wait'; readonly ms: number };

/** Ten minutes of virtual time is more than any lesson needs, and bounds a typo like wait:9999999999. */
export const MAX_WAIT_MS = 600_000;

const EXPECTED = `expected a single character, one of ${Object.keys(NAMED_KEYS).join(' ')}, or wait:MS`;

export function parseKeys(text: string): KeyStep[] {
  const steps: KeyStep[] = [];
  for (const token of text.split(/\s+/).filter((t) => t !== '')) steps.push(parseToken(token));
  return steps;
}

function parseToken(token: string): KeyStep {
  // One character (one code point, so "é" counts) is sent as typed; case matters ("E" is not "e").
  if ([...token].length === 1) return { kind: 'key', name: token, bytes: token };
  const lower = token.toLowerCase();
  const named = keyBytes(lower);
  if (named !== undefined) return { kind: 'key', name: lower, bytes: named };
  if (lower.startsWith('wait:')) {
    const value = token.slice('wait:'.length);
    const ms = /^\d{1,7}$/.test(value) ? Number(value) : NaN;
    if (!(ms <= MAX_WAIT_MS)) {
      throw new UsageError(`--keys: '${token}': expected wait:MS with MS a whole number of milliseconds from 0 to ${MAX_WAIT_MS}`);
    }
    return { kind: 'wait', ms };
  }
  throw new UsageError(`--keys: unknown key '${token}': ${EXPECTED}`);
}
