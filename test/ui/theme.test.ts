import { describe, expect, it } from 'vitest';
import { createTheme, toAscii, wantsAscii } from '../../src/ui/theme.js';
import { isPrintableAscii } from './helpers.js';

describe('createTheme', () => {
  it('maps semantic colours to 16-colour names, or to nothing without colour', () => {
    const on = createTheme({ color: true, ascii: false });
    expect(on.colors.positive).toBe('green');
    expect(on.colors.negative).toBe('red');
    expect(new Set(Object.values(on.colors))).toEqual(new Set([undefined, 'green', 'red', 'cyan', 'magenta', 'gray', 'yellow']));
    // Labels and axes are the terminal's own colour; the faint grey (SGR 90) is for decoration only.
    expect(on.colors.label).toBeUndefined();
    const off = createTheme({ color: false, ascii: false });
    expect(Object.values(off.colors).every((c) => c === undefined)).toBe(true);
  });

  it('has a Unicode and a plain-ASCII glyph set', () => {
    const uni = createTheme({ color: false, ascii: false });
    expect(uni.glyphs.lampOn).toBe('●');
    expect(uni.glyphs.border).toBe('round');
    const ascii = createTheme({ color: false, ascii: true });
    const all = Object.values(ascii.glyphs).flat().join('');
    expect(isPrintableAscii(all)).toBe(true);
    // On, dim and off lamps must differ, or the lights would not read.
    expect(new Set([ascii.glyphs.lampOn, ascii.glyphs.lampDim, ascii.glyphs.lampOff]).size).toBe(3);
  });

  it('turns prose into ASCII in ASCII mode only', () => {
    expect(createTheme({ color: false, ascii: true }).text('α × layer_1 → ok')).toBe('alpha x layer_1 -> ok');
    expect(createTheme({ color: false, ascii: false }).text('α → ok')).toBe('α → ok');
    expect(isPrintableAscii(toAscii('↑↓ choose · Enter open — “q” … ©'))).toBe(true);
  });
});

describe('wantsAscii', () => {
  it('is true for a set, non-UTF-8 locale', () => {
    expect(wantsAscii({ LANG: 'C' })).toBe(true);
    expect(wantsAscii({ LANG: 'POSIX' })).toBe(true);
    expect(wantsAscii({ LANG: 'en_US.ISO-8859-1' })).toBe(true);
  });

  it('is false for UTF-8 and for no locale at all', () => {
    expect(wantsAscii({ LANG: 'en_US.UTF-8' })).toBe(false);
    expect(wantsAscii({ LANG: 'C.utf8' })).toBe(false);
    expect(wantsAscii({})).toBe(false);
    expect(wantsAscii({ LANG: '' })).toBe(false);
  });

  it('reads LC_ALL, then LC_CTYPE, then LANG', () => {
    expect(wantsAscii({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(true);
    expect(wantsAscii({ LC_ALL: 'en_US.UTF-8', LANG: 'C' })).toBe(false);
    expect(wantsAscii({ LC_CTYPE: 'C', LANG: 'en_US.UTF-8' })).toBe(true);
    expect(wantsAscii({ LC_CTYPE: 'de_DE.UTF-8', LANG: 'C' })).toBe(false);
  });
});
