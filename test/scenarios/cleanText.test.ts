/** cleanText: no byte that a terminal would act on survives, and ordinary text is left alone. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/terminal/cleanText.js';

const ESC = '\x1b';

describe('cleanText', () => {
  it('leaves ordinary text, accents, emoji and wide characters alone (the same string, not a copy)', () => {
    for (const t of ['', 'One street light', 'café ✓ 街灯 🚦', 'w0 - w2 = 1; [0.5, -0.5]']) expect(cleanText(t)).toBe(t);
  });

  it.each([
    ['OSC 52 (clipboard) ended by BEL', `a${ESC}]52;c;ZWNobyBwd25lZA==\x07b`, 'ab'],
    ['OSC 0 (window title) ended by ST', `a${ESC}]0;pwned${ESC}\\b`, 'ab'],
    ['OSC in 8-bit form, ended by 8-bit ST', 'a\x9d0;pwned\x9cb', 'ab'],
    ['an unterminated OSC swallows the rest', `a${ESC}]0;pwned forever`, 'a'],
    ['CSI colour', `${ESC}[31mred${ESC}[0m`, 'red'],
    ['CSI with private parameters and intermediates', `a${ESC}[?1049h${ESC}[2 qb`, 'ab'],
    ['CSI in 8-bit form', 'a\x9b2Jb', 'ab'],
    ['CSI cut short by another control', `a${ESC}[12\x07b`, 'ab'],
    ['DCS, APC, PM and SOS strings', `a${ESC}Pq#0;1${ESC}\\b${ESC}_apc${ESC}\\c${ESC}^pm${ESC}\\d${ESC}Xsos${ESC}\\e`, 'abcde'],
    ['DCS in 8-bit form', 'a\x90tmux;x\x9cb', 'ab'],
    ['two-byte ESC sequences (reset, keypad, charset)', `a${ESC}cb${ESC}=c${ESC}(Bd`, 'abcd'],
    ['a lone ESC at the end', `ab${ESC}`, 'ab'],
    ['C0 controls, DEL and C1 controls', 'a\x00\x01\x08\x7f\x85\x8fb', 'ab'],
    ['backspace tricks', 'safe\x08\x08\x08\x08evil', 'safeevil'],
  ])('%s', (_what, input, output) => {
    expect(cleanText(input)).toBe(output);
    expect(cleanText(input, { newlines: true })).toBe(output);
  });

  it('line breaks: a space on one-line fields, a \\n where they are kept; a tab is a space', () => {
    expect(cleanText('one\ntwo\r\nthree\rfour')).toBe('one two three four');
    expect(cleanText('one\ntwo\r\nthree\rfour', { newlines: true })).toBe('one\ntwo\nthree\nfour');
    expect(cleanText('a\tb')).toBe('a b');
  });

  it('leaves no control character at all, whatever the input', () => {
    let state = 7;
    const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
    const pieces = [ESC, '[', ']', 'P', '\\', '\x07', '\x9b', '\x9c', '\x9d', '\n', '\r', '0', ';', 'm', 'a', 'é', '\x00', '\x7f', '\x85'];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      for (let i = random(40); i > 0; i--) text += pieces[random(pieces.length)];
      expect(cleanText(text)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
      expect(cleanText(text, { newlines: true })).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    }
  });
});
