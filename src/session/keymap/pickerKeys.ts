/** The picker's keys: move through the list (it scrolls, never wraps), open, help, quit. */
import type { CommandTable } from './command.js';

export const PICKER_COMMANDS: CommandTable = [
  { keys: ['down', 'j'], description: 'next scenario', hint: 'choose', hintKey: '↑↓', action: { type: 'picker-move', by: 1 } },
  { keys: ['up', 'k'], description: 'previous scenario', action: { type: 'picker-move', by: -1 } },
  { keys: ['pagedown'], description: 'a page down', action: { type: 'picker-move', by: 'page' } },
  { keys: ['pageup'], description: 'a page up', action: { type: 'picker-move', by: '-page' } },
  { keys: ['home'], description: 'first scenario', action: { type: 'picker-move', by: 'first' } },
  { keys: ['end'], description: 'last scenario', action: { type: 'picker-move', by: 'last' } },
  { keys: ['enter'], description: 'open the highlighted scenario', hint: 'open', action: { type: 'open-highlighted' } },
  { keys: ['ctrl+l'], description: 'redraw the whole screen', action: { type: 'effect', kind: 'redraw' } },
  { keys: ['?'], description: 'all keys', hint: 'help', action: { type: 'toggle-help' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', hint: 'quit', action: { type: 'quit' } },
];
