/**
 * Presenter mode: a talk is a list of stops, each a scenario (with overrides) and the keys played on
 * arrival. PageDown goes to the next stop, PageUp to the previous one, each exactly as it was after
 * its keys; between stops every normal key works and PageDown still goes on from the stop it left.
 *
 * A stop's state is a pure function of the stop: the scenario opened afresh, then its keys resolved
 * through the keymap one by one (as a burst would be), and a run to the end finished at once. The
 * state is kept once made, so going back to a stop whose keys trained for a while is instant, and
 * it is the very same snapshot: the back key, the chart and the pressure table show what they
 * showed the first time.
 */
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import type { AppAction, AppState } from './app.js';
import { highlightIndex } from './picker.js';

export interface TalkStop {
  readonly scenario: Scenario;
  readonly overrides: Overrides;
  /** Key names (the keymap's, from the --keys language), played on arrival. */
  readonly keys: readonly string[];
  /** One line, in the caption on arrival (and on `.`), and the recording's marker for the stop. */
  readonly note: string;
}

export type ThemeName = 'default' | 'high-contrast';

export interface Talk {
  /** Where it came from, for messages and the recording: `chapter-6` or the file's path. */
  readonly source: string;
  readonly title: string;
  /** The theme the talk asks for (the command line's --theme wins). */
  readonly theme: ThemeName | undefined;
  readonly stops: readonly TalkStop[];
}

/** What a stop's keys can change, kept per stop once made. */
interface Arrival {
  readonly screen: AppState['screen'];
  readonly session: AppState['session'];
  readonly help: boolean;
  readonly focus: AppState['focus'];
  /** The instruments the stop's keys opened (an inspector, a comparison), or none. */
  readonly inspect: AppState['inspect'];
  readonly edit: AppState['edit'];
  readonly compare: AppState['compare'];
  readonly live: AppState['live'];
}

export interface TalkState {
  readonly talk: Talk;
  /** The stop the presenter is at (or left last), from 0. */
  readonly stop: number;
  /** The app's `opened` count at the last arrival: that opening is the stop's, so its marker names the stop. */
  readonly openedAt: number;
  readonly arrivals: readonly (Arrival | undefined)[];
}

type Reduce = (state: AppState, action: AppAction) => AppState;

export function startTalk(talk: Talk): TalkState {
  return { talk, stop: 0, openedAt: -1, arrivals: talk.stops.map(() => undefined) };
}

/** "Stop 3/9: the note", the caption's first line on arrival. */
export function stopLine(talk: TalkState, index = talk.stop): string {
  return `Stop ${index + 1}/${talk.talk.stops.length}: ${talk.talk.stops[index]!.note}`;
}

/** The recording's marker for an arrival: "stop 3/9 · the note". */
export function stopMarker(talk: TalkState): string {
  return `stop ${talk.stop + 1}/${talk.talk.stops.length} · ${talk.talk.stops[talk.stop]!.note}`;
}

/** The state of stop `index` made afresh: the scenario opened, its keys played, a run to the end finished. */
function makeArrival(state: AppState, stop: TalkStop, reduce: Reduce): Arrival {
  // The talk is left out while the keys play, so a stop's keys are the screen's keys, never the talk's.
  let s: AppState = { ...state, talk: undefined, help: false, focus: undefined, notice: undefined, overrides: stop.overrides };
  s = reduce(s, { type: 'open', scenario: stop.scenario });
  for (const name of stop.keys) {
    s = reduce(s, { type: 'key', name });
    while (s.session?.running || (s.compare?.kind === 'runs' && s.compare.other.running)) s = reduce(s, { type: 'run-slice' });
  }
  return { screen: s.screen, session: s.session, help: s.help, focus: s.focus, inspect: s.inspect, edit: s.edit, compare: s.compare, live: s.live };
}

/** Arrives at stop `index` (clamped to the talk): its kept state, or made afresh the first time. */
export function arriveAt(state: AppState, index: number, reduce: Reduce): AppState {
  const talk = state.talk;
  if (!talk) return state;
  const stop = talk.talk.stops[index]!;
  const arrival = talk.arrivals[index] ?? makeArrival(state, stop, reduce);
  const arrivals = talk.arrivals.map((a, i) => (i === index ? arrival : a));
  const opened = state.opened + 1;
  const next: TalkState = { ...talk, stop: index, openedAt: opened, arrivals };
  const picker = state.scenarios.findIndex((s) => s.id === stop.scenario.id);
  return {
    ...state,
    ...arrival,
    // The session's own `recording` flag follows the app's (a kept arrival was made under the same one).
    opened,
    talk: next,
    notice: stopLine(next, index),
    picker: picker >= 0 ? highlightIndex(state.picker, picker, state.scenarios.length) : state.picker,
  };
}

/** PageDown / PageUp: the next or the previous stop; at either end the caption says where the talk is. */
export function goToStop(state: AppState, by: 1 | -1, reduce: Reduce): AppState {
  const talk = state.talk;
  if (!talk) return state;
  const index = talk.stop + by;
  const count = talk.talk.stops.length;
  if (index < 0) return { ...state, notice: `This is the first stop (1/${count}); PgDn goes on.` };
  if (index >= count) return { ...state, notice: `That was the last stop (${count}/${count}); PgUp goes back.` };
  return arriveAt(state, index, reduce);
}

/** `.`: the stop's note again, in the caption. */
export function showStopNote(state: AppState): AppState {
  return state.talk ? { ...state, notice: stopLine(state.talk) } : state;
}
