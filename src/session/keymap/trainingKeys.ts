/**
 * The training screen's keys, in the order the help lists them and the hint line offers them. The
 * help shows `description` (kept short: at 80 columns two columns of it must fit); the README's key
 * table shows `details` where a key needs more words.
 */
import type { CommandTable } from './command.js';
import { INSTRUMENT_COMMANDS } from './instrumentKeys.js';

const deep = (s: { session?: { trainer: { weights: { layers: number } } } }) => s.session?.trainer.weights.layers === 3;

export const TRAINING_COMMANDS: CommandTable = [
  { keys: ['s'], description: 'one phase of the row', details: 'one phase: predict, compare, backpropagate (3-layer nets), update', hint: 'phase', action: { type: 'step', step: 'phase' } },
  { keys: ['n'], description: 'one row', hint: 'row', action: { type: 'step', step: 'row' } },
  { keys: ['space', 'right'], description: 'one iteration', hint: 'iteration', action: { type: 'step', step: 'iteration' } },
  { keys: ['b', 'left'], description: 'back one step, exactly', details: 'back one step, to the exact earlier state (after a run to the end, one iteration at a time)', hint: 'back', action: { type: 'back' } },
  { keys: ['p'], description: 'play / pause', hint: 'play', action: { type: 'toggle-play' } },
  { keys: ['e', 'end'], description: 'run to the end', details: 'run to the end (a long run trains in slices: any key stops it)', hint: 'end', action: { type: 'step', step: 'end' } },
  { keys: ['r', 'home'], description: 'reset to the same start', hint: 'reset', action: { type: 'reset' } },
  { keys: ['g'], description: 'sgd → batch → full', details: 'gradient descent: sgd → batch → full (2-layer nets)', hint: 'sgd/batch/full', action: { type: 'cycle-mode' }, offered: (s) => !deep(s) },
  { keys: ['a'], description: 'relu ↔ linear', details: 'activation: relu ↔ linear (3-layer nets)', hint: 'relu/linear', action: { type: 'toggle-activation' }, offered: deep },
  { keys: ['+'], aliases: ['='], description: 'play faster', hint: 'faster', action: { type: 'speed', by: 1 } },
  { keys: ['-'], aliases: ['_'], description: 'play slower', hint: 'slower', action: { type: 'speed', by: -1 } },
  { keys: ['l'], description: 'chart: linear ↔ log', details: 'error chart: linear ↔ log scale', hint: 'log', action: { type: 'toggle-scale' } },
  {
    keys: ['v'],
    description: 'next side view',
    details: "next side view: the book's pressure table, the pushes now, the intermediate dataset, the other chart",
    hint: 'view',
    action: { type: 'cycle-view' },
  },
  {
    keys: ['w'],
    description: 'network: forward ↔ back',
    details: "network: its forward lines ↔ the way back (deltas, weight deltas), where both do not fit (3-layer nets)",
    hint: 'way back',
    action: { type: 'toggle-network-page' },
    offered: deep,
  },
  {
    keys: ['t'],
    description: 'train the next row too',
    details: 'train on the next held-out row too (overfitting: the equilibrium breaks)',
    hint: 'train next row',
    action: { type: 'train-next-row' },
    offered: (s) => (s.session?.trainer.setup.heldOutRows.length ?? 0) > 0,
  },
  ...INSTRUMENT_COMMANDS,
  { keys: ['z'], description: 'focus on one panel', details: 'focus: one panel alone and large (z again: the next one, Esc back)', action: { type: 'focus-cycle' } },
  { keys: ['m'], description: 'marker in the recording', details: 'add a marker to the recording', hint: 'marker', action: { type: 'marker' } },
  { keys: ['ctrl+l'], description: 'redraw the screen', details: 'redraw the whole screen (a garbled SSH screen)', action: { type: 'effect', kind: 'redraw' } },
  { keys: ['esc'], description: 'back to the scenario list', hint: 'list', action: { type: 'to-picker' } },
  { keys: ['q', 'ctrl+c'], description: 'quit', hint: 'quit', action: { type: 'quit' } },
  { keys: ['?'], description: 'all keys', hint: 'help', action: { type: 'toggle-help' } },
];
