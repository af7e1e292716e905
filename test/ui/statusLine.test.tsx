import { describe, expect, it } from 'vitest';
import { sessionReducer } from '../../src/session/state.js';
import { StatusLine } from '../../src/ui/panels/statusLine.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, sessionAfter, widthOf } from './helpers.js';

const line = (keys: string, width: number, id = 'deep-net', theme = COLOR) => frameAt(<StatusLine session={sessionAfter(id, keys)} theme={theme} width={width} />, width);

describe('StatusLine', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`names scenario, iteration, row, phase, alpha, mode and activation at ${width} columns (${name})`, () => {
        const frame = line('iiiiiiiiiiinnss', width, 'deep-net', theme);
        expect(widthOf(frame)).toBeLessThanOrEqual(width);
        // Rows are named by their index in the dataset, from 0, as the street lights and the network do.
        expect(frame).toMatch(/^deep-net {2}iter 12\/60 +row 2( \(of 4\))? {2}(phase )?compare +(α|alpha) 0\.2 {2}sgd {2}relu/);
        expect(frame).toContain(theme.ascii ? '|| paused' : '‖ paused');
        if (width >= 120) expect(frame).toContain('phase compare');
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('every field keeps its column from one phase to the next, and the speed is always there', () => {
    for (const width of [80, 100, 120]) {
      for (const id of ['deep-net', 'whole-dataset', 'batch-gd']) {
        const frames = ['', 's', 'ss', 'sss', 'ssss', 'sssss', 'ssssss', 'sssssss', 'ssssssss', 'iiiiiiiiii', 'iiiiiiiiiis'].map((k) => line(k, width, id));
        for (const word of ['iter ', ' row ', 'α ', 'sgd', 'batch', 'relu', 'paused', 'rows/s']) {
          const columns = new Set(frames.map((f) => f.indexOf(word)));
          expect(columns.size, `${id} at ${width}: '${word}' moved: ${[...columns]}`).toBe(1);
        }
        if (width >= 100) for (const f of frames) expect(f).toContain('4 rows/s');
      }
    }
  });

  it('shows that it plays, and the speed where there is room', () => {
    let s = sessionAfter('deep-net', 'p');
    s = sessionReducer(s, { type: 'speed', by: 1 });
    expect(frameAt(<StatusLine session={s} theme={COLOR} width={80} />, 80)).toContain('▶ playing');
    expect(frameAt(<StatusLine session={s} theme={COLOR} width={120} />, 120)).toContain('8 rows/s');
    expect(frameAt(<StatusLine session={sessionReducer(sessionAfter('deep-net'), { type: 'speed', by: -1 })} theme={COLOR} width={120} />, 120)).toContain('2 rows/s');
    let slowest = sessionAfter('deep-net');
    for (let i = 0; i < 5; i++) slowest = sessionReducer(slowest, { type: 'speed', by: -1 });
    expect(frameAt(<StatusLine session={slowest} theme={COLOR} width={120} />, 120)).toContain('1 row/s');
  });

  it('shows batch size, and says finished at the end', () => {
    expect(line('', 80, 'batch-gd')).toContain('batch 2');
    const end = line('e', 80);
    expect(end).toContain('iter 60/60');
    expect(end).toContain('finished');
  });

  it('narrows in a fixed order on a narrow line, never dropping the iteration or the row', () => {
    const frame = frameAt(<StatusLine session={sessionAfter('conflicting-pressure', 'ns')} theme={PLAIN} width={50} />, 60);
    expect(widthOf(frame)).toBeLessThanOrEqual(50);
    expect(frame).toContain('iter 1/40');
    expect(frame).toContain('row 1');
  });

  it('before any step: no row and no phase yet', () => {
    expect(line('', 120)).toMatch(/iter 0\/60 +row · \(of 4\) {2}phase · /);
  });
});
