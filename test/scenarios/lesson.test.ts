/** The lesson line: one text, or a text per mode (2-layer) or activation (3-layer), from the scenario file. */
import { describe, expect, it } from 'vitest';
import type { Activation, Mode } from '../../src/engine/types.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { lessonText } from '../../src/scenarios/lesson.js';
import type { Scenario } from '../../src/scenarios/schema.js';

const MODES: Mode[] = ['sgd', 'batch', 'full'];
const ACTIVATIONS: Activation[] = ['relu', 'linear'];

function texts(s: Scenario): string[] {
  const l = s.lesson;
  return l === undefined ? [] : typeof l === 'string' ? [l] : Object.values(l).filter((t): t is string => t !== undefined);
}

describe('built-in lessons', () => {
  it.each(BUILT_INS.map((s) => s.id))('%s has a lesson for every mode and activation, each under 80 characters with "Lesson: "', (id) => {
    const s = findBuiltIn(id)!;
    for (const mode of MODES) for (const activation of ACTIVATIONS) expect(lessonText(s, { mode, activation })).toBeTruthy();
    for (const t of texts(s)) expect(`Lesson: ${t}`.length, t).toBeLessThan(80);
  });

  it('the gradient-descent scenarios follow the mode the g key picks', () => {
    for (const id of ['whole-dataset', 'full-gd', 'batch-gd']) {
      const s = findBuiltIn(id)!;
      expect(lessonText(s, { mode: 'sgd', activation: 'relu' })).toMatch(/every row tugs/);
      expect(lessonText(s, { mode: 'full', activation: 'relu' })).toMatch(/^full GD/);
      expect(lessonText(s, { mode: 'batch', activation: 'relu' })).toMatch(/^batch GD/);
    }
  });

  it('the 3-layer scenarios follow the activation the a key picks', () => {
    for (const id of ['linear-deep', 'deep-net']) {
      const s = findBuiltIn(id)!;
      expect(lessonText(s, { mode: 'sgd', activation: 'relu' })).toMatch(/^relu turns hidden nodes off/);
      expect(lessonText(s, { mode: 'full', activation: 'linear' })).toMatch(/^without relu/);
    }
  });

  it('conflicting-pressure says what the numbers do: w2 moves most first, then fades as w1 takes over (no "waits")', () => {
    const s = findBuiltIn('conflicting-pressure')!;
    expect(lessonText(s, { mode: 'sgd', activation: 'relu' })).toBe('w2 moves most in iteration 1, and fades to 0 only as w1 takes over.');
    expect(`${s.summary} ${s.description}`).not.toMatch(/wait/);
  });

  it('single-light’s prediction rises from -0.2 to 0 (it does not fall)', () => {
    expect(findBuiltIn('single-light')!.summary).toMatch(/rises from -0\.2 to 0/);
  });
});

describe('lessonText', () => {
  const two = { network: { layers: 2 } } as const;
  const three = { network: { layers: 3, hidden: 4, activation: 'relu', seed: 1 } } as const;
  it('a plain text is the lesson whatever the mode', () => {
    expect(lessonText({ ...two, lesson: 'one' }, { mode: 'full', activation: 'relu' })).toBe('one');
  });
  it('a variant for the mode (2-layer) or the activation (3-layer) wins over the default', () => {
    const lesson = { default: 'd', full: 'f', linear: 'l' };
    expect(lessonText({ ...two, lesson }, { mode: 'full', activation: 'linear' })).toBe('f');
    expect(lessonText({ ...two, lesson }, { mode: 'sgd', activation: 'linear' })).toBe('d');
    expect(lessonText({ ...three, lesson }, { mode: 'full', activation: 'linear' })).toBe('l');
    expect(lessonText({ ...three, lesson }, { mode: 'full', activation: 'relu' })).toBe('d');
  });
  it('no lesson: undefined (the screen falls back to its focus hint)', () => {
    expect(lessonText({ ...two }, { mode: 'sgd', activation: 'relu' })).toBeUndefined();
    expect(lessonText({ ...two, lesson: { full: 'f' } }, { mode: 'sgd', activation: 'relu' })).toBeUndefined();
  });
});
