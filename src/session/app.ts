/**
 * The whole app as one pure reducer: the picker or an open scenario, the help over either, and every
 * key. Keys arrive as names (`{type: 'key', name}`) and are resolved here, against the state as it is
 * after the keys before them, so a burst of keys (eight Downs sent together, "jj") moves eight rows:
 * nothing is read from a stale render.
 */
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import { closeFocus, cycleFocus, type FocusPanel } from './focus.js';
import { commandFor, contextsOf } from './keymap/index.js';
import { INITIAL_PICKER, highlightIndex, movePicker, withRoom, type PickerMove, type PickerState } from './picker.js';
import type { CompareState } from './compare.js';
import type { EditState } from './edit.js';
import type { InspectState } from './inspect.js';
import { compareSessions, instrumentReducer, isInstrumentAction, NO_INSTRUMENTS, startComparison, type InstrumentAction } from './instruments.js';
import type { LiveLog } from './live.js';
import { openSession, sessionReducer, type SessionAction, type SessionState } from './state.js';
import { arriveAt, goToStop, showStopNote, startTalk, type Talk, type TalkState } from './talk.js';

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
  /** Presenter mode (`--talk`): the stops and where the presenter is. */
  readonly talk?: TalkState;
  /** `z`: the one panel shown alone and large (focus.ts). */
  readonly focus?: FocusPanel;
  /** The instruments (instruments.ts), each undefined while off: the weight inspector, the lights editor, a comparison, the live changes made. */
  readonly inspect?: InspectState;
  readonly edit?: EditState;
  readonly compare?: CompareState;
  readonly live?: LiveLog;
  /** Quit with Ctrl+C: the run path exits 130, as the shell reports a program its user interrupted. */
  readonly interrupted: boolean;
}

export type EffectKind = 'redraw' | 'save-scenario' | 'export-numpy';

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
  | { readonly type: 'talk-go'; readonly by: 1 | -1 }
  | { readonly type: 'talk-note' }
  | { readonly type: 'focus-cycle' }
  | { readonly type: 'focus-close' }
  | { readonly type: 'quit' }
  | InstrumentAction;

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
  /** Start a talk at its first stop (instead of `open` or the picker). */
  readonly talk?: Talk;
  /** With `open`: compare it at once with a second run of these settings (`--compare`). */
  readonly compare?: Overrides;
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
  if (options.talk) return arriveAt({ ...base, talk: startTalk(options.talk) }, 0, appReducer);
  const opened = options.open ? appReducer(base, { type: 'open', scenario: options.open }) : base;
  return options.compare && opened.session ? startComparison(opened, options.compare) : opened;
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
        ...NO_INSTRUMENTS,
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
      return { ...state, ...NO_INSTRUMENTS, screen: 'picker', session: undefined, focus: undefined };
    case 'toggle-help': {
      // Opening the help pauses play: nothing moves behind a modal overlay.
      const session = state.session && !state.help && state.session.playing ? { ...state.session, playing: false } : state.session;
      return { ...state, help: !state.help, session };
    }
    case 'talk-go':
      return goToStop(state, action.by, appReducer);
    case 'talk-note':
      return showStopNote(state);
    case 'focus-cycle':
      // Focus shows one panel of the training screen; an inspector open over it closes (the editor and a comparison take z themselves).
      return cycleFocus(state.inspect ? { ...state, inspect: undefined } : state);
    case 'focus-close':
      return closeFocus(state);
    case 'quit':
      return { ...state, quitting: true };
    default:
      if (isInstrumentAction(action)) {
        // An instrument has its own screen or panel, so opening one takes the whole screen back from a focused panel.
        const opens = action.type === 'inspect-open' || action.type === 'edit-open' || action.type === 'compare-menu';
        return instrumentReducer(opens && state.focus ? { ...state, focus: undefined } : state, action);
      }
      if (!state.session) return state;
      if (state.compare?.kind === 'runs') return compareSessions(state, action);
      return { ...state, session: sessionReducer(state.session, action) };
  }
}
