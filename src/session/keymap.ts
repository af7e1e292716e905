/**
 * The one keymap: key → action, and the same table drives the `?` help overlay, so the two
 * can never disagree. Keys arrive as Ink reports them (`input` plus flags).
 */
import type { AppAction } from './app.js';

/** The subset of Ink's `Key` this module reads (kept here so the session needs no Ink import). */
export interface KeyFlags {
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

export interface Binding {
  /** How the help overlay names the keys. */
  readonly keys: string;
  readonly description: string;
  readonly action: AppAction;
  readonly matches: (input: string, key: KeyFlags) => boolean;
}

const char = (...chars: string[]) => (input: string, key: KeyFlags) => !key.ctrl && !key.meta && chars.includes(input);

export const TRAINING_BINDINGS: readonly Binding[] = [
  { keys: 'space →', description: 'one iteration', action: { type: 'step', step: 'iteration' }, matches: (i, k) => char(' ')(i, k) || !!k.rightArrow },
  { keys: 'n', description: 'one row', action: { type: 'step', step: 'row' }, matches: char('n') },
  { keys: 's', description: 'one phase', action: { type: 'step', step: 'phase' }, matches: char('s') },
  { keys: '← b', description: 'back one step', action: { type: 'back' }, matches: (i, k) => char('b')(i, k) || !!k.leftArrow },
  { keys: 'p', description: 'play / pause', action: { type: 'toggle-play' }, matches: char('p') },
  { keys: '+ -', description: 'play faster / slower', action: { type: 'speed', by: 1 }, matches: char('+', '=') },
  { keys: '', description: '', action: { type: 'speed', by: -1 }, matches: char('-', '_') },
  { keys: 'e', description: 'run to the end', action: { type: 'step', step: 'end' }, matches: char('e') },
  { keys: 'r', description: 'reset to the same start', action: { type: 'reset' }, matches: char('r') },
  { keys: 'g', description: 'gradient descent: sgd → batch → full', action: { type: 'cycle-mode' }, matches: char('g') },
  { keys: 'a', description: 'activation: relu ↔ linear', action: { type: 'toggle-activation' }, matches: char('a') },
  { keys: 'l', description: 'chart: linear ↔ log', action: { type: 'toggle-scale' }, matches: char('l') },
  { keys: 'm', description: 'add a marker to the recording', action: { type: 'marker' }, matches: char('m') },
  { keys: '?', description: 'this help', action: { type: 'toggle-help' }, matches: char('?') },
  { keys: 'Esc', description: 'back to the scenario list', action: { type: 'to-picker' }, matches: (_, k) => !!k.escape },
  { keys: 'q Ctrl+C', description: 'quit', action: { type: 'quit' }, matches: (i, k) => char('q')(i, k) || (!!k.ctrl && i === 'c') },
];

export function trainingAction(input: string, key: KeyFlags): AppAction | undefined {
  return TRAINING_BINDINGS.find((b) => b.matches(input, key))?.action;
}

/** The help overlay's rows: bindings with a label (the second speed key shares the first's row). */
export function helpRows(): readonly { keys: string; description: string }[] {
  return TRAINING_BINDINGS.filter((b) => b.keys !== '').map(({ keys, description }) => ({ keys, description }));
}
