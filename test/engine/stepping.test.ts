/**
 * Every way of stepping reaches the same state: by phases, by rows, mixed, then by iterations, as by
 * iterations alone; runToEnd as stepping to the end; and the fast kernel as the stepwise trainer, bit for
 * bit. Checked for every built-in scenario in every mode (and the 5-input, 6-hidden user file).
 */
import { describe, expect, it } from 'vitest';
import { trainToEnd } from '../../src/engine/kernel.js';
import {
  initialState,
  nextPhase,
  phasesOf,
  runToEnd,
  stepIteration,
  stepPhase,
  stepRow,
  type TrainerState,
} from '../../src/engine/trainer.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { essence, SETUPS, TRAINING } from './fixtures.js';

type Stepper = (s: TrainerState, n: number) => TrainerState;

/** Steps with `step(state, n)` (n counts the steps taken) until done, keeping each iteration's first snapshot. */
function walk(setup: TrainingSetup, step: Stepper): TrainerState[] {
  const byIteration: TrainerState[] = [];
  let s = initialState(setup);
  for (let n = 0; !s.done; n++) {
    const before = s.iteration;
    s = step(s, n);
    if (s.iteration !== before) byIteration.push(s);
  }
  return byIteration;
}

const byIterations: Stepper = (s) => stepIteration(s);
const byPhases: Stepper = (s) => stepPhase(s);
const byRows: Stepper = (s) => stepRow(s);
/** An irregular mix, so that rows, batches and iterations are entered at every phase. */
const mixed: Stepper = (s, n) => [stepPhase, stepRow, stepPhase, stepPhase, stepIteration, stepRow, stepPhase][n % 7]!(s);

/** `count` phases (or rows), then whole iterations to the end. */
function thenIterations(first: (s: TrainerState) => TrainerState, count: number): Stepper {
  return (s, n) => (n < count ? first(s) : stepIteration(s));
}

describe.each(SETUPS)('%s', (_name, setup) => {
  const reference = walk(setup, byIterations);
  const phasesPerIteration = phasesOf(setup).length * setup.trainRows.length;

  it('steps by iterations to the scenario’s end', () => {
    expect(reference).toHaveLength(setup.iterations);
  });

  it.each([
    ['phases', byPhases],
    ['rows', byRows],
    ['a mix of phases, rows and iterations', mixed],
  ] as const)('by %s: the same state after every iteration', (_how, stepper) => {
    expect(walk(setup, stepper).map(essence)).toEqual(reference.map(essence));
  });

  it('a few phases (any count, mid-row and mid-batch), then iterations: the same states', () => {
    for (let count = 1; count <= phasesPerIteration + 2; count++) {
      const states = walk(setup, thenIterations(stepPhase, count));
      expect(states.map(essence), `${count} phases first`).toEqual(reference.map(essence));
    }
  });

  it('a few rows, then iterations: the same states', () => {
    for (let count = 1; count <= setup.trainRows.length + 1; count++) {
      expect(walk(setup, thenIterations(stepRow, count)).map(essence), `${count} rows first`).toEqual(reference.map(essence));
    }
  });

  it('runToEnd equals stepping to the end, from the start and from mid-row', () => {
    const end = essence(reference.at(-1)!);
    expect(essence(runToEnd(initialState(setup)))).toEqual(end);
    let s = initialState(setup);
    for (let k = 0; k < phasesPerIteration + 3 && !s.done; k++) {
      s = stepPhase(s);
      expect(essence(runToEnd(s)), `after ${k + 1} phases`).toEqual(end);
    }
  });

  it('the kernel gives the stepwise trainer’s numbers, bit for bit', () => {
    const seen: { error: number; held: number | undefined; predictions: number[]; weights: Weights }[] = [];
    const final = trainToEnd(setup, (it) => {
      expect(it.iteration).toBe(seen.length + 1);
      seen.push({ error: it.error, held: it.heldOutError, predictions: Array.from(it.predictions), weights: it.weights() });
    });
    expect(seen).toEqual(
      reference.map((s, i) => ({
        error: s.errors.at(i),
        held: setup.heldOutRows.length > 0 ? s.heldOutErrors.at(i) : undefined,
        predictions: setup.trainRows.map((row) => s.predictions[row]),
        weights: s.weights,
      })),
    );
    expect(final).toEqual(reference.at(-1)!.weights);
  });

  it('the kernel resumes from any iteration with the same numbers', () => {
    const from = Math.floor(setup.iterations / 2);
    const errors: number[] = [];
    const final = trainToEnd({ ...setup, initialWeights: reference[from - 1]!.weights }, (it) => errors.push(it.error), from);
    expect(errors).toEqual(reference.at(-1)!.errors.toArray().slice(from));
    expect(final).toEqual(reference.at(-1)!.weights);
  });
});

describe('phases', () => {
  it('a 2-layer row is predict, compare, update; a 3-layer row adds backpropagate', () => {
    const two = BUILT_INS.find((s) => s.id === 'whole-dataset')!;
    const three = BUILT_INS.find((s) => s.id === 'deep-net')!;
    expect(phasesOf(buildSetup(two))).toEqual(['predict', 'compare', 'update']);
    expect(phasesOf(buildSetup(three))).toEqual(['predict', 'compare', 'backpropagate', 'update']);
    let s = initialState(buildSetup(three));
    const seen = [];
    for (let i = 0; i < 5; i++) {
      seen.push(nextPhase(s));
      s = stepPhase(s);
      expect(s.lastPhase).toBe(seen.at(-1));
    }
    expect(seen).toEqual(['predict', 'compare', 'backpropagate', 'update', 'predict']);
    expect(s.cursor).toBe(1);
  });

  it('in batch mode the weights wait for the end of the batch', () => {
    const setup = buildSetup(BUILT_INS.find((s) => s.id === 'batch-gd')!);
    const row1 = stepRow(initialState(setup));
    expect(row1.trace!.applied).toBe(false);
    expect(row1.weights).toEqual(setup.initialWeights);
    expect(row1.pendingCount).toBe(1);
    const row2 = stepRow(row1);
    expect(row2.trace!.applied).toBe(true);
    expect(row2.weights).not.toEqual(setup.initialWeights);
    expect(row2.previousWeights).toEqual(setup.initialWeights);
    expect(row2.pending).toBeUndefined();
  });

  it('a finished run does not step further', () => {
    const done = runToEnd(initialState(buildSetup(BUILT_INS[0]!)));
    expect(stepPhase(done)).toBe(done);
    expect(stepRow(done)).toBe(done);
    expect(stepIteration(done)).toBe(done);
    expect(runToEnd(done)).toBe(done);
  });
});
