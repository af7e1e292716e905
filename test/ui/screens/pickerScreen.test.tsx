import { describe, expect, it } from 'vitest';
import { BUILT_INS } from '../../../src/scenarios/builtins.js';
import { appReducer, initialApp, type AppState } from '../../../src/session/app.js';
import { pickerLayout } from '../../../src/ui/layout/pickerLayout.js';
import { PickerScreen, pickerLayoutFor } from '../../../src/ui/screens/pickerScreen.js';
import type { Theme } from '../../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, widthOf } from '../helpers.js';

const PROBLEM = 'scenarios/broken.json: data.labels: expected one label per row (4), got 3';
const APP = initialApp(BUILT_INS, { problems: [PROBLEM] });

/** The app after picker keys, with the list's room as the root component reports it for this size. */
function pickerAfter(keys: string, size = { columns: 80, rows: 24 }, app: AppState = APP): AppState {
  let s = appReducer(app, { type: 'picker-room', rows: pickerLayoutFor(app, size).listRows });
  for (const name of keys.split(' ').filter(Boolean)) s = appReducer(s, { type: 'key', name });
  return s;
}

function picker(app: AppState, theme: Theme, columns: number, rows = 24) {
  return <PickerScreen app={app} theme={theme} size={{ columns, rows }} />;
}

describe('PickerScreen', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`lists every scenario with its summary, the description and a hint at ${width} columns (${name})`, () => {
        const app = pickerAfter('end', { columns: width, rows: 24 });
        const frame = frameAt(picker(app, theme, width), width);
        const rows = lines(frame);
        expect(rows.length).toBeLessThanOrEqual(23);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
        for (const s of BUILT_INS) expect(frame).toContain(s.id);
        // The highlighted (last) scenario's description.
        const last = BUILT_INS[BUILT_INS.length - 1]!;
        expect(frame).toContain(theme.text(last.title));
        expect(frame).toContain('scenarios/broken.json');
        expect(rows[rows.length - 1]).toContain(theme.ascii ? 'up/down choose' : '↑↓ choose');
        expect(frame).toContain('Enter open');
        expect(frame).toContain('q quit');
        expect(rows[rows.length - 1]!.trimEnd().endsWith('? help')).toBe(true);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('puts the description beside the list on a wide screen and below it on a narrow one', () => {
    const wide = lines(frameAt(picker(APP, COLOR, 120), 120));
    expect(wide.find((l) => l.includes('single-light'))).toContain('One street light');
    const narrow = lines(frameAt(picker(APP, COLOR, 80), 80));
    expect(narrow.find((l) => l.includes('single-light'))).not.toContain('One street light');
    expect(narrow.findIndex((l) => l.startsWith('One street light'))).toBeGreaterThan(narrow.findIndex((l) => l.includes('deep-net')));
  });

  it('fits a short terminal by scrolling the list, the highlight always in view', () => {
    const size = { columns: 60, rows: 12 };
    for (let downs = 0; downs < 20; downs++) {
      const app = pickerAfter(Array(downs).fill('down').join(' '), size);
      const frame = frameAt(picker(app, PLAIN, size.columns, size.rows), size.columns);
      expect(lines(frame).length).toBeLessThanOrEqual(11);
      const highlighted = BUILT_INS[Math.min(downs, BUILT_INS.length - 1)]!.id;
      expect(frame).toMatch(new RegExp(`> ${highlighted}\\b`));
    }
  });

  it('says which part of a scrolled list is in view', () => {
    const size = { columns: 80, rows: 14 };
    const app = pickerAfter('end', size);
    const frame = frameAt(picker(app, COLOR, size.columns, size.rows), size.columns);
    const { listRows } = pickerLayoutFor(app, size);
    expect(listRows).toBeLessThan(BUILT_INS.length);
    expect(lines(frame)[0]).toContain(`${BUILT_INS.length - listRows + 1}-${BUILT_INS.length} of ${BUILT_INS.length}`);
  });

  it('shows the highlight the reducer holds (back from a scenario with Esc)', () => {
    const app = appReducer(appReducer(APP, { type: 'open', scenario: BUILT_INS[8]! }), { type: 'to-picker' });
    expect(frameAt(picker(app, COLOR, 100), 100)).toMatch(new RegExp(`▸ ${BUILT_INS[8]!.id}`));
  });

  it('a newline in a summary does not split its row', () => {
    const odd = { ...BUILT_INS[0]!, id: 'odd', summary: 'first line\nsecond line' };
    const frame = frameAt(picker(initialApp([odd, ...BUILT_INS]), COLOR, 100), 100);
    expect(lines(frame).find((l) => l.includes('odd'))).toMatch(/first line\s+second line/);
  });
});

describe('pickerLayout', () => {
  const list = { count: 12, labelWidth: 70, problems: 0 };
  it('keeps the frame within rows - 1 at every height, and the list at least one row', () => {
    for (const columns of [40, 80, 120]) {
      for (let rows = 6; rows <= 40; rows++) {
        const l = pickerLayout({ columns, rows }, list);
        const used = 2 + (l.beside ? Math.max(l.listRows, l.detailLines) : l.listRows + (l.detailLines > 0 ? l.detailLines + 1 : 0));
        expect(used, `${columns}x${rows}`).toBeLessThanOrEqual(rows - 1);
        expect(l.listRows).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('does not depend on which scenario is highlighted', () => {
    expect(pickerLayout({ columns: 80, rows: 16 }, list)).toEqual(pickerLayout({ columns: 80, rows: 16 }, list));
  });
});
