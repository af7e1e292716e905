import { describe, expect, it } from 'vitest';
import { captionFor, lessonFor, outcome } from '../../src/ui/captions.js';
import { wrap } from '../../src/ui/format/text.js';
import { Caption, captionLines } from '../../src/ui/panels/caption.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { openSession, sessionReducer } from '../../src/session/state.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

describe('captionFor', () => {
  it('on opening: the scenario and its lesson', () => {
    const [first, lesson] = captionFor(sessionAfter('single-light'));
    expect(first).toContain('One street light');
    expect(lesson).toMatch(/^Lesson:/);
  });

  it('after predict on a 3-layer net: the row, its output and the nodes relu switched off', () => {
    const [first] = captionFor(sessionAfter('deep-net', 's'));
    expect(first).toMatch(/^Predict: row 0 flows to 0\.392; relu switches h0, h2 and h3 off \(value 0\)\.$/);
  });

  it('walks through the phases of a 3-layer row', () => {
    expect(captionFor(sessionAfter('deep-net', 'ss'))[0]).toMatch(/^Compare: .*error 0\.37, layer_2_delta -0\.608 \(too low\)/);
    expect(captionFor(sessionAfter('deep-net', 'sss'))[0]).toMatch(/^Backpropagate: layer_1_delta = layer_2_delta × weights_1_2, and 0 at off nodes/);
    expect(captionFor(sessionAfter('deep-net', 'ssss'))[0]).toMatch(/^Update: /);
  });

  it('on a 2-layer net, says which weights cannot move (their lamp is off)', () => {
    const [first] = captionFor(sessionAfter('whole-dataset', 'sss'));
    expect(first).toContain('w1 stays put (its lamp is off)');
  });

  it('in batch mode, says the deltas wait for the batch', () => {
    expect(captionFor(sessionAfter('batch-gd', 'sss'))[0]).toContain('join the batch (1 of 2)');
    expect(captionFor(sessionAfter('batch-gd', 'n'))[0]).toContain('wait for the batch');
    expect(captionFor(sessionAfter('batch-gd', 'nn'))[0]).toContain('the weights moved');
  });

  it('after an iteration: its error and which way it went', () => {
    expect(captionFor(sessionAfter('whole-dataset', 'ii'))[0]).toMatch(/^Iteration 2: error 0\.963 over 6 rows, down from 2\.66\.$/);
  });

  it('after the end of a no-correlation run: the plateau', () => {
    const s = sessionAfter('no-correlation', 'e');
    expect(captionFor(s)[0]).toMatch(/^Finished 60 iterations\. A plateau at 1\.24; no single layer gets below 1\.$/);
    expect(captionFor(s)[1]).toContain('no single lamp');
    expect(outcome(sessionAfter('linear-deep', 'e').trainer)).toContain('plateau');
  });

  it('a rising error, Infinity or NaN is divergence, never a plateau', () => {
    const s = sessionReducer(openSession(findBuiltIn('whole-dataset')!, { alpha: 1.2 }), { type: 'step', step: 'end' });
    expect(captionFor(s)[0]).toMatch(/diverged/);
    expect(captionFor(s)[0]).not.toMatch(/plateau|levelled/);
    const fewer = sessionReducer(openSession(findBuiltIn('whole-dataset')!, { alpha: 1.2, iterations: 4 }), { type: 'step', step: 'end' });
    expect(captionFor(fewer)[0]).toMatch(/diverg/);
    const inf = sessionReducer(openSession(findBuiltIn('whole-dataset')!, { alpha: 100, iterations: 300 }), { type: 'step', step: 'end' });
    expect(captionFor(inf)[0]).toMatch(/diverged/);
  });

  it('after the end of a learning run, and of an overfitting one', () => {
    expect(captionFor(sessionAfter('deep-net', 'e'))[0]).toMatch(/^Finished 60 iterations\. Learned: the error is down to 1\.51e-5\.$/);
    expect(captionFor(sessionAfter('overfit', 'e'))[0]).toMatch(/held-out 2\.6: memorised/);
    // A step past the end says so.
    expect(captionFor(sessionAfter('deep-net', 'es'))[0]).toMatch(/^Finished 60 iterations/);
  });

  it('follows the mode and activation chosen with keys', () => {
    expect(captionFor(sessionAfter('whole-dataset', 'g'))[0]).toMatch(/^Mode batch: one averaged update per 2 rows/);
    expect(lessonFor(sessionAfter('whole-dataset', 'gg'))).toContain('full GD');
    expect(captionFor(sessionAfter('deep-net', 'a'))[0]).toMatch(/^No activation/);
    expect(lessonFor(sessionAfter('deep-net', 'a'))).toContain('multiply out to one weight per lamp');
    expect(captionFor(sessionAfter('deep-net', 'g'))[0]).toMatch(/^g switches gradient descent on 2-layer nets/);
    expect(captionFor(sessionAfter('single-light', 'a'))[0]).toMatch(/^a switches relu on 3-layer nets/);
  });

  it('back, reset and markers', () => {
    expect(captionFor(sessionAfter('deep-net', 'ssb'))[0]).toBe('Back one step, restored exactly: now after predict on row 0.');
    expect(captionFor(sessionAfter('deep-net', 'b'))[0]).toMatch(/^Nothing to go back to/);
    expect(captionFor(sessionAfter('deep-net', 'sr'))[0]).toMatch(/^Reset/);
    // Without a recording, m says so, and how to record; with one, it counts the marker.
    expect(captionFor(sessionAfter('deep-net', 'm'))[0]).toBe('Nothing is being recorded: start with --record FILE.cast to keep markers.');
    const recording = sessionReducer({ ...sessionAfter('deep-net'), recording: true }, { type: 'marker' });
    expect(captionFor(recording)[0]).toBe('Marker 1 added to the recording.');
  });

  it('keeps every lesson and most step captions within 80 columns', () => {
    for (const id of ['single-light', 'whole-dataset', 'full-gd', 'batch-gd', 'overfit', 'conflicting-pressure', 'no-correlation', 'linear-deep', 'deep-net']) {
      const s = sessionAfter(id);
      expect(lessonFor(s).length).toBeLessThanOrEqual(80);
      for (const keys of ['s', 'ss', 'sss', 'ssss', 'n', 'i', 'e']) expect(captionFor(sessionAfter(id, keys))[0]!.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('Caption panel', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`draws the caption and the lesson at ${width} columns (${name})`, () => {
        const s = sessionAfter('deep-net', 'ssss');
        const frame = frameAt(<Caption lines={captionFor(s)} theme={theme} width={width} height={2} />, width);
        const rows = lines(frame);
        expect(rows).toHaveLength(2);
        expect(rows[0]).toMatch(/^Update:/);
        expect(rows[1]).toMatch(/^Lesson:/);
        for (const line of rows) expect(widthOf(line)).toBeLessThanOrEqual(width);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('wraps a long first line and leaves out a lesson that no longer fits', () => {
    const shown = captionLines(['a '.repeat(50).trim(), 'Lesson: short'], 60, 2, '…');
    expect(shown).toHaveLength(2);
    expect(shown.every((l) => !l.lesson)).toBe(true);
    const one = captionLines(['a '.repeat(50).trim(), 'Lesson: short'], 60, 1, '…');
    expect(one).toHaveLength(1);
    expect(one[0]!.text.endsWith('…')).toBe(true);
    expect(one[0]!.text.length).toBeLessThanOrEqual(60);
  });

  it('one line: only what just happened', () => {
    const frame = frameAt(<Caption lines={captionFor(sessionAfter('deep-net', 's'))} theme={COLOR} width={80} height={1} />, 80);
    expect(lines(frame)).toHaveLength(1);
    expect(frame).toMatch(/^Predict/);
  });

  it('ASCII: α and × are spelled out', () => {
    const frame = frameAt(<Caption lines={captionFor(sessionAfter('whole-dataset', 'sss'))} theme={PLAIN} width={120} height={2} />, 120);
    expect(frame).toContain('weight -= alpha x input x delta');
  });

  it('wrap keeps words whole', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
