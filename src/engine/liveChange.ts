/**
 * Changing a run while it trains (live editing, the alpha ladder): the change is made at an iteration
 * boundary, the iteration in progress (if any) finished first with the setup it started with, and the
 * run goes on from the weights it has with the new setup (trainer.continueWith).
 */
import { atBoundary, continueWith, stepIteration, type TrainerState } from './trainer.js';
import type { TrainingSetup } from './types.js';

export interface LiveChange {
  /** The state the change was made from: `state` itself, or the end of the iteration it was in. */
  readonly boundary: TrainerState;
  /** The run going on with the new setup. */
  readonly state: TrainerState;
  /** Whether an iteration in progress had to be finished first. */
  readonly finishedIteration: boolean;
}

/**
 * Goes on with `setup` (made from the setup in force at the boundary). When the rows stay the same (an
 * alpha or iteration change), what the screen shows of them stays too: the last row's trace and every
 * row's latest prediction; new rows start over (continueWith).
 */
export function changeLive(state: TrainerState, makeSetup: (boundary: TrainerState) => TrainingSetup): LiveChange {
  const finishedIteration = !atBoundary(state);
  const boundary = finishedIteration ? stepIteration(state) : state;
  const setup = makeSetup(boundary);
  const next = continueWith(boundary, setup);
  const sameRows = setup.inputs === boundary.setup.inputs && setup.labels === boundary.setup.labels && setup.trainRows === boundary.setup.trainRows;
  const kept = sameRows ? { ...next, trace: boundary.trace, lastPhase: boundary.lastPhase, predictions: boundary.predictions } : next;
  return { boundary, state: kept, finishedIteration };
}
