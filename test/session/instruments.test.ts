/**
 * The instruments through the app reducer and the real keymap (keys by name, as a person types them):
 * entering each mode, acting in it, leaving it, and the back key through what it did; every number
 * checked against the engine's own state.
 */
import { describe, expect, it } from 'vitest';
import { lastUpdate, nextUpdate, sameWeights } from '../../src/engine/inspect.js';
import { continueWith, initialState, stepIteration, stepRow } from '../../src/engine/trainer.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { appReducer, type AppState } from '../../src/session/app.js';
import { inspection } from '../../src/session/inspect.js';
import { instrumentCaption } from '../../src/session/instruments.js';
import { contextsOf } from '../../src/session/keymap/index.js';
import { changesInEffect, changeMarks } from '../../src/session/live.js';
import { appAfter } from '../ui/helpers.js';

const press = (app: AppState, keys: string) => keys.split(' ').filter(Boolean).reduce((a, name) => appReducer(a, { type: 'key', name }), app);

describe('the weight inspector (i)', () => {
  it('opens on w0 and shows the engine’s last update; arrows move, the training keys still train, Esc closes', () => {
    let app = appAfter('s s s i', 'single-light');
    expect(contextsOf(app)).toEqual(['inspect', 'training']);
    expect(app.inspect?.cursor).toEqual({ layer: 'weights', index: 0 });
    const i = inspection(app.session!.trainer, app.live, app.inspect!);
    expect(i.last).toEqual(lastUpdate(app.session!.trainer));
    expect(i.next).toEqual(nextUpdate(app.session!.trainer));
    expect(i.value).toBe(0.52);
    app = press(app, 'right right right');
    expect(app.inspect?.cursor).toEqual({ layer: 'weights', index: 2 });
    // Right moved the cursor, not an iteration; space still trains.
    expect(app.session!.trainer.iteration).toBe(1);
    app = press(app, 'space');
    expect(app.session!.trainer.iteration).toBe(2);
    app = press(app, 'b');
    expect(app.session!.trainer.iteration).toBe(1);
    expect(app.inspect).toBeDefined();
    app = press(app, 'esc');
    expect(app.inspect).toBeUndefined();
    expect(contextsOf(app)).toEqual(['training']);
  });

  it('walks a 3-layer grid: lamps of weights_0_1, then weights_1_2, a column per hidden node', () => {
    let app = appAfter('i', 'deep-net');
    expect(app.inspect?.cursor).toEqual({ layer: 'weights_0_1', row: 0, col: 0 });
    app = press(app, 'down down right');
    expect(app.inspect?.cursor).toEqual({ layer: 'weights_0_1', row: 2, col: 1 });
    app = press(app, 'down down right right right right');
    expect(app.inspect?.cursor).toEqual({ layer: 'weights_1_2', row: 3 });
    app = press(app, 'up left');
    expect(app.inspect?.cursor).toEqual({ layer: 'weights_0_1', row: 2, col: 2 });
    expect(press(app, 'i').inspect).toBeUndefined();
  });

  it('the path is the weight at the start and after each iteration, as stepping leaves it', () => {
    const app = appAfter('space space space i right', 'whole-dataset');
    const path = inspection(app.session!.trainer, app.live, app.inspect!).path;
    let t = initialState(buildSetup(findBuiltIn('whole-dataset')!));
    const expected: number[] = [t.weights.layers === 2 ? t.weights.weights[1]! : NaN];
    for (let k = 0; k < 3; k++) {
      t = stepIteration(t);
      expected.push(t.weights.layers === 2 ? t.weights.weights[1]! : NaN);
    }
    expect(Array.from({ length: path.length }, (_, k) => path.at(k))).toEqual(expected);
  });
});

describe('editing the lights (d)', () => {
  const whole = buildSetup(findBuiltIn('whole-dataset')!);

  it('d right space enter turns on row 0’s middle lamp and trains on from the same weights', () => {
    const app = appAfter('d right space enter', 'whole-dataset');
    const t = app.session!.trainer;
    expect(app.edit).toBeUndefined();
    expect(t.setup.inputs[0]).toEqual([1, 1, 1]);
    expect(t.setup.inputs.slice(1)).toEqual(whole.inputs.slice(1));
    expect(sameWeights(t.weights, whole.initialWeights)).toBe(true);
    expect(app.notice).toMatch(/^Applied \(1 lamp changed\) from iteration 1 on/);
    // Training goes on with the new lights: as continueWith from the same state.
    const stepped = press(app, 'n').session!.trainer;
    expect(stepped.trace!.input).toEqual([1, 1, 1]);
    expect(sameWeights(stepped.weights, stepRow(continueWith(initialState(whole), t.setup)).weights)).toBe(true);
  });

  it('d w enter makes row 0 WALK; b undoes the edit', () => {
    const app = appAfter('d w enter', 'whole-dataset');
    expect(app.session!.trainer.setup.labels[0]).toBe(1);
    expect(changesInEffect(app.live, app.session!.trainer)).toHaveLength(1);
    const back = press(app, 'b');
    expect(back.session!.trainer.setup.labels[0]).toBe(0);
    expect(back.session!.trainer.setup).toBe(buildSetupOf(back));
    expect(changesInEffect(back.live, back.session!.trainer)).toHaveLength(0);
  });

  it('is modal: space, w, x and the arrows edit; Esc with changes asks once more', () => {
    let app = appAfter('n d', 'whole-dataset');
    expect(contextsOf(app)).toEqual(['edit']);
    app = press(app, 'down space');
    expect(app.session!.trainer.iteration).toBe(0);
    expect(app.edit!.rows[1]!.input).toEqual([1, 1, 1]);
    app = press(app, 'esc');
    expect(app.edit?.discarding).toBe(true);
    app = press(app, 'esc');
    expect(app.edit).toBeUndefined();
    expect(app.session!.trainer.setup.inputs[1]).toEqual([0, 1, 1]);
  });

  it('applied mid-iteration, it first finishes the iteration with the old lights', () => {
    const app = appAfter('n n d o w enter', 'whole-dataset');
    const t = app.session!.trainer;
    expect(t.iteration).toBe(1);
    expect(t.setup.inputs).toHaveLength(7);
    expect(t.setup.inputs[1]).toEqual([0, 0, 0]);
    expect(t.setup.labels[1]).toBe(1);
    expect(t.setup.trainRows).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sameWeights(t.weights, stepIteration(initialState(whole)).weights)).toBe(true);
    expect(app.notice).toMatch(/iteration 1 was finished first/);
    // One b goes back to where Enter was pressed, mid-iteration on the old lights.
    const back = press(app, 'b').session!.trainer;
    expect([back.iteration, back.cursor, back.setup.inputs.length]).toEqual([0, 2, 6]);
  });

  it('x deletes a row, but not the last one; held-out rows stay held out', () => {
    let app = appAfter('d x', 'overfit');
    const setup = buildSetup(findBuiltIn('overfit')!);
    expect(app.edit!.rows).toHaveLength(setup.inputs.length - 1);
    app = press(app, 'enter');
    // overfit trains on row 0 only: deleting it leaves nothing to train on, which is refused.
    expect(app.edit?.problem).toMatch(/No row is left to train on/);
    app = press(appAfter('d down x enter', 'overfit'), '');
    expect(app.session!.trainer.setup.trainRows).toEqual(setup.trainRows);
    expect(app.session!.trainer.setup.heldOutRows).toHaveLength(setup.heldOutRows.length - 1);
    let one = appAfter('d', 'single-light');
    one = press(one, 'x');
    expect(one.edit!.problem).toMatch(/last row stays/);
  });

  it('cycles a dimmer lamp through the data’s brightness levels', () => {
    const app = appAfter('d space', 'dimmer-lights');
    const levels = app.edit!.levels;
    expect(levels[0]).toBe(0);
    expect(levels.at(-1)).toBe(1);
    expect(levels.length).toBeGreaterThan(2);
    const was = buildSetup(findBuiltIn('dimmer-lights')!).inputs[0]![0]!;
    expect(app.edit!.rows[0]!.input[0]).toBe(levels.find((l) => l > was) ?? levels[0]);
  });
});

function buildSetupOf(app: AppState) {
  return app.session!.trainer.setup;
}

describe('the alpha ladder ([ ])', () => {
  it('] steps alpha up from the next iteration, marked on the chart; b undoes it', () => {
    const app = appAfter('space ] ]', 'whole-dataset');
    const t = app.session!.trainer;
    expect(t.setup.alpha).toBe(0.5);
    expect(changeMarks(app.live, t)).toEqual([2, 2]);
    const stepped = press(app, 'space').session!.trainer;
    const expected = stepIteration(continueWith(stepIteration(initialState(buildSetup(findBuiltIn('whole-dataset')!))), { ...t.setup }));
    expect(sameWeights(stepped.weights, expected.weights)).toBe(true);
    const back = press(app, 'b');
    expect(back.session!.trainer.setup.alpha).toBe(0.2);
    expect(changeMarks(back.live, back.session!.trainer)).toEqual([2]);
  });

  it('stops at the ends of the ladder, and says so', () => {
    const top = appAfter(Array(12).fill(']').join(' '), 'whole-dataset');
    expect(top.session!.trainer.setup.alpha).toBe(2);
    expect(top.notice).toMatch(/top \(2\) of the ladder/);
    const bottom = appAfter(Array(12).fill('[').join(' '), 'whole-dataset');
    expect(bottom.session!.trainer.setup.alpha).toBe(0.001);
  });

  it('a finished run goes on for as many iterations again', () => {
    const app = appAfter('e ]', 'single-light');
    const t = app.session!.trainer;
    expect([t.iteration, t.setup.iterations, t.done]).toEqual([20, 40, false]);
    expect(app.notice).toMatch(/20 more iterations/);
  });
});

describe('comparing two runs (c, --compare)', () => {
  it('c opens the menu; right changes B’s mode, enter starts both in lockstep; every step key moves both', () => {
    let app = appAfter('n c', 'whole-dataset');
    expect(contextsOf(app)).toEqual(['compare-menu']);
    app = press(app, 'right right enter');
    expect(app.compare?.kind).toBe('runs');
    if (app.compare?.kind !== 'runs') return;
    expect(app.compare.settings).toEqual({ mode: 'full' });
    // Both from the start.
    expect(app.session!.trainer.iteration + app.session!.trainer.cursor).toBe(0);
    app = press(app, 'space space n');
    if (app.compare?.kind !== 'runs') return;
    const a = app.session!.trainer;
    const b = app.compare.other.trainer;
    expect([a.iteration, a.cursor, b.iteration, b.cursor]).toEqual([2, 1, 2, 1]);
    expect(b.setup.mode).toBe('full');
    const fullSetup = buildSetup(findBuiltIn('whole-dataset')!, { mode: 'full' });
    expect(b.errors.toArray()).toEqual([stepIteration(initialState(fullSetup)), stepIteration(stepIteration(initialState(fullSetup)))].map((s) => s.errors.last()));
    app = press(app, 'b');
    if (app.compare?.kind !== 'runs') return;
    expect([app.session!.trainer.cursor, app.compare.other.trainer.cursor]).toEqual([0, 0]);
    app = press(app, 'esc');
    expect(app.compare).toBeUndefined();
    expect(app.session!.trainer.iteration).toBe(2);
  });

  it('a run with fewer iterations stops; the back key takes back only what each step moved', () => {
    let app = appAfter('c', 'single-light');
    const iterations = app.compare?.kind === 'menu' ? app.compare.keys.indexOf('iterations') : -1;
    app = press(app, `${Array(iterations).fill('down').join(' ')} left enter`);
    if (app.compare?.kind !== 'runs') throw new Error('no comparison');
    expect(app.compare.other.trainer.setup.iterations).toBe(10);
    app = press(app, Array(12).fill('space').join(' '));
    if (app.compare?.kind !== 'runs') return;
    expect([app.session!.trainer.iteration, app.compare.other.trainer.iteration]).toEqual([12, 10]);
    app = press(app, 'b b');
    if (app.compare?.kind !== 'runs') return;
    expect([app.session!.trainer.iteration, app.compare.other.trainer.iteration]).toEqual([10, 10]);
    app = press(app, 'b');
    if (app.compare?.kind !== 'runs') return;
    expect([app.session!.trainer.iteration, app.compare.other.trainer.iteration]).toEqual([9, 9]);
  });

  it('the menu refuses to start with nothing changed, and Esc closes it', () => {
    const app = appAfter('c enter', 'deep-net');
    expect(app.compare?.kind).toBe('menu');
    expect(app.notice).toMatch(/Change a setting/);
    expect(press(app, 'esc').compare).toBeUndefined();
  });

  it('e runs both to the end (the second, with more iterations, in slices), any key stops them', () => {
    let app = appAfter('c', 'deep-net');
    const at = app.compare?.kind === 'menu' ? app.compare.keys.indexOf('iterations') : -1;
    app = press(app, `${Array(at).fill('down').join(' ')} ${Array(9).fill('right').join(' ')} enter`);
    if (app.compare?.kind !== 'runs') throw new Error('no comparison');
    expect(app.compare.other.trainer.setup.iterations).toBe(50_000);
    app = press(app, 'e');
    if (app.compare?.kind !== 'runs') return;
    expect(app.session!.trainer.done).toBe(true);
    expect(app.compare.other.running).toBeDefined();
    expect(contextsOf(app)).toEqual(['running']);
    app = appReducer(app, { type: 'run-slice' });
    app = press(app, 'x');
    if (app.compare?.kind !== 'runs') return;
    expect(app.compare.other.running).toBeUndefined();
    expect(app.compare.other.trainer.iteration).toBeGreaterThan(60);
  });
});

describe('what the editor says it changed', () => {
  it('names each kind of change with its own verb', () => {
    const app = appAfter('d right space w o', 'whole-dataset');
    expect(instrumentCaption(app)).toBe('Editing row 1, lamp 1 (1 lamp changed, 1 goal flipped, 1 row added). Enter trains on from iteration 1.');
  });
});
