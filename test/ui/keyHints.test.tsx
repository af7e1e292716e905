import { describe, expect, it } from 'vitest';
import { hintsFor } from '../../src/session/keymap/index.js';
import { KeyHints } from '../../src/ui/panels/keyHints.js';
import { COLOR, THEMES, appWith, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

const hints = (id: string) => hintsFor('training', appWith(sessionAfter(id)));

describe('KeyHints', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`fits one line ending with "? help" at ${width} columns (${name})`, () => {
        const frame = frameAt(<KeyHints hints={hints('deep-net')} theme={theme} width={width} />, width);
        expect(lines(frame)).toHaveLength(1);
        expect(widthOf(frame)).toBeLessThanOrEqual(width);
        expect(frame.trimEnd().endsWith('? help')).toBe(true);
        expect(frame).toMatch(/^s phase {2}n row {2}space iteration/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('offers the switch the scenario allows, from the keymap', () => {
    expect(frameAt(<KeyHints hints={hints('deep-net')} theme={COLOR} width={160} />, 160)).toContain('a relu/linear');
    expect(frameAt(<KeyHints hints={hints('deep-net')} theme={COLOR} width={160} />, 160)).not.toContain('sgd/batch/full');
    expect(frameAt(<KeyHints hints={hints('whole-dataset')} theme={COLOR} width={160} />, 160)).toContain('g sgd/batch/full');
  });

  it('on a wide line, every hint of the keymap: the switches, speed, log, marker, list and quit', () => {
    const frame = frameAt(<KeyHints hints={hints('whole-dataset')} theme={COLOR} width={200} />, 200);
    for (const part of ['g sgd/batch/full', '+ faster', '- slower', 'l log', 'm marker', 'Esc list', 'q quit', '? help']) expect(frame).toContain(part);
  });

  it('keeps "? help" even when little else fits', () => {
    const narrow = frameAt(<KeyHints hints={hints('deep-net')} theme={COLOR} width={20} />, 60);
    expect(narrow.trimEnd()).toBe('s phase  ? help');
    expect(frameAt(<KeyHints hints={hints('deep-net')} theme={COLOR} width={8} />, 60).trimEnd()).toBe('? help');
  });
});
