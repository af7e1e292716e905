import { describe, expect, it } from 'vitest';
import { KeyHints } from '../../src/ui/panels/keyHints.js';
import { COLOR, THEMES, frameAt, isPrintableAscii, lines, widthOf } from './helpers.js';

describe('KeyHints', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`fits one line ending with "? help" at ${width} columns (${name})`, () => {
        const frame = frameAt(<KeyHints deep theme={theme} width={width} />, width);
        expect(lines(frame)).toHaveLength(1);
        expect(widthOf(frame)).toBeLessThanOrEqual(width);
        expect(frame.trimEnd().endsWith('? help')).toBe(true);
        expect(frame).toMatch(/^s phase {2}n row {2}space iteration/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('offers the switch the scenario allows', () => {
    expect(frameAt(<KeyHints deep theme={COLOR} width={120} />, 120)).toContain('a relu/linear');
    expect(frameAt(<KeyHints deep={false} theme={COLOR} width={120} />, 120)).toContain('g sgd/batch/full');
  });

  it('keeps "? help" even when little else fits', () => {
    const narrow = frameAt(<KeyHints deep theme={COLOR} width={20} />, 60);
    expect(narrow.trimEnd()).toBe('s phase  ? help');
    expect(frameAt(<KeyHints deep theme={COLOR} width={8} />, 60).trimEnd()).toBe('? help');
  });
});
