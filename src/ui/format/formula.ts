/**
 * Arithmetic written out for the inspector: `0.5 − 0.1 × 1 × (−0.2) = 0.52`. Numbers keep four
 * significant digits (the engine's numbers, rounded only here), negative factors are bracketed, and
 * the minus sign is the typographic one; in --ascii everything becomes `-` and `x`.
 */
import type { Theme } from '../theme.js';
import { sig } from './numbers.js';

const MINUS = '−';

/** A number in a formula: `0.52`, `−0.2`, `1.5e−5`. */
export function term(x: number): string {
  if (Object.is(x, -0)) return '0';
  return sig(x, 4).replace(/-/g, MINUS);
}

/** A number multiplied or subtracted: bracketed when negative, `(−0.2)`. */
export function factor(x: number): string {
  const t = term(x);
  return t.startsWith(MINUS) ? `(${t})` : t;
}

/** `a × b × c`. */
export function product(...xs: number[]): string {
  return xs.map(factor).join(' × ');
}

/** Formula text for the screen: the theme's ASCII spellings, and `-` for the minus sign in ASCII. */
export function formulaText(s: string, theme: Theme): string {
  return theme.text(theme.ascii ? s.replace(/−/g, '-') : s);
}
