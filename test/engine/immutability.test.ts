/**
 * Snapshots are never changed in place. Deep-frozen snapshots can be stepped from (writing into one
 * would throw: modules run in strict mode), and a snapshot reads the same before and after any number
 * of later steps, including steps that branch off an older snapshot.
 *
 * The error lists are AppendLists, which share one buffer between a snapshot and its successors by
 * design (copying every iteration would make long runs quadratic). Freezing that buffer would forbid
 * the sharing, so the lists are frozen only shallowly and checked through toArray() instead.
 */
import { describe, expect, it } from 'vitest';
import { AppendList } from '../../src/engine/appendList.js';
import { startLongRun } from '../../src/engine/longRun.js';
import { initialState, runToEnd, stepIteration, stepPhase, stepRow, type TrainerState } from '../../src/engine/trainer.js';
import type { Mode } from '../../src/engine/types.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value)) return value;
  seen.add(value);
  Object.freeze(value);
  if (value instanceof AppendList) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return value;
}

/** A plain, deep copy of what a snapshot shows, to compare a snapshot with itself later. */
function picture(s: TrainerState): unknown {
  return structuredClone({ ...s, errors: s.errors.toArray(), heldOutErrors: s.heldOutErrors.toArray(), path: { stride: s.path.stride, points: s.path.points.toArray() } });
}

const CASES = BUILT_INS.flatMap((scenario) =>
  (['sgd', 'batch', 'full'] as Mode[]).map((mode) => [scenario.id, mode, buildSetup(scenario, { mode, batchSize: 4 })] as const),
);

describe.each(CASES)('%s, %s', (_id, _mode, setup) => {
  it('every step works from a deep-frozen snapshot and leaves it as it was', () => {
    let s = deepFreeze(initialState(setup));
    const pictures: [TrainerState, unknown][] = [];
    for (let n = 0; !s.done; n++) {
      pictures.push([s, picture(s)]);
      const step = [stepPhase, stepRow, stepPhase, stepIteration][n % 4]!;
      s = deepFreeze(step(s));
    }
    for (const [snapshot, before] of pictures) expect(picture(snapshot)).toEqual(before);
  });

  it('runToEnd from a frozen snapshot leaves it as it was', () => {
    const mid = deepFreeze(stepPhase(stepIteration(initialState(setup))));
    const before = picture(mid);
    const end = runToEnd(mid);
    expect(end.done).toBe(true);
    expect(picture(mid)).toEqual(before);
  });

  it('a long run from a frozen snapshot leaves it, and every snapshot it hands out, as they were', () => {
    const mid = deepFreeze(stepPhase(stepIteration(initialState(setup))));
    const before = picture(mid);
    const run = startLongRun(mid, { checkpointBytes: 1, rebuildBytes: 1 });
    const handedOut: [TrainerState, unknown][] = [];
    while (!run.done) {
      run.advance(2 * setup.trainRows.length);
      const s = deepFreeze(run.state());
      handedOut.push([s, picture(s)]);
      handedOut.push(...[stepIteration(s), stepPhase(s)].map((t) => [t, picture(t)] as [TrainerState, unknown]));
    }
    for (let k = run.iteration; k > mid.iteration; k--) run.stateAt(k);
    expect(picture(mid)).toEqual(before);
    for (const [snapshot, was] of handedOut) expect(picture(snapshot)).toEqual(was);
  });

  it('the error lists of older snapshots stay put while later ones grow, and when a step branches off', () => {
    const start = initialState(setup);
    const third = [stepIteration, stepIteration, stepIteration].reduce((s, f) => f(s), start);
    const thirdErrors = third.errors.toArray();
    expect(thirdErrors).toHaveLength(Math.min(3, setup.iterations));
    // Later steps append to the shared buffer.
    let later = third;
    for (let i = 0; i < 5; i++) later = stepIteration(later);
    const laterErrors = later.errors.toArray();
    expect(third.errors.toArray()).toEqual(thirdErrors);
    // A branch from the third iteration, with another learning rate, must copy rather than overwrite.
    const branch = stepIteration(stepIteration({ ...third, setup: { ...setup, alpha: setup.alpha / 2 } }));
    expect(third.errors.toArray()).toEqual(thirdErrors);
    expect(later.errors.toArray()).toEqual(laterErrors);
    if (!third.done) {
      expect(branch.errors.toArray().slice(0, thirdErrors.length)).toEqual(thirdErrors);
      // The branch's 4th error may still match (full mode predicts it with the 3rd iteration's weights);
      // its 5th is made with weights that moved at another rate, unless the net is dead by then (one-iteration's
      // three relu nodes are all off from iteration 4 on: its error is 2 whatever the rate).
      const dead = later.errors.at(4) === later.errors.at(3);
      if (!dead) expect(branch.errors.at(4)).not.toBe(later.errors.at(4));
      expect(branch.errors.at(4)).not.toBe(undefined);
    }
    expect(start.errors.length).toBe(0);
    expect(start.weights).toEqual(setup.initialWeights);
  });
});

describe('AppendList', () => {
  it('appending to an older list copies; appending to the newest shares', () => {
    const a = AppendList.of([1, 2]);
    const b = a.append(3);
    const c = a.append(4);
    expect([a.toArray(), b.toArray(), c.toArray()]).toEqual([[1, 2], [1, 2, 3], [1, 2, 4]]);
    const d = b.append(5);
    expect([b.toArray(), d.toArray(), d.tail(2), d.last(), d.at(9)]).toEqual([[1, 2, 3], [1, 2, 3, 5], [3, 5], 5, undefined]);
  });
});
