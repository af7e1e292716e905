/**
 * Editing the lights: a modal mode (only these keys act), since space, w, x and the arrows mean other
 * things here. Esc with changes in the draft asks once more (an arrow split over a slow SSH link can look
 * like Esc followed by text; it must not throw the edits away).
 */
import type { CommandTable } from './command.js';

export const EDIT_COMMANDS: CommandTable = [
  { keys: ['up'], description: 'the row above', action: { type: 'edit-move', direction: 'up' } },
  { keys: ['down'], description: 'the row below', action: { type: 'edit-move', direction: 'down' } },
  { keys: ['left'], description: 'the lamp to the left', action: { type: 'edit-move', direction: 'left' } },
  { keys: ['right'], description: 'the lamp to the right', action: { type: 'edit-move', direction: 'right' } },
  { keys: ['space'], description: 'turn the lamp on or off (dimmer lamps: the next brightness)', hint: 'lamp', action: { type: 'edit-toggle' } },
  { keys: ['w'], description: 'flip the row’s goal: WALK ↔ STOP', hint: 'WALK/STOP', action: { type: 'edit-label' } },
  { keys: ['o'], description: 'add a row below (lamps off, STOP)', hint: 'add', action: { type: 'edit-add' } },
  { keys: ['x'], description: 'delete the row', hint: 'delete', action: { type: 'edit-delete' } },
  { keys: ['enter'], description: 'apply: go on training the new lights from the current weights', hint: 'apply', action: { type: 'edit-apply' } },
  { keys: ['esc'], description: 'cancel the edits (with changes: press twice)', hint: 'cancel', action: { type: 'edit-cancel' } },
  { keys: ['W'], description: 'save the edited lights as a scenario in ./scenarios/', hint: 'save', action: { type: 'effect', kind: 'save-scenario' } },
  { keys: ['ctrl+l'], description: 'redraw the whole screen', action: { type: 'effect', kind: 'redraw' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', action: { type: 'quit' } },
  { keys: ['?'], description: 'all keys', hint: 'help', action: { type: 'toggle-help' } },
];
