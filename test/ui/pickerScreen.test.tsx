import { describe, expect, it, vi } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import { initialApp, type AppState } from '../../src/session/app.js';
import { PickerScreen } from '../../src/ui/pickerScreen.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, renderAt, widthOf } from './helpers.js';

const DOWN = '\u001b[B';
const UP = '\u001b[A';
const ENTER = '\r';
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

function picker(app: AppState, theme: Theme, columns: number, rows = 24, onOpen = (_: Scenario) => {}, onHighlight = (_: number) => {}) {
  return <PickerScreen app={app} theme={theme} size={{ columns, rows }} onOpen={onOpen} onHighlight={onHighlight} />;
}

const APP = initialApp(BUILT_INS, {}, undefined, ['scenarios/broken.json: data.labels: expected one label per row (4), got 3']);

describe('PickerScreen', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`lists every scenario with its summary, the description and a hint at ${width} columns (${name})`, () => {
        const frame = frameAt(picker({ ...APP, highlighted: 8 }, theme, width), width);
        const rows = lines(frame);
        expect(rows.length).toBeLessThanOrEqual(23);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
        for (const s of BUILT_INS) expect(frame).toContain(s.id);
        expect(frame).toContain('Learn a single example');
        // The highlighted scenario's description.
        expect(frame).toContain('Deep net with relu');
        expect(frame).toContain("The chapter's finale.");
        expect(frame).toContain('scenarios/broken.json');
        expect(rows[rows.length - 1]).toContain(theme.ascii ? 'up/down choose' : '↑↓ choose');
        expect(frame).toContain('Enter open');
        expect(frame).toContain('q quit');
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

  it('fits a short terminal by scrolling the list', () => {
    const rows = lines(frameAt(picker(APP, PLAIN, 60, 12), 60));
    expect(rows.length).toBeLessThanOrEqual(11);
  });

  it('arrow keys move the highlight and Enter opens the highlighted scenario', async () => {
    const onOpen = vi.fn();
    const onHighlight = vi.fn();
    const instance = renderAt(picker(APP, COLOR, 100, 24, onOpen, onHighlight), 100);
    await tick();
    instance.stdin.write(DOWN);
    await tick();
    instance.stdin.write(DOWN);
    await tick();
    instance.stdin.write(UP);
    await tick();
    expect(onHighlight.mock.calls.map((c) => c[0])).toEqual([1, 2, 1]);
    instance.stdin.write(ENTER);
    await tick();
    expect(onOpen).toHaveBeenCalledWith(BUILT_INS[1]);
    instance.unmount();
  });

  it('starts on the scenario highlighted before (back from a scenario with Esc)', async () => {
    const onOpen = vi.fn();
    const instance = renderAt(picker({ ...APP, highlighted: 8 }, COLOR, 100, 24, onOpen), 100);
    expect(instance.lastFrame()).toMatch(/▸ deep-net/);
    await tick();
    instance.stdin.write(ENTER);
    await tick();
    expect(onOpen).toHaveBeenCalledWith(BUILT_INS[8]);
    instance.unmount();
  });
});
