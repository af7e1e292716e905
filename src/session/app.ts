/**
 * The whole app as one pure reducer: the picker or an open scenario, the help over either, and every
 * key. Keys arrive as names (`{type: 'key', name}`) and are resolved here, against the state as it is
 * after the keys before them, so a burst of keys (eight Downs sent together, "jj") moves eight rows:
 * nothing is read from a stale render.
 */
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import { commandFor, contextsOf } from './keymap/index.js';
import { INITIAL_PICKER, highlightIndex, movePicker, withRoom, type PickerMove, type PickerState } from './picker.js';
import { openSession, sessionReducer, type SessionAction, type SessionState } from './state.js';

export interface AppState {
  readonly screen: 'picker' | 'training';
  readonly scenarios: readonly Scenario[];
  /** Files in scenarios/ that failed to load, shown under the picker. */
  readonly problems: readonly string[];
  readonly picker: PickerState;
  readonly overrides: Overrides;
  readonly session: SessionState | undefined;
  /** The key help, over the picker or the training screen; modal. */
  readonly help: boolean;
  /** Whether a recording is being written (markers say so when it is not). */
  readonly recording: boolean;
  /** Counts scenario openings, so a recording can mark each one (even the same scenario twice). */
  readonly opened: number;
  /**
   * Work the reducer cannot do itself (it is pure): writing a file, redrawing the terminal. The root
   * component hands each to the run path's handler and reports back with 'effect-done'.
   */
  readonly effects: readonly Effect[];
  /** The last effect's report, shown in the caption until the next key. */
  readonly notice: string | undefined;
  readonly quitting: boolean;
  /** Quit with Ctrl+C: the run path exits 130, as the shell reports a program its user interrupted. */
  readonly interrupted: boolean;
}

export type EffectKind = 'redraw';

export interface Effect {
  readonly id: number;
  readonly kind: EffectKind;
}

export type AppAction =
  | SessionAction
  | { readonly type: 'key'; readonly name: string }
  | { readonly type: 'open'; readonly scenario: Scenario }
  | { readonly type: 'open-highlighted' }
  | { readonly type: 'picker-move'; readonly by: PickerMove }
  | { readonly type: 'picker-room'; readonly rows: number }
  | { readonly type: 'to-picker' }
  | { readonly type: 'toggle-help' }
  | { readonly type: 'effect'; readonly kind: EffectKind }
  | { readonly type: 'effect-done'; readonly id: number; readonly notice?: string }
  | { readonly type: 'quit' };

/** The process's exit code once the app has quit: 130 after Ctrl+C (128 + SIGINT), else 0. */
export function exitCodeOf(state: AppState): number {
  return state.interrupted ? 130 : 0;
}

export interface AppOptions {
  readonly overrides?: Overrides;
  /** Open this scenario at once instead of showing the picker. */
  readonly open?: Scenario;
  readonly problems?: readonly string[];
  readonly recording?: boolean;
}

export function initialApp(scenarios: readonly Scenario[], options: AppOptions = {}): AppState {
  const base: AppState = {
    screen: 'picker',
    scenarios,
    problems: options.problems ?? [],
    picker: INITIAL_PICKER,
    overrides: options.overrides ?? {},
    session: undefined,
    help: false,
    recording: options.recording ?? false,
    opened: 0,
    effects: [],
    notice: undefined,
    quitting: false,
    interrupted: false,
  };
  return options.open ? appReducer(base, { type: 'open', scenario: options.open }) : base;
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key': {
      // Ctrl+C quits from any screen or mode (whatever its keys), as a terminal's interrupt would.
      if (action.name === 'ctrl+c') return { ...state, quitting: true, interrupted: true };
      const command = commandFor(contextsOf(state), action.name);
      // A notice lasts until the next key.
      const base = state.notice === undefined ? state : { ...state, notice: undefined };
      return command ? appReducer(base, command.action) : base;
    }
    case 'effect': {
      const id = (state.effects.at(-1)?.id ?? 0) + 1;
      return { ...state, effects: [...state.effects, { id, kind: action.kind }] };
    }
    case 'effect-done':
      return { ...state, effects: state.effects.filter((e) => e.id !== action.id), notice: action.notice ?? state.notice };
    case 'open': {
      const index = state.scenarios.findIndex((s) => s.id === action.scenario.id);
      return {
        ...state,
        screen: 'training',
        session: openSession(action.scenario, state.overrides, state.recording),
        picker: index >= 0 ? highlightIndex(state.picker, index, state.scenarios.length) : state.picker,
        opened: state.opened + 1,
      };
    }
    case 'open-highlighted': {
      const scenario = state.scenarios[state.picker.highlighted];
      return scenario ? appReducer(state, { type: 'open', scenario }) : state;
    }
    case 'picker-move':
      return { ...state, picker: movePicker(state.picker, action.by, state.scenarios.length) };
    case 'picker-room':
      return { ...state, picker: withRoom(state.picker, action.rows, state.scenarios.length) };
    case 'to-picker':
      return { ...state, screen: 'picker', session: undefined };
    case 'toggle-help': {
      // Opening the help pauses play: nothing moves behind a modal overlay.
      const session = state.session && !state.help && state.session.playing ? { ...state.session, playing: false } : state.session;
      return { ...state, help: !state.help, session };
    }
    case 'quit':
      return { ...state, quitting: true };
    default:
      if (!state.session) return state;
      return { ...state, session: sessionReducer(state.session, action) };
  }
}
