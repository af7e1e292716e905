/**
 * Python's float formatting, against Python itself (test/fixtures/pyfloat.json): `repr(x)` for the
 * notebook style and `'%.12g' % x` (+ `.0`) for the book style, over a few thousand doubles chosen to
 * hit every branch: random bit patterns, subnormals, the 1e-4 / 1e16 / 1e12 boundaries, round-half-even
 * ties at the 12th digit, integers, -0.0, inf and nan.
 */
import { describe, expect, it } from 'vitest';
import { formatG, formatNumber, py2Str, pyStr } from '../../src/engine/pyfloat.js';
import { readFixture } from './fixtures.js';

const values = readFixture<{ values: [string, string, string][] }>('pyfloat.json').values;

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

/** Runs `format` over every fixture value and lists the mismatches (so one failure shows them all). */
function mismatches(format: (x: number) => string, column: 1 | 2): string[] {
  return values
    .filter((v) => format(fromBits(v[0])) !== v[column])
    .map((v) => `${v[0]}: got ${format(fromBits(v[0]))}, Python prints ${v[column]}`);
}

describe('the fixture', () => {
  it('covers thousands of values, both notations and the special cases', () => {
    expect(values.length).toBeGreaterThan(3000);
    const reprs = values.map((v) => v[1]);
    expect(reprs.filter((r) => r.includes('e')).length).toBeGreaterThan(500);
    expect(reprs.filter((r) => !r.includes('e')).length).toBeGreaterThan(500);
    expect(reprs).toEqual(expect.arrayContaining(['-0.0', '0.0', 'inf', '-inf', 'nan', '5e-324', '1e+16', '0.0001', '1e-05', '1e+22']));
    expect(values.map((v) => v[2])).toEqual(expect.arrayContaining(['123456789012.0', '1.23456789012e+12', '1e+12']));
  });
});

describe('pyStr (Python 3 str/repr)', () => {
  it('matches repr(x) for every value', () => {
    expect(mismatches(pyStr, 1)).toEqual([]);
  });

  it('switches to exponent form below 1e-4 and from 1e16', () => {
    expect(pyStr(0.0001)).toBe('0.0001');
    expect(pyStr(0.00009999999999999999)).toBe('9.999999999999999e-05');
    expect(pyStr(9999999999999998)).toBe('9999999999999998.0');
    expect(pyStr(1e16)).toBe('1e+16');
    expect(pyStr(7.737125245533561e-5)).toBe('7.737125245533561e-05');
  });
});

describe('py2Str (Python 2 str: %.12g, plus .0)', () => {
  it("matches '%.12g' % x (+ '.0' for integers) for every value", () => {
    expect(mismatches(py2Str, 2)).toEqual([]);
  });

  it('rounds half to even from the exact binary value', () => {
    expect(py2Str(123456789012.5)).toBe('123456789012.0');
    expect(py2Str(123456789013.5)).toBe('123456789014.0');
    expect(py2Str(0.634231159844446)).toBe('0.634231159844');
    expect(formatG(1234567890125, 12)).toBe('1.23456789012e+12');
  });
});

describe('formatNumber', () => {
  it('picks the notebook or the book style', () => {
    expect(formatNumber(0.6342311598444467, 'notebook')).toBe('0.6342311598444467');
    expect(formatNumber(0.6342311598444467, 'book')).toBe('0.634231159844');
  });
});
