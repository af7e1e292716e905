import { describe, expect, it } from 'vitest';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { openSession, sessionReducer, type SessionState } from '../../src/session/state.js';
import { PressureTable, type PressureView } from '../../src/ui/panels/pressureTable.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

function table(s: SessionState, theme: Theme, width: number, view: PressureView = 'book', height = 12) {
  return <PressureTable trainer={s.trainer} view={view} theme={theme} width={width} height={height} />;
}

const cells = (line: string) => line.slice(8).trim().split(/\s+/);
const rowsOf = (frame: string) => lines(frame).filter((l) => /row \d/.test(l)).map((l) => cells(l).join(' '));

describe('PressureTable, the book\'s view (from the goals)', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`is the chapter's table with its counts per column at ${width} columns (${name})`, () => {
        const frame = frameAt(table(sessionAfter('conflicting-pressure'), theme, 34), width);
        const rows = lines(frame);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(34);
        expect(rows[0]).toContain('Pressure from the goals');
        // The book's rows, page 111: - 0 -, 0 + +, 0 0 -, + + +, 0 + +, - 0 -.
        expect(rowsOf(frame)).toEqual(['- 0 -', '0 + +', '0 0 -', '+ + +', '0 + +', '- 0 -']);
        // w0: 1 up, 2 down; w1: 3 up; w2: 3 up, 3 down, the column marked as conflicting.
        expect(cells(rows.find((l) => l.includes(' up'))!)).toEqual(['1', '3', '3']);
        expect(cells(rows.find((l) => l.includes(' down'))!)).toEqual(['2', '0', '3']);
        expect(rows[1]).toMatch(theme.ascii ? /w0\s+w1\s+\+-w2/ : /w0\s+w1\s+±w2/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('never changes while training', () => {
    const before = frameAt(table(sessionAfter('conflicting-pressure'), COLOR, 34), 80);
    const after = frameAt(table(sessionAfter('conflicting-pressure', 'iiiiii'), COLOR, 34), 80);
    expect(rowsOf(after)).toEqual(rowsOf(before));
  });
});

describe('PressureTable, the pushes at the weights', () => {
  it('opens on + in every w2 cell for conflicting-pressure: the weights, not the book, say so there', () => {
    const rows = rowsOf(frameAt(table(sessionAfter('conflicting-pressure'), COLOR, 40, 'now'), 80));
    expect(rows.map((r) => r.split(' ')[2])).toEqual(['+', '+', '+', '+', '+', '+']);
  });

  it('tells a dark lamp ("off") from a row predicted exactly ("0")', () => {
    const frame = frameAt(table(sessionAfter('conflicting-pressure'), COLOR, 40, 'now'), 80);
    // Row 0 [1,0,1]: the middle lamp is dark.
    expect(rowsOf(frame)[0]).toBe('+ off +');
    const exact = { ...findBuiltIn('whole-dataset')!, network: { layers: 2 as const, weights: [0, 1, 0] } };
    // With weights [0, 1, 0] row 1 [0,1,1] → 1 is predicted exactly: its lit lamps are still ("0"), not "off".
    const s = openSession(exact);
    expect(rowsOf(frameAt(table(s, COLOR, 40, 'now'), 80))[1]).toBe('off 0 0');
  });

  it('at an update, shows the pushes that update applied, summed over its rows, and how they make the change', () => {
    // full-gd: the update after the last row uses every row, at the weights of the pass.
    let s = openSession(findBuiltIn('full-gd')!);
    for (let i = 0; i < 6; i++) s = sessionReducer(s, { type: 'step', step: 'row' });
    const frame = frameAt(table(s, COLOR, 40, 'now'), 80);
    expect(lines(frame)[0]).toContain('that update');
    expect(frame).toContain('Σ used');
    expect(frame).toContain('update: α × Σ ÷ rows');
    // The change of each weight is alpha × the sum ÷ 6: the sum at the weights before the update.
    const sum = lines(frame).find((l) => l.includes('Σ used'))!.match(/[-+]?\d+\.\d+/g)!.map(Number);
    const t = s.trainer;
    const now = t.weights;
    const was = t.previousWeights;
    if (now.layers !== 2 || was.layers !== 2) throw new Error('2-layer');
    now.weights.forEach((w, i) => expect(w - was.weights[i]!).toBeCloseTo((0.1 * sum[i]!) / 6, 2));
  });

  it('is about weights_1_2 for a 3-layer net, where relu-off nodes get no pressure', () => {
    const rows = lines(frameAt(table(sessionAfter('deep-net'), COLOR, 40), 80));
    expect(rows[0]).toContain('weights_1_2');
    expect(cells(rows[1]!)).toEqual(['h0', 'h1', 'h2', 'h3']);
    // Row 0: h0, h2 and h3 are off, so only h1 is pushed.
    expect(cells(rows[2]!)).toEqual(['off', '+', 'off', 'off']);
  });

  it('drops columns it cannot fit and says how many, once, in the header', () => {
    const rows = lines(frameAt(table(sessionAfter('deep-net'), COLOR, 30), 80));
    expect(rows[1]).toMatch(/\+2 more$/);
    for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(30);
    for (const line of rows.slice(2)) expect(line).not.toMatch(/\+2\s*$/);
  });

  it('marks the active row', () => {
    const rows = lines(frameAt(table(sessionAfter('conflicting-pressure', 'ns'), PLAIN, 34, 'now'), 80));
    expect(rows.find((l) => l.startsWith('>'))).toContain('row 1');
  });
});
