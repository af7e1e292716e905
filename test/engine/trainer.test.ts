/**
 * The stepwise trainer against independent numbers: numpy code written from the spec's definitions of
 * sgd, full and batch (and the notebook's 3-layer cell), in test/fixtures/make_fixtures.py. Every
 * built-in scenario, the override runs the CLI tests use, and the user scenario files are checked, each
 * iteration's error, held-out error and weights, with ===.
 */
import { describe, expect, it } from 'vitest';
import { initialState, stepIteration, type TrainerState } from '../../src/engine/trainer.js';
import { expectExact, flat, setupOf, TRAINING } from './fixtures.js';

/** Steps iteration by iteration, keeping each completed iteration's snapshot. */
function iterations(state: TrainerState): TrainerState[] {
  const out: TrainerState[] = [];
  for (let s = state; !s.done; ) {
    s = stepIteration(s);
    out.push(s);
  }
  return out;
}

describe('the fixture', () => {
  it('covers every mode for both nets, short last batches and held-out rows', () => {
    const cases = Object.values(TRAINING);
    for (const layers of [2, 3]) {
      const modes = cases.filter((c) => c.layers === layers).map((c) => `${c.mode}${c.mode === 'batch' ? c.batch_size : ''}`);
      expect(new Set(modes)).toEqual(new Set(['sgd', 'full', ...modes.filter((m) => m.startsWith('batch'))]));
      expect(modes.some((m) => m.startsWith('batch'))).toBe(true);
    }
    // Short last groups: 6 rows in 4 + 2 and 5 + 1, 4 rows in 3 + 1, 5 rows in 3 + 2.
    expect(cases.some((c) => c.mode === 'batch' && c.train.length % c.batch_size !== 0 && c.layers === 2)).toBe(true);
    expect(cases.some((c) => c.mode === 'batch' && c.train.length % c.batch_size !== 0 && c.layers === 3)).toBe(true);
    expect(cases.filter((c) => c.held_out.length > 0).map((c) => c.mode)).toEqual(expect.arrayContaining(['sgd', 'full', 'batch']));
    expect(cases.some((c) => c.inputs[0]!.length === 5 && c.hidden === 6 && c.layers === 3)).toBe(true);
  });
});

describe.each(Object.entries(TRAINING))('%s', (_name, c) => {
  const runs = iterations(initialState(setupOf(c)));

  it('runs the scenario’s number of iterations', () => {
    expect(runs).toHaveLength(c.iterations);
    expect(runs.at(-1)!.done).toBe(true);
  });

  it('has numpy’s error for every iteration', () => {
    expectExact(runs.at(-1)!.errors.toArray(), c.errors, 'errors');
  });

  it('has numpy’s weights after every iteration', () => {
    runs.forEach((s, i) => expectExact(flat(s.weights), flat(c.weights[i]!), `weights after iteration ${i + 1}`));
  });

  it('has numpy’s last predictions for the training rows', () => {
    const last = runs.at(-1)!;
    expectExact(
      c.train.map((row) => last.predictions[row]!),
      c.predictions,
      'predictions',
    );
  });

  it('has numpy’s held-out error after every iteration', () => {
    expectExact(runs.at(-1)!.heldOutErrors.toArray(), c.held_out_errors, 'held-out errors');
  });
});
