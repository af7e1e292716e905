/** Over the help, only these keys act: help is modal, so nothing moves behind it. */
import type { CommandTable } from './command.js';

export const HELP_COMMANDS: CommandTable = [
  { keys: ['?', 'esc'], description: 'close this help', hint: 'close', action: { type: 'toggle-help' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', hint: 'quit', action: { type: 'quit' } },
];
