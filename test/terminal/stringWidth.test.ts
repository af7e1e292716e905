import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { ONE_COLUMN } from '../../src/terminal/cellWidth.js';
import { fastStringWidth as fast } from '../../src/terminal/stringWidth.js';

let slowCalls = 0;
const fastStringWidth = (text: string) => fast(text, undefined, () => (slowCalls++, stringWidth));

describe('the string-width fast path', () => {
  test('agrees with string-width on every code point it answers for itself', () => {
    let checked = 0;
    for (const [from, to] of ONE_COLUMN) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCodePoint(code);
        expect(stringWidth(ch), `U+${code.toString(16)}`).toBe(1);
        expect(fastStringWidth(ch)).toBe(1);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(700);
    expect(slowCalls).toBe(0);
  });

  test.each([
    ['plain ASCII', 'deep-net  iter 12/60'],
    ['the screen’s glyphs', '▸ 0  ● ○ ●  WALK   0.955 ██████▌ ‖ α 0.2 ↑+0.016 ─╮╰┤┼'],
    ['colour codes', '\x1b[90m─ \x1b[1m\x1b[36mStreet lights\x1b[22m\x1b[39m ───\x1b[39m'],
    ['wide characters go to string-width', '表示 🙂 e\u0301'],
    ['zero-width characters go to string-width', 'a\u200bb\u00adc'],
    ['an empty string', ''],
  ])('%s', (_, text) => {
    expect(fastStringWidth(text)).toBe(stringWidth(text));
  });
});
