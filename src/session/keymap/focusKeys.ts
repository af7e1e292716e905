/** Focus (`z` on the training screen): `z` shows the next panel alone, Esc the whole screen again; every other key is the screen's. */
import type { CommandTable } from './command.js';

export const FOCUS_COMMANDS: CommandTable = [
  { keys: ['z'], description: 'the next panel alone, large', hint: 'next panel', action: { type: 'focus-cycle' } },
  { keys: ['esc'], description: 'back to the whole screen', hint: 'all panels', action: { type: 'focus-close' } },
];
