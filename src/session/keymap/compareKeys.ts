/**
 * Comparing two runs: the training screen's stepping keys, each moving both runs, and Esc to leave; and
 * the menu `c` opens to choose what the second run changes. Both are modal: mode and activation keys
 * would restart one run and break the lockstep, so they are not here (the menu sets them).
 */
import type { AppAction } from '../app.js';
import type { Command, CommandTable } from './command.js';
import { TRAINING_COMMANDS } from './trainingKeys.js';

/** What the comparison takes from the training screen's keys (the same keys, descriptions and hints). */
const LOCKSTEP: ReadonlySet<AppAction['type']> = new Set(['step', 'back', 'toggle-play', 'reset', 'speed', 'toggle-scale', 'marker', 'effect', 'quit', 'toggle-help']);

const shared = TRAINING_COMMANDS.filter((c) => LOCKSTEP.has(c.action.type) && !(c.action.type === 'effect' && c.action.kind !== 'redraw'));

const leave: Command = { keys: ['esc'], description: 'leave the comparison (the first run stays as it is)', hint: 'leave', action: { type: 'compare-leave' } };
const afterBack = shared.findIndex((c) => c.action.type === 'back') + 1;

/** The stepping keys, Esc to leave (hinted right after back, so 80 columns show it), the rest, the help key last. */
export const COMPARE_COMMANDS: CommandTable = [...shared.slice(0, afterBack), leave, ...shared.slice(afterBack)];

export const COMPARE_MENU_COMMANDS: CommandTable = [
  { keys: ['down', 'j'], description: 'the next setting', hint: 'setting', hintKey: '↑↓', action: { type: 'compare-menu-move', by: 1 } },
  { keys: ['up', 'k'], description: 'the setting before', action: { type: 'compare-menu-move', by: -1 } },
  { keys: ['right'], description: 'the next value for the second run', hint: 'value', hintKey: '← →', action: { type: 'compare-menu-change', by: 1 } },
  { keys: ['left'], description: 'the value before', action: { type: 'compare-menu-change', by: -1 } },
  { keys: ['enter'], description: 'start both runs from the same start, in lockstep', hint: 'compare', action: { type: 'compare-start' } },
  { keys: ['esc'], description: 'close the menu', hint: 'cancel', action: { type: 'compare-leave' } },
  { keys: ['ctrl+l'], description: 'redraw the whole screen', action: { type: 'effect', kind: 'redraw' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', action: { type: 'quit' } },
  { keys: ['?'], description: 'all keys', hint: 'help', action: { type: 'toggle-help' } },
];
