import { describe, expect, it } from 'vitest';
import { helpRows } from '../../src/session/keymap/index.js';
import { HelpOverlay } from '../../src/ui/panels/helpOverlay.js';
import { THEMES, appWith, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

const keymapRows = () => helpRows('training', appWith(sessionAfter('whole-dataset')));

/**
 * The help's text read column by column (help in columns wraps a long description under itself), with
 * runs of spaces as one, for the column count the frame was drawn with: every description reads whole.
 */
function readsWhole(frame: string, width: number, texts: readonly string[]): boolean {
  const rows = lines(frame).map((l) => [...l]);
  return [1, 2, 3, 4].some((columns) => {
    const step = Math.floor((width - 2 * (columns - 1)) / columns) + 2;
    const column = (from: number) => rows.map((r) => r.slice(from, from + step).join('')).join(' ');
    const text = Array.from({ length: columns }, (_, i) => column(i * step)).join(' ').replace(/\s+/g, ' ');
    return texts.every((t) => text.includes(t));
  });
}

describe('HelpOverlay', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`lists every key of the keymap at ${width} columns (${name})`, () => {
        const frame = frameAt(<HelpOverlay rows={keymapRows()} theme={theme} width={width} height={19} />, width);
        const rows = lines(frame);
        expect(rows.length).toBeLessThanOrEqual(19);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
        expect(readsWhole(frame, width, keymapRows().map((r) => theme.text(r.description)))).toBe(true);
        expect(frame).toContain('q Ctrl+C');
        if (theme.ascii) {
          expect(isPrintableAscii(frame)).toBe(true);
          expect(readsWhole(frame, width, ['sgd -> batch -> full'])).toBe(true);
        }
      });
    }
  }

  it('uses columns (two or more) when the rows do not fit the height', () => {
    const [, theme] = THEMES[0];
    const frame = frameAt(<HelpOverlay rows={keymapRows()} theme={theme} width={140} height={13} />, 140);
    expect(lines(frame).length).toBeLessThanOrEqual(13);
    expect(readsWhole(frame, 140, keymapRows().map((r) => r.description))).toBe(true);
    // Three columns side by side.
    expect(frame.split('\n')[1]).toMatch(/^s +one phase .* - +play slower .* W +save the run/);
  });
});

describe('HelpOverlay with too little room', () => {
  it('says keys are left out rather than cutting them silently', () => {
    const [, theme] = THEMES[0];
    const frame = frameAt(<HelpOverlay rows={keymapRows()} theme={theme} width={80} height={8} />, 80);
    expect(lines(frame).length).toBeLessThanOrEqual(8);
    expect(frame).toContain('… more keys: a larger terminal shows them all');
  });
});
