/** The weight inspector's keys: arrows move the cursor over the weights; the training keys go on working under it. */
import type { CommandTable } from './command.js';

export const INSPECT_COMMANDS: CommandTable = [
  { keys: ['up'], description: 'the weight above (3-layer nets: the lamp above, or weights_1_2 from the last lamp)', hint: 'weight', hintKey: 'arrows', action: { type: 'inspect-move', direction: 'up' } },
  { keys: ['down'], description: 'the weight below', action: { type: 'inspect-move', direction: 'down' } },
  { keys: ['left'], description: 'the weight to the left (3-layer nets: the hidden node before)', action: { type: 'inspect-move', direction: 'left' } },
  { keys: ['right'], description: 'the weight to the right', action: { type: 'inspect-move', direction: 'right' } },
  { keys: ['esc', 'i'], description: 'close the inspector', hint: 'close', action: { type: 'inspect-close' } },
];
