/**
 * Python's float formatting, so the log reads exactly as the notebook (Python 3) and the
 * book (Python 2) print it.
 */

/** Splits JavaScript's shortest round-trip form into its digits and decimal exponent. */
function shortestDigits(x: number): { digits: string; exponent: number } {
  const [mantissa, exp] = x.toExponential().split('e') as [string, string];
  return { digits: mantissa.replace('-', '').replace('.', ''), exponent: Number(exp) };
}

function pythonExponent(exponent: number): string {
  const sign = exponent < 0 ? '-' : '+';
  return `e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function nonFinite(x: number): string | undefined {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return undefined;
}

/**
 * Python 3 `str(float)` / `repr(float)`: the shortest digits that round-trip (the same digits
 * JavaScript picks), in fixed notation for 1e-4 <= |x| < 1e16 and exponent notation outside.
 */
export function pyStr(x: number): string {
  const special = nonFinite(x);
  if (special) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0.0`;
  const { digits, exponent } = shortestDigits(x);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return sign + mantissa + pythonExponent(exponent);
  }
  return sign + fixed(digits, exponent, true);
}

/** Places the decimal point in `digits` (d.ddd × 10^exponent); with `pointZero`, keeps a `.0`. */
function fixed(digits: string, exponent: number, pointZero: boolean): string {
  let intPart: string;
  let fracPart: string;
  if (exponent < 0) {
    intPart = '0';
    fracPart = '0'.repeat(-exponent - 1) + digits;
  } else if (digits.length > exponent + 1) {
    intPart = digits.slice(0, exponent + 1);
    fracPart = digits.slice(exponent + 1);
  } else {
    intPart = digits + '0'.repeat(exponent + 1 - digits.length);
    fracPart = '';
  }
  if (fracPart === '') return pointZero ? `${intPart}.0` : intPart;
  return `${intPart}.${fracPart}`;
}

/** The exact decimal expansion of a finite, positive double: its digits and exponent. */
function exactDigits(x: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exp2: number;
  if (biasedExp === 0) {
    exp2 = -1074;
  } else {
    mantissa |= 1n << 52n;
    exp2 = biasedExp - 1075;
  }
  // x = mantissa * 2^exp2; with a negative exp2, x = mantissa * 5^-exp2 / 10^-exp2.
  let integer: bigint;
  let scale: number;
  if (exp2 >= 0) {
    integer = mantissa << BigInt(exp2);
    scale = 0;
  } else {
    integer = mantissa * 5n ** BigInt(-exp2);
    scale = -exp2;
  }
  const text = integer.toString();
  const trimmed = text.replace(/0+$/, '');
  return { digits: trimmed === '' ? '0' : trimmed, exponent: text.length - 1 - scale };
}

/** Rounds a digit string to `precision` significant digits, half to even, as C's printf does. */
function roundDigits(digits: string, exponent: number, precision: number): { digits: string; exponent: number } {
  if (digits.length <= precision) return { digits, exponent };
  const kept = digits.slice(0, precision);
  const rest = digits.slice(precision);
  const first = rest.charCodeAt(0) - 48;
  const beyondHalf = first > 5 || (first === 5 && /[1-9]/.test(rest.slice(1)));
  const exactHalf = first === 5 && !beyondHalf;
  const lastOdd = (kept.charCodeAt(kept.length - 1) - 48) % 2 === 1;
  if (!(beyondHalf || (exactHalf && lastOdd))) return { digits: kept, exponent };
  const bumped = (BigInt(kept) + 1n).toString();
  if (bumped.length > kept.length) return { digits: bumped.slice(0, precision), exponent: exponent + 1 };
  return { digits: bumped, exponent };
}

/** C's `%.{precision}g`, rounded from the exact binary value. */
export function formatG(x: number, precision: number): string {
  const special = nonFinite(x);
  if (special) return special;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  const exact = exactDigits(Math.abs(x));
  const rounded = roundDigits(exact.digits, exact.exponent, precision);
  const digits = rounded.digits.replace(/0+$/, '') || '0';
  if (rounded.exponent < -4 || rounded.exponent >= precision) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return sign + mantissa + pythonExponent(rounded.exponent);
  }
  return sign + fixed(digits, rounded.exponent, false);
}

/** Python 2 `str(float)`: `%.12g`, with `.0` added when the result looks like an integer. */
export function py2Str(x: number): string {
  const text = formatG(x, 12);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export type NumberStyle = 'notebook' | 'book';

export function formatNumber(x: number, style: NumberStyle): string {
  return style === 'book' ? py2Str(x) : pyStr(x);
}
