/** While a run to the end trains in slices: quit still quits; any other key stops it at an iteration boundary. */
import { ANY_KEY, type CommandTable } from './command.js';

export const RUNNING_COMMANDS: CommandTable = [
  { keys: ['q', 'ctrl+c'], description: 'quit', hint: 'quit', action: { type: 'quit' } },
  { keys: [ANY_KEY], description: 'stop at the end of the iteration in progress', hint: 'stop', hintKey: 'any key', action: { type: 'stop-run' } },
];
