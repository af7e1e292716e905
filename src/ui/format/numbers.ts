/**
 * Numbers on screen. The exact Python spelling of numbers belongs to the --print path; panels show a
 * fixed, readable precision instead, never "-0", and values too small for the decimals keep their
 * significant digits (an error of 0.000534 is not "0.001").
 */
import { padStartTo } from '../../terminal/displayWidth.js';

/** `x` with `decimals` places, `-0.000` shown as `0.000`, non-finite values spelled out. */
export function fixed(x: number, decimals = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * `x` in at most `width` characters: as many decimals (up to `decimals`) as fit, then an
 * exponent form for very large or very small magnitudes. With `sign`, positive values get a '+'
 * so the sign reads without colour; with `small`, tiny non-zero values use the exponent form.
 */
export function num(x: number, width = 6, opts: { decimals?: number; sign?: boolean; small?: boolean } = {}): string {
  const decimals = opts.decimals ?? 3;
  const withSign = (s: string) => (opts.sign && !s.startsWith('-') && !/^0\.?0*$/.test(s) && s !== 'NaN' ? `+${s}` : s);
  if (!Number.isFinite(x)) return withSign(fixed(x));
  // With `small`, a value too small for the decimals (an error of 7.7e-5) keeps its digits.
  const tooSmall = opts.small && x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals;
  for (let d = tooSmall ? -1 : decimals; d >= 0; d--) {
    const s = withSign(fixed(x, d));
    // Keep at least one decimal unless the number is large: 0.0004 must not read as "0".
    if (s.length <= width && (d > 0 || Math.abs(x) >= 1 || x === 0)) return s;
  }
  for (let d = 2; d >= 0; d--) {
    const s = withSign(x.toExponential(d).replace('e+', 'e'));
    if (s.length <= width) return s;
  }
  return withSign(x.toExponential(0).replace('e+', 'e'));
}

/**
 * `x` with `digits` significant digits, for prose: 0.000534, 0.0831, 1.43, 9.02e27. Plain decimals
 * from 1e-4 to 1e6, an exponent outside; trailing zeros dropped.
 */
export function sig(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return fixed(x);
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-4 && magnitude < 1e6) {
    const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(magnitude)));
    return fixed(Number(x.toPrecision(digits)), Math.min(20, decimals)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  }
  return x.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
}

/** Pads `s` on the left to `width` cells (right-aligns numbers in columns). */
export function padLeft(s: string, width: number): string {
  return padStartTo(s, width);
}

/** A data value (an input, a goal): whole numbers as they are (`1`, `0`), others with `num`. */
export function short(x: number, width = 6): string {
  return Number.isInteger(x) && String(x).length <= width ? String(x) : num(x, width, { decimals: 2 });
}

/** "1 row", "4 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
