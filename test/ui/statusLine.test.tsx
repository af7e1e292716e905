import { describe, expect, it } from 'vitest';
import { sessionReducer } from '../../src/session/state.js';
import { StatusLine } from '../../src/ui/panels/statusLine.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, sessionAfter, widthOf } from './helpers.js';

describe('StatusLine', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`names scenario, iteration, row, phase, alpha, mode and activation at ${width} columns (${name})`, () => {
        const frame = frameAt(<StatusLine session={sessionAfter('deep-net', 'iiiiiiiiiiinnss')} theme={theme} width={width} />, width);
        expect(widthOf(frame)).toBeLessThanOrEqual(width);
        expect(frame).toMatch(/^deep-net {2}iter 12\/60 {2}row 3\/4 {2}phase compare {2}(α|alpha) 0\.2 {2}sgd {2}relu/);
        expect(frame).toContain(theme.ascii ? '|| paused' : '‖ paused');
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('shows the play speed while playing', () => {
    let s = sessionAfter('deep-net', 'p');
    s = sessionReducer(s, { type: 'speed', by: 1 });
    expect(frameAt(<StatusLine session={s} theme={COLOR} width={80} />, 80)).toContain('▶ 8 rows/s');
  });

  it('shows batch size, and says finished at the end', () => {
    expect(frameAt(<StatusLine session={sessionAfter('batch-gd')} theme={COLOR} width={80} />, 80)).toContain('batch 2');
    const end = frameAt(<StatusLine session={sessionAfter('deep-net', 'e')} theme={COLOR} width={80} />, 80);
    expect(end).toContain('iter 60/60');
    expect(end).toContain('finished');
  });

  it('drops the least needed items on a narrow line, never the iteration', () => {
    const frame = frameAt(<StatusLine session={sessionAfter('conflicting-pressure', 'ns')} theme={PLAIN} width={50} />, 60);
    expect(widthOf(frame)).toBeLessThanOrEqual(50);
    expect(frame).toContain('iter 1/40');
    expect(frame).toContain('row 2/6');
  });

  it('before any step: no row and no phase yet', () => {
    expect(frameAt(<StatusLine session={sessionAfter('deep-net')} theme={COLOR} width={80} />, 80)).toMatch(/iter 0\/60 {2}row ·\/4 {2}phase ·/);
  });
});
