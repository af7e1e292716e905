/** The training screen's keys, in the order the help lists them and the hint line offers them. */
import type { CommandTable } from './command.js';
import { INSTRUMENT_COMMANDS } from './instrumentKeys.js';

const deep = (s: { session?: { trainer: { weights: { layers: number } } } }) => s.session?.trainer.weights.layers === 3;

export const TRAINING_COMMANDS: CommandTable = [
  { keys: ['s'], description: 'one phase (predict, compare, backpropagate, update)', hint: 'phase', action: { type: 'step', step: 'phase' } },
  { keys: ['n'], description: 'one row', hint: 'row', action: { type: 'step', step: 'row' } },
  { keys: ['space', 'right'], description: 'one iteration', hint: 'iteration', action: { type: 'step', step: 'iteration' } },
  { keys: ['b', 'left'], description: 'back one step (the exact earlier state)', hint: 'back', action: { type: 'back' } },
  { keys: ['p'], description: 'play / pause', hint: 'play', action: { type: 'toggle-play' } },
  { keys: ['e', 'end'], description: 'run to the end (any key stops a long run)', hint: 'end', action: { type: 'step', step: 'end' } },
  { keys: ['r', 'home'], description: 'reset to the same start', hint: 'reset', action: { type: 'reset' } },
  ...INSTRUMENT_COMMANDS,
  { keys: ['g'], description: 'gradient descent: sgd → batch → full (2-layer nets)', hint: 'sgd/batch/full', action: { type: 'cycle-mode' }, offered: (s) => !deep(s) },
  { keys: ['a'], description: 'activation: relu ↔ linear (3-layer nets)', hint: 'relu/linear', action: { type: 'toggle-activation' }, offered: deep },
  { keys: ['+'], aliases: ['='], description: 'play faster', hint: 'faster', action: { type: 'speed', by: 1 } },
  { keys: ['-'], aliases: ['_'], description: 'play slower', hint: 'slower', action: { type: 'speed', by: -1 } },
  { keys: ['l'], description: 'error chart: linear ↔ log scale', hint: 'log', action: { type: 'toggle-scale' } },
  { keys: ['m'], description: 'add a marker to the recording', hint: 'marker', action: { type: 'marker' } },
  { keys: ['ctrl+l'], description: 'redraw the whole screen (a garbled SSH screen)', action: { type: 'effect', kind: 'redraw' } },
  { keys: ['esc'], description: 'back to the scenario list', hint: 'list', action: { type: 'to-picker' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', hint: 'quit', action: { type: 'quit' } },
  { keys: ['?'], description: 'all keys', hint: 'help', action: { type: 'toggle-help' } },
];
