import { describe, expect, it } from 'vitest';
import { PressureTable } from '../../src/ui/panels/pressureTable.js';
import type { SessionState } from '../../src/session/state.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

function table(s: SessionState, theme: Theme, width: number, height = 12) {
  const t = s.trainer;
  return <PressureTable setup={t.setup} weights={t.weights} activeRow={t.trace?.row} theme={theme} width={width} height={height} />;
}

const cells = (line: string) => line.slice(8).trim().split(/\s+/);

describe('PressureTable', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`has a row per training example and a column per weight at ${width} columns (${name})`, () => {
        const s = sessionAfter('conflicting-pressure');
        const frame = frameAt(table(s, theme, 30), width);
        const rows = lines(frame);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(30);
        expect(rows[0]).toContain('Pressure on weights');
        expect(cells(rows[1]!)).toEqual(['w0', 'w1', 'w2']);
        // Starting weights [0.5, 0.48, -0.7]: row 0 [1,0,1] → 0 predicts -0.2, too low: lit lamps pushed up.
        expect(cells(rows[2]!)).toEqual(['+', '0', '+']);
        // Row 1 [0,1,1] → 1 predicts -0.22: w1 and w2 pushed up, w0 (lamp off) not at all.
        expect(cells(rows[3]!)).toEqual(['0', '+', '+']);
        expect(rows.filter((l) => l.includes('row'))).toHaveLength(6);
        const net = rows.find((l) => l.includes('net'))!;
        expect(cells(net)).toHaveLength(3);
        for (const c of cells(net)) expect(c).toMatch(/^[-+]?\d+\.\d{2}$/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('shows + and - on the right-hand weight at once (conflicting pressure)', () => {
    const s = sessionAfter('conflicting-pressure', 'iii');
    const rows = lines(frameAt(table(s, COLOR, 30), 80));
    const right = rows.slice(2, 8).map((l) => cells(l)[2]);
    expect(right).toContain('+');
    expect(right).toContain('-');
  });

  it('marks the active row', () => {
    const s = sessionAfter('conflicting-pressure', 'ns');
    const rows = lines(frameAt(table(s, PLAIN, 30), 80));
    expect(rows.find((l) => l.startsWith('>'))).toContain('row 1');
  });

  it('is about weights_1_2 for a 3-layer net, where relu-off nodes get no pressure', () => {
    const s = sessionAfter('deep-net');
    const rows = lines(frameAt(table(s, COLOR, 40), 80));
    expect(rows[0]).toContain('weights_1_2');
    expect(cells(rows[1]!)).toEqual(['h0', 'h1', 'h2', 'h3']);
    // Row 0: h0, h2 and h3 are off, so only h1 is pushed.
    expect(cells(rows[2]!)).toEqual(['0', '+', '0', '0']);
  });

  it('drops columns it cannot fit and says how many', () => {
    const s = sessionAfter('deep-net');
    const rows = lines(frameAt(table(s, COLOR, 30), 80));
    expect(rows[1]).toMatch(/\+2 more$/);
    for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(30);
  });
});
