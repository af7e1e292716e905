import { describe, expect, test } from 'vitest';
import { initialState, stepIteration, stepPhase, stepRow } from '../../src/engine/trainer.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { essence } from '../engine/fixtures.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { appReducer, exitCodeOf, initialApp, type AppAction, type AppState } from '../../src/session/app.js';
import { markerEvents } from '../../src/session/events.js';
import { commandFor, helpRows, hintsFor, KEYMAP } from '../../src/session/keymap/index.js';
import { keyNamesOf } from '../../src/session/keymap/keyNames.js';
import { openSession, sessionReducer, SPEEDS, type SessionAction, type SessionState } from '../../src/session/state.js';

const deepNet = findBuiltIn('deep-net')!;
const whole = findBuiltIn('whole-dataset')!;

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(sessionReducer, state);
}

describe('stepping', () => {
  test('phase, row and iteration steps move the trainer as the engine does', () => {
    const s0 = openSession(deepNet);
    const t0 = initialState(buildSetup(deepNet));
    expect(run(s0, { type: 'step', step: 'phase' }).trainer).toEqual(stepPhase(t0));
    expect(run(s0, { type: 'step', step: 'row' }).trainer).toEqual(stepRow(t0));
    expect(run(s0, { type: 'step', step: 'iteration' }).trainer).toEqual(stepIteration(t0));
    const end = run(s0, { type: 'step', step: 'end' });
    expect(end.trainer.done).toBe(true);
    expect(end.trainer.iteration).toBe(60);
    expect(end.last).toEqual({ kind: 'step', step: 'end' });
  });

  test('back restores the exact earlier snapshot, step by step, and says so at the start', () => {
    const s0 = openSession(deepNet);
    const s1 = run(s0, { type: 'step', step: 'phase' });
    const s2 = run(s1, { type: 'step', step: 'row' });
    const s3 = run(s2, { type: 'step', step: 'end' });
    // After the run to the end, back walks its iterations one by one (rebuilt exactly), then to where it started.
    let b = s3;
    const stepper = openSession(deepNet).trainer;
    let expected = stepper;
    const byIteration = [expected];
    for (let i = 0; i < 60; i++) byIteration.push((expected = stepIteration(expected)));
    for (let k = 59; k >= 1; k--) {
      b = run(b, { type: 'back' });
      expect(essence(b.trainer)).toEqual(essence(byIteration[k]!));
    }
    const b1 = run(b, { type: 'back' });
    expect(b1.trainer).toBe(s2.trainer);
    const b2 = run(b1, { type: 'back' });
    expect(b2.trainer).toBe(s1.trainer);
    const b3 = run(b2, { type: 'back' });
    expect(b3.trainer).toBe(s0.trainer);
    expect(run(b3, { type: 'back' }).last).toEqual({ kind: 'back-at-start' });
  });

  test('stepping past the end does nothing but say it is finished', () => {
    const end = run(openSession(deepNet), { type: 'step', step: 'end' });
    const again = run(end, { type: 'step', step: 'iteration' });
    expect(again.trainer).toBe(end.trainer);
    expect(again.last).toEqual({ kind: 'finished' });
    expect(again.history.entries.length).toBe(end.history.entries.length);
  });

  test('reset returns to the same start and keeps chart scale and speed', () => {
    const s = run(openSession(deepNet), { type: 'toggle-scale' }, { type: 'speed', by: 1 }, { type: 'step', step: 'end' }, { type: 'reset' });
    expect(s.trainer).toEqual(openSession(deepNet).trainer);
    expect(s.history.entries).toEqual([]);
    expect(s.chartScale).toBe('log');
    expect(s.last).toEqual({ kind: 'reset' });
  });
});

describe('switches', () => {
  test('g cycles sgd → batch → full → sgd on 2-layer nets and restarts', () => {
    let s = run(openSession(whole), { type: 'step', step: 'iteration' });
    const modes: string[] = [];
    for (let i = 0; i < 3; i++) {
      s = run(s, { type: 'cycle-mode' });
      modes.push(s.trainer.setup.mode);
      expect(s.trainer.iteration).toBe(0);
    }
    expect(modes).toEqual(['batch', 'full', 'sgd']);
  });

  test('g is refused on 3-layer nets, a on 2-layer nets', () => {
    expect(run(openSession(deepNet), { type: 'cycle-mode' }).last).toEqual({ kind: 'not-available', what: 'mode' });
    expect(run(openSession(whole), { type: 'toggle-activation' }).last).toEqual({ kind: 'not-available', what: 'activation' });
  });

  test('a toggles relu ↔ linear on 3-layer nets, from the same start weights', () => {
    const s = run(openSession(deepNet), { type: 'step', step: 'end' }, { type: 'toggle-activation' });
    expect(s.trainer.setup.activation).toBe('linear');
    expect(s.trainer.iteration).toBe(0);
    expect(s.trainer.weights).toEqual(openSession(deepNet).trainer.weights);
    expect(run(s, { type: 'toggle-activation' }).trainer.setup.activation).toBe('relu');
  });
});

describe('play', () => {
  test('ticks advance rows only while playing, and play stops at the end', () => {
    const s0 = openSession(deepNet);
    expect(run(s0, { type: 'play-tick', rows: 3 })).toBe(s0);
    const playing = run(s0, { type: 'toggle-play' }, { type: 'play-tick', rows: 3 });
    expect(playing.trainer.cursor).toBe(3);
    expect(playing.playing).toBe(true);
    const done = run(playing, { type: 'play-tick', rows: 10_000 });
    expect(done.trainer.done).toBe(true);
    expect(done.playing).toBe(false);
  });

  test('speed stays within the table', () => {
    let s = openSession(deepNet);
    for (let i = 0; i < 40; i++) s = run(s, { type: 'speed', by: 1 });
    expect(SPEEDS[s.speed]).toBe(SPEEDS[SPEEDS.length - 1]);
    for (let i = 0; i < 40; i++) s = run(s, { type: 'speed', by: -1 });
    expect(s.speed).toBe(0);
  });
});

describe('app and markers', () => {
  const apply = (s: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, s);

  test('open, Esc back to the picker, quit', () => {
    const a0 = initialApp([whole, deepNet]);
    expect(a0.screen).toBe('picker');
    const a1 = apply(a0, { type: 'open', scenario: deepNet });
    expect(a1.screen).toBe('training');
    expect(a1.picker.highlighted).toBe(1);
    const a2 = apply(a1, { type: 'to-picker' });
    expect(a2.screen).toBe('picker');
    expect(a2.session).toBeUndefined();
    expect(apply(a2, { type: 'quit' }).quitting).toBe(true);
  });

  test('markers: scenario opened, every iteration completed with its error, and the marker key', () => {
    const a0 = initialApp([deepNet], { recording: true });
    const a1 = apply(a0, { type: 'open', scenario: deepNet });
    expect(markerEvents(a0, a1)).toEqual(['deep-net · opened']);
    const a2 = apply(a1, { type: 'step', step: 'iteration' });
    expect(markerEvents(a1, a2)).toEqual([`deep-net · iteration 1 · error ${a2.session!.trainer.errors.at(0)}`]);
    const a3 = apply(a2, { type: 'step', step: 'end' });
    const labels = markerEvents(a2, a3);
    expect(labels).toHaveLength(59);
    expect(labels[58]).toMatch(/^deep-net · iteration 60 · error /);
    expect(markerEvents(a3, apply(a3, { type: 'marker' }))).toEqual(['marker 1 · deep-net · iteration 60 · row 3 update']);
    expect(markerEvents(a3, apply(a3, { type: 'back' }))).toEqual([]);
  });
});

describe('keymap', () => {
  const training = (name: string) => commandFor('training', name)?.action;
  test.each([
    ['space', { type: 'step', step: 'iteration' }],
    ['right', { type: 'step', step: 'iteration' }],
    ['n', { type: 'step', step: 'row' }],
    ['s', { type: 'step', step: 'phase' }],
    ['b', { type: 'back' }],
    ['left', { type: 'back' }],
    ['p', { type: 'toggle-play' }],
    ['+', { type: 'speed', by: 1 }],
    ['=', { type: 'speed', by: 1 }],
    ['-', { type: 'speed', by: -1 }],
    ['e', { type: 'step', step: 'end' }],
    ['end', { type: 'step', step: 'end' }],
    ['r', { type: 'reset' }],
    ['home', { type: 'reset' }],
    ['g', { type: 'cycle-mode' }],
    ['a', { type: 'toggle-activation' }],
    ['l', { type: 'toggle-scale' }],
    ['m', { type: 'marker' }],
    ['?', { type: 'toggle-help' }],
    ['esc', { type: 'to-picker' }],
    ['q', { type: 'quit' }],
    ['ctrl+c', { type: 'quit' }],
  ] as const)('training: %s', (name, action) => {
    expect(training(name)).toEqual(action);
  });

  test('unbound keys do nothing, and Ctrl+letters are not plain letters', () => {
    expect(training('Z')).toBeUndefined();
    expect(keyNamesOf('n', { ctrl: true })).toEqual(['ctrl+n']);
    expect(training('ctrl+n')).toBeUndefined();
  });

  test('Ink events become key names; a burst of characters is a key each', () => {
    expect(keyNamesOf('', { downArrow: true })).toEqual(['down']);
    expect(keyNamesOf('jj', {})).toEqual(['j', 'j']);
    expect(keyNamesOf('n \r', {})).toEqual(['n', 'space', 'enter']);
    expect(keyNamesOf('', { escape: true, meta: true })).toEqual(['esc']);
    expect(keyNamesOf('', { pageDown: true })).toEqual(['pagedown']);
    expect(keyNamesOf('x', { meta: true })).toEqual([]);
  });

  test('no key is bound twice in a context', () => {
    for (const [context, table] of Object.entries(KEYMAP)) {
      const keys = table.flatMap((c) => [...c.keys, ...(c.aliases ?? [])]);
      expect(new Set(keys).size, context).toBe(keys.length);
    }
  });

  test('the help rows and the hints come from the same table as the bindings', () => {
    const app = apply(initialApp([whole, deepNet]), { type: 'open', scenario: deepNet });
    const rows = helpRows('training', app);
    expect(rows.map((r) => r.keys)).toContain('space →');
    expect(rows.every((r) => r.description.length > 0)).toBe(true);
    // deep-net: the activation switch is offered, the gradient-descent switch is not.
    expect(rows.some((r) => r.keys === 'a')).toBe(true);
    expect(rows.some((r) => r.keys === 'g')).toBe(false);
    const hints = hintsFor('training', app);
    expect(hints.at(-1)).toEqual({ key: '?', hint: 'help' });
  });
});

function apply(s: AppState, ...actions: AppAction[]) {
  return actions.reduce(appReducer, s);
}

describe('a long run to the end, in slices', () => {
  const long = () => openSession(deepNet, { iterations: 1_000_000, hidden: 64 });

  test('e starts it; slices train it on; any key but quit stops it at an iteration boundary that b can leave', () => {
    let app = apply(initialApp([deepNet]), { type: 'open', scenario: deepNet });
    app = { ...app, session: long() };
    app = apply(app, { type: 'key', name: 'e' });
    const run = app.session!.running!;
    expect(run).toBeDefined();
    expect(app.session!.last).toEqual({ kind: 'running' });
    const first = app.session!.trainer.iteration;
    app = apply(app, { type: 'run-slice' }, { type: 'run-slice' });
    expect(app.session!.trainer.iteration).toBeGreaterThan(first);
    // Stepping keys do not step while it runs: any key stops it.
    app = apply(app, { type: 'key', name: 's' });
    expect(app.session!.running).toBeUndefined();
    expect(app.session!.last).toEqual({ kind: 'stopped' });
    const stoppedAt = app.session!.trainer.iteration;
    expect(app.session!.trainer.cursor).toBe(0);
    expect(app.session!.trainer.rowPhase).toBeUndefined();
    const back = apply(app, { type: 'key', name: 'b' });
    expect(back.session!.trainer.iteration).toBe(stoppedAt - 1);
  });

  test('Ctrl+C quits from anywhere with exit code 130; q with 0', () => {
    const open = apply(initialApp([deepNet]), { type: 'open', scenario: deepNet });
    const running = apply({ ...open, session: long() }, { type: 'key', name: 'e' });
    for (const state of [initialApp([deepNet]), open, apply(open, { type: 'key', name: '?' }), running]) {
      const interrupted = apply(state, { type: 'key', name: 'ctrl+c' });
      expect(interrupted.quitting).toBe(true);
      expect(exitCodeOf(interrupted)).toBe(130);
      const quit = apply(state, { type: 'key', name: 'q' });
      expect(quit.quitting).toBe(true);
      expect(exitCodeOf(quit)).toBe(0);
    }
  });

  test('q quits while it runs', () => {
    let app: AppState = { ...apply(initialApp([deepNet]), { type: 'open', scenario: deepNet }), session: long() };
    app = apply(app, { type: 'key', name: 'e' }, { type: 'key', name: 'q' });
    expect(app.quitting).toBe(true);
  });

  test('a short run is done at once, with no slices', () => {
    const end = run(openSession(deepNet), { type: 'step', step: 'end' });
    expect(end.running).toBeUndefined();
    expect(end.trainer.iteration).toBe(60);
  });
});
