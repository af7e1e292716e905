import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../src/session/state.js';
import type { Size } from '../../../src/terminal/size.js';
import { TrainingScreen } from '../../../src/ui/screens/trainingScreen.js';
import type { Theme } from '../../../src/ui/theme.js';
import { BUILT_IN_IDS, COLOR, PLAIN, THEMES, appWith, frameAt, isPrintableAscii, lines, sessionAfter, stringAt, widthOf } from '../helpers.js';

const screen = (session: SessionState, theme: Theme, size: Size, help = false) => (
  <TrainingScreen app={appWith(session, { help })} session={session} theme={theme} size={size} />
);

/** States worth drawing: start, each phase of a row, whole rows and iterations, the end, back, help. */
const STATES = ['', 's', 'ss', 'sss', 'ssss', 'n', 'nnns', 'i', 'iiil', 'e', 'eb', 'g', 'a'];
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];

describe('TrainingScreen fits the terminal', () => {
  for (const size of SIZES) {
    for (const id of BUILT_IN_IDS) {
      it(`${id} at ${size.columns}x${size.rows}: at most rows - 1 lines, no line wider than the terminal`, () => {
        for (const keys of STATES) {
          for (const [, theme] of THEMES) {
            const frame = stringAt(screen(sessionAfter(id, keys), theme, size), size.columns);
            const rows = lines(frame);
            expect(rows.length, `${id} after '${keys}'`).toBeLessThanOrEqual(size.rows - 1);
            for (const line of rows) expect(widthOf(line), `${id} after '${keys}': ${line}`).toBeLessThanOrEqual(size.columns);
            if (theme.ascii) expect(isPrintableAscii(frame), `${id} after '${keys}'`).toBe(true);
          }
        }
      });
    }
  }
});

describe('TrainingScreen content', () => {
  it('80x24, deep-net mid-training: status, lights, network grids, chart, pressure, caption and keys at once', () => {
    const frame = frameAt(screen(sessionAfter('deep-net', 'iiiiiiiiiiiisss'), COLOR, { columns: 80, rows: 24 }), 80);
    const rows = lines(frame);
    expect(rows[0]).toMatch(/^deep-net {2}iter 13\/60 {2}row 0 \(of 4\) {2}(phase )?backpropagate/);
    for (const part of ['Street lights', 'Network', 'weights_0_1', 'weights_1_2', 'layer_2_delta', 'layer_1_delta', '─ Error ', 'Pushes on weights_1_2', 'Backpropagate:', '? help']) {
      expect(frame).toContain(part);
    }
    expect(frame).toMatch(/WALK/);
    expect(frame).toMatch(/▸ 0/);
    expect(frame).toMatch(/off/);
  });

  it('3-layer backprop phase at 120x40 has the roomier detail', () => {
    const frame = frameAt(screen(sessionAfter('deep-net', 'iisss'), COLOR, { columns: 120, rows: 40 }), 120);
    expect(frame).toContain('before relu');
    expect(frame).toContain('change');
    expect(frame).toMatch(/^Lesson:/m);
  });

  it('after e: 60/60 and the outcome', () => {
    const frame = frameAt(screen(sessionAfter('no-correlation', 'e'), PLAIN, { columns: 80, rows: 24 }), 80);
    expect(frame).toContain('iter 60/60');
    expect(frame).toContain('plateau');
  });

  it('the help overlay replaces the panels', () => {
    const frame = frameAt(screen(sessionAfter('deep-net'), COLOR, { columns: 80, rows: 24 }, true), 80);
    expect(frame).toContain('Keys');
    expect(frame).toContain('back to the scenario list');
    expect(frame).not.toContain('Street lights');
  });

  it('works at the minimum size', () => {
    for (const id of BUILT_IN_IDS) {
      const frame = frameAt(screen(sessionAfter(id, 'ss'), COLOR, { columns: 60, rows: 20 }), 60);
      expect(lines(frame).length).toBeLessThanOrEqual(19);
      for (const line of lines(frame)) expect(widthOf(line)).toBeLessThanOrEqual(60);
      expect(frame).toContain('Street lights');
    }
  });

  it('below the minimum, says which size it needs', () => {
    const frame = frameAt(screen(sessionAfter('deep-net'), COLOR, { columns: 50, rows: 15 }), 50);
    expect(frame.replace(/\n/g, ' ')).toBe('terminal too small: needs at least 60x20 (now 50x15)');
  });

  it('on a tiny terminal the message stays under its height and within its width', () => {
    for (const size of [
      { columns: 30, rows: 3 },
      { columns: 12, rows: 2 },
      { columns: 59, rows: 1 },
    ]) {
      const frame = frameAt(screen(sessionAfter('deep-net'), COLOR, size), size.columns);
      expect(lines(frame).length).toBeLessThanOrEqual(Math.max(1, size.rows - 1));
      for (const line of lines(frame)) expect(widthOf(line)).toBeLessThanOrEqual(size.columns);
      expect(frame).toContain('60x20');
    }
  });
});
