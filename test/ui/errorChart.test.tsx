import { describe, expect, it } from 'vitest';
import { ErrorChart, sample } from '../../src/ui/panels/errorChart.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

function chart(errors: readonly number[], theme: Theme, width: number, height: number, scale: 'linear' | 'log' = 'linear', heldOut: readonly number[] = []) {
  return <ErrorChart errors={errors} heldOut={heldOut} scale={scale} theme={theme} width={width} height={height} />;
}

const decay = (n: number) => Array.from({ length: n }, (_, i) => 2 * 0.9 ** i);

describe('ErrorChart', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`plots the error per iteration in exactly its height at ${width} columns (${name})`, () => {
        const errors = sessionAfter('deep-net', 'e').trainer.errors.toArray();
        for (const height of [5, 8, 12, 20]) {
          const frame = frameAt(chart(errors, theme, width, height), width);
          const rows = lines(frame);
          expect(rows).toHaveLength(height);
          expect(rows[0]).toContain('Error');
          for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
          // asciichart draws the axis, then the line.
          expect(frame).toContain(theme.glyphs.chart[1]);
          if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
        }
      });
    }
  }

  it('keeps its size as training goes on, from the first iteration to many more than the width', () => {
    const heights = [1, 2, 7, 60, 500, 20000].map((n) => lines(frameAt(chart(decay(n), COLOR, 40, 9), 80)));
    for (const rows of heights) {
      expect(rows).toHaveLength(9);
      for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(40);
    }
  });

  it('shows a placeholder of the same height before the first iteration', () => {
    const rows = lines(frameAt(chart([], COLOR, 50, 8), 80));
    expect(rows).toHaveLength(8);
    expect(rows.join('\n')).toContain('no iteration finished yet');
  });

  it('says "diverged" instead of crashing on NaN or Infinity', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      for (const scale of ['linear', 'log'] as const) {
        const rows = lines(frameAt(chart([1, 5, 1e200, bad], PLAIN, 50, 8, scale), 80));
        expect(rows).toHaveLength(8);
        expect(rows.join('\n')).toContain('diverged');
        expect(isPrintableAscii(rows.join('\n'))).toBe(true);
      }
    }
  });

  it('labels the axis on a log10 scale, and copes with an error of exactly 0', () => {
    const frame = frameAt(chart([1, 0.1, 0.01, 0.001, 0], COLOR, 50, 8, 'log'), 80);
    expect(lines(frame)).toHaveLength(8);
    expect(frame).toContain('log');
    expect(frame).toMatch(/1e-12|1e-\d+/);
    expect(frame).toMatch(/^\s*1[┤┼]/m);
  });

  it('shows the latest error in its title, and the held-out error as a second series', () => {
    const s = sessionAfter('overfit', 'iiiii');
    const frame = frameAt(
      <ErrorChart errors={s.trainer.errors} heldOut={s.trainer.heldOutErrors} scale="linear" theme={COLOR} width={60} height={10} />,
      80,
    );
    expect(lines(frame)[0]).toMatch(/train 0\.027 .*• held out 2\.179/);
    expect(frame).toContain('•');
    const ascii = frameAt(
      <ErrorChart errors={s.trainer.errors} heldOut={s.trainer.heldOutErrors} scale="linear" theme={PLAIN} width={60} height={10} />,
      80,
    );
    expect(ascii).toContain('*');
    expect(isPrintableAscii(ascii)).toBe(true);
  });

  it('samples long runs down to the width, ending with the latest value', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const s = sample(values, 10);
    expect(s).toHaveLength(10);
    expect(s[9]).toBe(999);
    expect(sample([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});
