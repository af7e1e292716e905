/**
 * The training screen's keys that open an instrument or change the run live: the weight inspector,
 * editing the lights, the alpha ladder, comparing two runs, saving and exporting. trainingKeys.ts takes
 * them into its table (help and README list them with the training keys); each mode's own keys are in
 * inspectKeys.ts, editKeys.ts and compareKeys.ts.
 */
import type { CommandTable } from './command.js';

export const INSTRUMENT_COMMANDS: CommandTable = [
  { keys: ['i'], description: 'inspect a weight’s arithmetic', hint: 'inspect', action: { type: 'inspect-open' } },
  { keys: ['d'], description: 'edit the street lights', hint: 'edit', action: { type: 'edit-open' } },
  { keys: ['c'], description: 'compare with a second run', hint: 'compare', action: { type: 'compare-menu' } },
  { keys: [']'], description: 'α up the ladder 0.001 … 2', hint: 'α', hintKey: '[ ]', action: { type: 'alpha-step', by: 1 } },
  { keys: ['['], description: 'α down the ladder', action: { type: 'alpha-step', by: -1 } },
  { keys: ['X'], description: 'export the run as numpy', hint: 'numpy', action: { type: 'effect', kind: 'export-numpy' } },
  { keys: ['W'], description: 'save the run as a scenario', action: { type: 'effect', kind: 'save-scenario' } },
];
