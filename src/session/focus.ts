/**
 * Focus (`z`): one panel alone, as large as the screen allows, for a projector at the back of a room.
 * The first `z` shows the panel the scenario is about (its `focus`), each next one the panel after it;
 * Esc goes back to the whole screen. Every training key still works meanwhile, and the focused panel
 * follows it. A view choice only: the session is untouched.
 */
import type { AppState } from './app.js';

export type FocusPanel = 'lights' | 'network' | 'chart' | 'pressure';

/** The order `z` cycles through. */
export const FOCUS_PANELS: readonly FocusPanel[] = ['chart', 'network', 'lights', 'pressure'];

export function cycleFocus(state: AppState): AppState {
  if (!state.session) return state;
  if (state.focus === undefined) return { ...state, focus: state.session.scenario.focus };
  const next = FOCUS_PANELS[(FOCUS_PANELS.indexOf(state.focus) + 1) % FOCUS_PANELS.length]!;
  return { ...state, focus: next };
}

export function closeFocus(state: AppState): AppState {
  return { ...state, focus: undefined };
}
