/**
 * Presenter mode: PageDown / PageUp go from stop to stop, each exactly as it was after its keys;
 * every normal key works between stops; the clicker's keys work over every screen; the recording
 * marks each arrival with the stop's note.
 */
import { describe, expect, test } from 'vitest';
import type { TrainerState } from '../../src/engine/trainer.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import type { Overrides } from '../../src/scenarios/setup.js';
import { appReducer, initialApp, type AppState } from '../../src/session/app.js';
import { markerEvents } from '../../src/session/events.js';
import { contextsOf, hintsFor, helpRows, contextsUnderHelp } from '../../src/session/keymap/index.js';
import type { Talk } from '../../src/session/talk.js';
import { loadTalk } from '../../src/talks/talkLoader.js';

const stop = (id: string, keys: string, note: string, overrides: Overrides = {}) => ({
  scenario: findBuiltIn(id)!,
  overrides,
  keys: keys.split(' ').filter(Boolean),
  note,
});

const TALK: Talk = {
  source: 'test',
  title: 'test',
  theme: undefined,
  stops: [stop('deep-net', 's s s s n', 'one row, phase by phase'), stop('whole-dataset', 'space space', 'two iterations', { alpha: 0.5 }), stop('overfit', 'e', 'to the end')],
};

/** A trainer as it reads: its error lists as arrays (an AppendList may share a longer buffer with a later branch). */
const seen = (t: TrainerState) => ({ ...t, errors: t.errors.toArray(), heldOutErrors: t.heldOutErrors.toArray(), path: t.path.points.toArray() });

const keys = (state: AppState, names: string) => names.split(' ').filter(Boolean).reduce((s, name) => appReducer(s, { type: 'key', name }), state);

/** What a stop's state must be: the scenario opened afresh with its overrides, then its keys pressed. */
function fresh(index: number): AppState {
  const s = TALK.stops[index]!;
  return keys(initialApp(BUILT_INS, { open: s.scenario, overrides: s.overrides }), s.keys.join(' '));
}

describe('stops', () => {
  test('the talk starts at its first stop, in the state its keys leave, with its note as the caption', () => {
    const app = initialApp(BUILT_INS, { talk: TALK });
    expect(app.screen).toBe('training');
    expect(app.session).toEqual(fresh(0).session);
    expect(app.session!.trainer.trace?.row).toBe(1);
    expect(app.notice).toBe('Stop 1/3: one row, phase by phase');
    expect(app.talk!.stop).toBe(0);
  });

  test('PageDown goes to the next stop, with its own overrides, exactly as its keys leave it', () => {
    const app = keys(initialApp(BUILT_INS, { talk: TALK }), 'pagedown');
    expect(app.talk!.stop).toBe(1);
    expect(app.session).toEqual(fresh(1).session);
    expect(app.session!.trainer.setup.alpha).toBe(0.5);
    expect(app.session!.trainer.iteration).toBe(2);
    expect(app.notice).toBe('Stop 2/3: two iterations');
    // The app's own overrides (the command line's) are not the stop's: a scenario opened from the picker gets none.
    expect(app.overrides).toEqual({});
  });

  test('PageUp goes back to the stop exactly as it was on arrival, whatever was pressed there since', () => {
    const start = initialApp(BUILT_INS, { talk: TALK });
    const arrived = start.session!;
    // Step on at stop 1, go on to stop 2, then back.
    const stepped = keys(start, 'space space b n');
    expect(stepped.session!.trainer).not.toEqual(arrived.trainer);
    const onward = keys(stepped, 'pagedown');
    const back = keys(onward, 'pageup');
    expect(back.talk!.stop).toBe(0);
    // The very snapshot made on arrival: its trainer, its history (so b walks back as it did), its markers.
    expect(back.session).toBe(arrived);
    expect(seen(keys(back, 'b').session!.trainer)).toEqual(seen(keys(fresh(0), 'b').session!.trainer));
    // And forward again: stop 2 as made the first time.
    const again = keys(back, 'pagedown');
    expect(again.session).toBe(onward.session);
  });

  test('every normal key works between stops, and PageDown goes on from the stop left', () => {
    const start = initialApp(BUILT_INS, { talk: TALK });
    // Back to the list, open another scenario, step it: the talk still knows where it is.
    const elsewhere = keys(start, 'esc up up enter space');
    expect(elsewhere.session!.scenario.id).toBe(BUILT_INS[BUILT_INS.findIndex((s) => s.id === 'deep-net') - 2]!.id);
    expect(elsewhere.session!.trainer.iteration).toBe(1);
    const next = keys(elsewhere, 'pagedown');
    expect(next.talk!.stop).toBe(1);
    expect(next.session).toEqual(fresh(1).session);
  });

  test('at either end the caption says where the talk is, and nothing moves', () => {
    const start = initialApp(BUILT_INS, { talk: TALK });
    const first = keys(start, 'pageup');
    expect(first.session).toBe(start.session);
    expect(first.notice).toBe('This is the first stop (1/3); PgDn goes on.');
    const last = keys(start, 'pagedown pagedown');
    const past = keys(last, 'pagedown');
    expect(past.session).toBe(last.session);
    expect(past.notice).toBe('That was the last stop (3/3); PgUp goes back.');
  });

  test('`.` shows the stop note again after other keys replaced it', () => {
    const app = keys(initialApp(BUILT_INS, { talk: TALK }), 's');
    expect(app.notice).toBeUndefined();
    expect(keys(app, '.').notice).toBe('Stop 1/3: one row, phase by phase');
  });

  test('a stop whose keys start a long run to the end arrives with the run finished', () => {
    const long: Talk = { ...TALK, stops: [stop('deep-net', 'e', 'long', { iterations: 100_000 })] };
    const app = initialApp(BUILT_INS, { talk: long });
    expect(app.session!.running).toBeUndefined();
    expect(app.session!.trainer.done).toBe(true);
    expect(app.session!.trainer.iteration).toBe(100_000);
  });

  test('the clicker keys work over the help, the picker and the focus too', () => {
    const start = initialApp(BUILT_INS, { talk: TALK });
    for (const detour of ['?', 'esc', 'z', 'z z']) {
      const app = keys(keys(start, detour), 'pagedown');
      expect(app.talk!.stop, detour).toBe(1);
      expect(app.screen, detour).toBe('training');
      expect(app.help, detour).toBe(false);
      expect(app.focus, detour).toBeUndefined();
    }
    expect(contextsOf(keys(start, '?'))).toEqual(['talk', 'help']);
    expect(contextsOf(keys(start, 'z'))).toEqual(['talk', 'focus', 'training']);
  });

  test('the hint line offers the stops first; the help lists the talk keys', () => {
    const app = initialApp(BUILT_INS, { talk: TALK });
    expect(hintsFor(contextsOf(app), app)[0]).toEqual({ key: 'PgDn PgUp', hint: 'stops' });
    const rows = helpRows(contextsUnderHelp(keys(app, '?')), app).map((r) => `${r.keys}: ${r.description}`);
    expect(rows.slice(0, 3)).toEqual(['PgDn: next stop of the talk', 'PgUp: previous stop, exactly as it was on arrival', ".: the stop's note again"]);
    // Without a talk none of this is there, and . and PageDown do nothing on the training screen.
    const plain = initialApp(BUILT_INS, { open: findBuiltIn('deep-net') });
    expect(contextsOf(plain)).toEqual(['training']);
    expect(keys(plain, 'pagedown .')).toEqual(plain);
  });
});

describe('markers', () => {
  test('each arrival is marked with its stop and note, the first one too', () => {
    const start = initialApp(BUILT_INS, { talk: TALK, recording: true });
    // The root component compares the first state with an app that has opened nothing yet.
    expect(markerEvents({ ...start, opened: 0, session: undefined }, start)).toEqual(['stop 1/3 · one row, phase by phase']);
    const next = keys(start, 'pagedown');
    expect(markerEvents(start, next)).toEqual(['stop 2/3 · two iterations']);
    expect(markerEvents(next, keys(next, 'pageup'))).toEqual(['stop 1/3 · one row, phase by phase']);
    // A scenario opened from the picker during the talk is marked as any opening.
    const picked = keys(next, 'esc');
    expect(markerEvents(picked, keys(picked, 'enter'))).toEqual([`${BUILT_INS[picked.picker.highlighted]!.id} · opened`]);
  });

  test('stepping at a stop marks iterations and the marker key as anywhere', () => {
    const start = initialApp(BUILT_INS, { talk: TALK, recording: true });
    const stepped = keys(start, 'space');
    expect(markerEvents(start, stepped)).toEqual([expect.stringMatching(/^deep-net · iteration 1 · error 1\.41/)]);
    expect(markerEvents(stepped, keys(stepped, 'm'))).toEqual(['marker 1 · deep-net · iteration 1 · row 3 update']);
    expect(markerEvents(start, keys(start, 's'))).toEqual([]);
  });
});

describe('the built-in talk', () => {
  test('chapter-6 arrives at every stop with its keys played', async () => {
    const talk = await loadTalk('chapter-6');
    let app = initialApp(BUILT_INS, { talk });
    const seen: string[] = [];
    for (let i = 0; i < talk.stops.length; i++) {
      const s = app.session!;
      seen.push(`${s.scenario.id} ${s.trainer.iteration}`);
      expect(app.notice).toBe(`Stop ${i + 1}/9: ${talk.stops[i]!.note}`);
      app = keys(app, 'pagedown');
    }
    expect(seen).toEqual(['single-light 3', 'whole-dataset 1', 'whole-dataset 40', 'overfit 60', 'conflicting-pressure 1', 'no-correlation 60', 'linear-deep 60', 'deep-net 60', 'one-iteration 0']);
  });
});

describe('the help under a talk', () => {
  test('lists what each key does there: the picker\'s PgDn and PgUp are the talk\'s', () => {
    const picker = keys(initialApp(BUILT_INS, { talk: TALK }), 'esc ?');
    const rows = helpRows(contextsUnderHelp(picker), picker).map((r) => r.keys);
    expect(rows.filter((k) => k === 'PgDn')).toHaveLength(1);
    expect(helpRows(contextsUnderHelp(picker), picker)[0]).toEqual({ keys: 'PgDn', description: 'next stop of the talk' });
    expect(rows).toContain('Home');
    // Under the focus, Esc is the focus's (back to the whole screen), not the training screen's.
    const focus = keys(initialApp(BUILT_INS, { open: findBuiltIn('deep-net') }), 'z ?');
    const esc = helpRows(contextsUnderHelp(focus), focus).filter((r) => r.keys.split(' ').includes('Esc'));
    expect(esc).toEqual([{ keys: 'Esc', description: 'back to the whole screen' }]);
  });
});
