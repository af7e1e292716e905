import { describe, expect, it } from 'vitest';
import { helpRows } from '../../src/session/keymap/index.js';
import { HelpOverlay } from '../../src/ui/panels/helpOverlay.js';
import { THEMES, appWith, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

const keymapRows = () => helpRows('training', appWith(sessionAfter('whole-dataset')));

describe('HelpOverlay', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`lists every key of the keymap at ${width} columns (${name})`, () => {
        const frame = frameAt(<HelpOverlay rows={keymapRows()} theme={theme} width={width} height={19} />, width);
        const rows = lines(frame);
        expect(rows.length).toBeLessThanOrEqual(19);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
        for (const { description } of keymapRows()) expect(frame).toContain(theme.text(description));
        expect(frame).toContain('q Ctrl+C');
        if (theme.ascii) {
          expect(isPrintableAscii(frame)).toBe(true);
          expect(frame).toContain('sgd -> batch -> full');
        }
      });
    }
  }

  it('uses two columns when the rows do not fit the height', () => {
    const [, theme] = THEMES[0];
    const frame = frameAt(<HelpOverlay rows={keymapRows()} theme={theme} width={140} height={11} />, 140);
    expect(lines(frame).length).toBeLessThanOrEqual(11);
    for (const { description } of keymapRows()) expect(frame).toContain(description);
  });
});
