import { describe, expect, it } from 'vitest';
import { fixed, num, plural, short, sig } from '../../../src/ui/format/numbers.js';

describe('numbers on screen', () => {
  it('never shows -0', () => {
    expect(fixed(-0)).toBe('0.000');
    expect(fixed(-0.0001)).toBe('0.000');
    expect(num(-0.00001, 6, { sign: true })).toBe('0.000');
  });

  it('signs positive values when asked, so the sign reads without colour', () => {
    expect(num(0.5, 6, { sign: true })).toBe('+0.500');
    expect(num(-0.5, 6, { sign: true })).toBe('-0.500');
  });

  it('fits the width, dropping decimals and then using an exponent', () => {
    expect(num(123.456, 6)).toBe('123.46');
    expect(num(-12.3456, 6)).toBe('-12.35');
    expect(num(1e7, 6).length).toBeLessThanOrEqual(6);
    expect(num(7.737125245533561e-5, 8, { small: true })).toBe('7.74e-5');
    expect(num(NaN)).toBe('NaN');
    expect(num(-Infinity)).toBe('-inf');
  });

  it('shows data values short', () => {
    expect(short(1)).toBe('1');
    expect(short(0)).toBe('0');
    expect(short(0.25)).toBe('0.25');
  });
});

describe('sig: numbers in prose', () => {
  it('keeps the digits that matter', () => {
    // "down to 0.001" for 0.000534 hid the number that mattered.
    expect(sig(0.000534)).toBe('0.000534');
    expect(sig(0.0831)).toBe('0.0831');
    expect(sig(1.4346)).toBe('1.43');
    expect(sig(0.5)).toBe('0.5');
    expect(sig(60)).toBe('60');
    expect(sig(9.02e27)).toBe('9.02e27');
    expect(sig(1.5055e-5)).toBe('1.51e-5');
    expect(sig(-0.2)).toBe('-0.2');
    expect(sig(0)).toBe('0');
    expect(sig(Infinity)).toBe('inf');
  });
});

describe('plural', () => {
  it('says 1 row and 2 rows', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
  });
});
