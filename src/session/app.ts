/** The whole app: the picker or an open scenario. Also a pure reducer. */
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import { openSession, sessionReducer, type SessionAction, type SessionState } from './state.js';

export interface AppState {
  readonly screen: 'picker' | 'training';
  readonly scenarios: readonly Scenario[];
  /** Files in scenarios/ that failed to load, shown under the picker. */
  readonly problems: readonly string[];
  /** Picker highlight (index into `scenarios`). */
  readonly highlighted: number;
  readonly overrides: Overrides;
  readonly session: SessionState | undefined;
  /** Counts scenario openings, so a recording can mark each one (even the same scenario twice). */
  readonly opened: number;
  readonly quitting: boolean;
}

export type AppAction =
  | SessionAction
  | { readonly type: 'open'; readonly scenario: Scenario }
  | { readonly type: 'highlight'; readonly index: number }
  | { readonly type: 'to-picker' }
  | { readonly type: 'quit' };

export function initialApp(
  scenarios: readonly Scenario[],
  overrides: Overrides,
  open?: Scenario,
  problems: readonly string[] = [],
): AppState {
  const base: AppState = {
    screen: 'picker',
    scenarios,
    problems,
    highlighted: 0,
    overrides,
    session: undefined,
    opened: 0,
    quitting: false,
  };
  return open ? appReducer(base, { type: 'open', scenario: open }) : base;
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'open': {
      const index = state.scenarios.findIndex((s) => s.id === action.scenario.id);
      return {
        ...state,
        screen: 'training',
        session: openSession(action.scenario, state.overrides),
        highlighted: index >= 0 ? index : state.highlighted,
        opened: state.opened + 1,
      };
    }
    case 'highlight':
      return { ...state, highlighted: action.index };
    case 'to-picker':
      return { ...state, screen: 'picker', session: undefined };
    case 'quit':
      return { ...state, quitting: true };
    default:
      if (!state.session) return state;
      return { ...state, session: sessionReducer(state.session, action) };
  }
}
