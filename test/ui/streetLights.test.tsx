import { describe, expect, it } from 'vitest';
import { StreetLights } from '../../src/ui/panels/streetLights.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';
import type { SessionState } from '../../src/session/state.js';

function lights(s: SessionState, theme: Theme, width: number, height = 1 + s.trainer.setup.inputs.length) {
  const t = s.trainer;
  return (
    <StreetLights
      inputs={t.setup.inputs}
      labels={t.setup.labels}
      predictions={t.predictions}
      activeRow={t.trace?.row}
      heldOutRows={t.setup.heldOutRows}
      theme={theme}
      width={width}
      height={height}
    />
  );
}

describe('StreetLights', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`draws every row as a street light at ${width} columns (${name})`, () => {
        const s = sessionAfter('whole-dataset', 'in');
        const frame = frameAt(lights(s, theme, Math.min(width, 40)), width);
        const rows = lines(frame);
        expect(rows).toHaveLength(7);
        expect(rows[0]).toContain('Street lights');
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(40);
        // [1,0,1] → STOP, [0,1,1] → WALK: lamps on/off and the goal of each row.
        const [on, off] = theme.ascii ? ['#', '.'] : ['●', '○'];
        expect(rows[1]).toContain(`${on} ${off} ${on}  STOP`);
        expect(rows[2]).toContain(`${off} ${on} ${on}  WALK`);
        expect(frame.match(/WALK/g)).toHaveLength(3);
        expect(frame.match(/STOP/g)).toHaveLength(3);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('marks the active row and shows its prediction as a number', () => {
    const s = sessionAfter('whole-dataset', 'ss');
    const rows = lines(frameAt(lights(s, COLOR, 40), 80));
    expect(rows[1]!.startsWith('▸ 0')).toBe(true);
    expect(rows[2]!.startsWith('  1')).toBe(true);
    // Row 0 is predicted with [0.5, 0.48, -0.7]: 0.5 - 0.7 = -0.2.
    expect(rows[1]).toContain('-0.200');
    // Rows not predicted yet show a placeholder instead of a number.
    expect(rows[2]).toMatch(/WALK\s+·/);
  });

  it('moves the marker with the row being trained (ASCII marker without colour)', () => {
    const s = sessionAfter('whole-dataset', 'nns');
    const rows = lines(frameAt(lights(s, PLAIN, 40), 80));
    expect(rows[3]!.startsWith('> 2')).toBe(true);
    expect(rows.filter((l) => l.startsWith('>'))).toHaveLength(1);
  });

  it('draws the prediction as a bar when there is room, and leaves it out when not', () => {
    const s = sessionAfter('whole-dataset', 'i');
    const wide = lines(frameAt(lights(s, COLOR, 40), 80));
    expect(wide[4]).toMatch(/█/);
    const narrow = lines(frameAt(lights(s, COLOR, 26), 80));
    expect(narrow.join('\n')).not.toMatch(/█/);
    for (const line of narrow) expect(widthOf(line)).toBeLessThanOrEqual(26);
  });

  it('says "held out" on rows kept out of training', () => {
    const s = sessionAfter('overfit', 'i');
    const rows = lines(frameAt(lights(s, PLAIN, 46), 80));
    expect(rows[1]).not.toContain('held out');
    for (const k of [2, 3, 4, 5, 6]) expect(rows[k]).toContain('held out');
    // Held-out rows are predicted after each iteration.
    expect(rows[2]).toMatch(/-?\d\.\d{3}/);
  });

  it('draws a lamp on a dimmer by its brightness: 0.9 and 0.1 differ (Matrix A)', () => {
    const inputs = [[1, 0.9, 0.5, 0.1, 0]];
    const frame = frameAt(
      <StreetLights inputs={inputs} labels={[1]} predictions={[undefined]} activeRow={undefined} heldOutRows={[]} theme={COLOR} width={40} height={2} />,
      80,
    );
    expect(frame).toContain('● ◕ ◑ ◔ ○');
    const ascii = frameAt(
      <StreetLights inputs={inputs} labels={[1]} predictions={[0.3]} activeRow={0} heldOutRows={[]} theme={PLAIN} width={40} height={2} />,
      80,
    );
    expect(ascii).toContain('# * + : .');
  });

  it('shows a window around the active row when the rows do not fit', () => {
    const s = sessionAfter('whole-dataset', 'nnnnns');
    const rows = lines(frameAt(lights(s, COLOR, 40, 4), 80));
    expect(rows).toHaveLength(4);
    expect(rows.some((l) => l.startsWith('▸ 5'))).toBe(true);
  });
});
