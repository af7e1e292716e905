/**
 * A long run in slices rebuilds exactly the snapshots that stepping iteration by iteration gives: after
 * every slice (state) and for every iteration it went through (stateAt), from the start and from mid-row,
 * with checkpoints every iteration and far apart, in every mode of every built-in, the 5 x 6 user file and
 * nets big enough for the lit-lamps loop. Also: memory stays bounded, and continueWith.
 */
import { describe, expect, it } from 'vitest';
import { AppendList } from '../../src/engine/appendList.js';
import { startLongRun, type LongRunOptions } from '../../src/engine/longRun.js';
import { atBoundary, continueWith, initialState, stepIteration, stepPhase, stepRow, type TrainerState } from '../../src/engine/trainer.js';
import type { TrainingSetup, Weights } from '../../src/engine/types.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { binarySetup, essence, SETUPS } from './fixtures.js';

/** Stepping iteration by iteration: reference[k] is the snapshot after iteration k (reference[0] the start). */
function stepped(setup: TrainingSetup): TrainerState[] {
  const out = [initialState(setup)];
  while (!out.at(-1)!.done) out.push(stepIteration(out.at(-1)!));
  return out;
}

const BIG: [string, TrainingSetup][] = [
  ['lit lamps 30 x 20 x 32 relu', binarySetup({ rows: 30, inputs: 20, hidden: 32, activation: 'relu', alpha: 0.01, seed: 5 }, 40)],
  ['lit lamps 12 x 6 x 8 linear', binarySetup({ rows: 12, inputs: 6, hidden: 8, activation: 'linear', alpha: 0.02, seed: 6 }, 40)],
];

/** Checkpoints at every iteration, every few, and only at the start; keeps of one iteration and of many. */
const OPTIONS: [string, (weights: number) => LongRunOptions][] = [
  ['default budgets', () => ({})],
  ['three checkpoints, one iteration kept', (weights) => ({ checkpointBytes: 8 * 3 * weights, rebuildBytes: 1 })],
  ['no checkpoint but the start', () => ({ checkpointBytes: 0 })],
];

describe.each([...SETUPS, ...BIG])('%s', (_name, setup) => {
  const reference = stepped(setup);
  const rows = setup.trainRows.length + setup.heldOutRows.length;

  it.each(OPTIONS)('from the start, in slices (%s): state() and stateAt(k) as stepping', (_how, options) => {
    const run = startLongRun(reference[0]!, options(weightCount(setup)));
    expect(run.state()).toBe(reference[0]);
    const seen: number[] = [];
    for (let slice = 0; !run.done; slice++) {
      run.advance([1, 3 * rows, 7 * rows][slice % 3]!);
      seen.push(run.iteration);
      expect(essence(run.state()), `after iteration ${run.iteration}`).toEqual(essence(reference[run.iteration]!));
    }
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(setup.iterations);
    // The back key walks down one by one; then any order.
    for (let k = run.iteration; k >= 0; k--) expect(essence(run.stateAt(k)), `stateAt(${k})`).toEqual(essence(reference[k]!));
    for (const k of [3, 1, setup.iterations - 1, 2, setup.iterations]) expect(essence(run.stateAt(k))).toEqual(essence(reference[k]!));
    expect(run.stateAt(0)).toBe(reference[0]);
  });

  it('from mid-row: the first slice finishes the iteration stepwise, then the same states', () => {
    const starts = [stepPhase(reference[1]!), stepRow(stepPhase(reference[2]!)), stepPhase(stepPhase(reference[0]!))];
    // (With one training row, a row is a whole iteration: those starts are boundaries, tested above.)
    for (const start of starts.filter((s) => !atBoundary(s))) {
      const run = startLongRun(start, { checkpointBytes: 8 * 4 * weightCount(setup) });
      expect(run.iteration).toBe(start.iteration);
      run.advance(0);
      expect(run.iteration).toBe(start.iteration + 1);
      expect(essence(run.state())).toEqual(essence(reference[start.iteration + 1]!));
      run.advance(Infinity);
      expect(run.done).toBe(true);
      expect(essence(run.state())).toEqual(essence(reference.at(-1)!));
      for (let k = run.iteration; k > start.iteration; k--) expect(essence(run.stateAt(k)), `stateAt(${k})`).toEqual(essence(reference[k]!));
      expect(() => run.stateAt(start.iteration)).toThrow(RangeError);
    }
  });

  it('stepping on from a rebuilt state gives the reference, and leaves the run’s snapshots as they were', () => {
    const run = startLongRun(reference[0]!, { checkpointBytes: 8 * 3 * weightCount(setup), rebuildBytes: 1 });
    run.advance(Infinity);
    const middle = Math.floor(setup.iterations / 2);
    const before = essence(run.stateAt(middle + 1));
    expect(essence(stepIteration(run.stateAt(middle)))).toEqual(essence(reference[middle + 1]!));
    expect(essence(stepIteration(stepPhase(run.stateAt(middle))))).toEqual(essence(reference[middle + 1]!));
    expect(essence(run.stateAt(middle + 1))).toEqual(before);
    expect(essence(run.state())).toEqual(essence(reference.at(-1)!));
  });
});

function weightCount(setup: TrainingSetup): number {
  const w = setup.initialWeights;
  return w.layers === 2 ? w.weights.length : w.weights_0_1.length * w.weights_1_2.length + w.weights_1_2.length;
}

describe('bounds', () => {
  it('a 64 x 256 net planned for 10^6 iterations: at most 12 MB of checkpoints', () => {
    const setup = binarySetup({ rows: 4, inputs: 64, hidden: 256, activation: 'relu', alpha: 0.001, seed: 7 }, 1_000_000);
    const run = startLongRun(initialState(setup));
    run.advance(1);
    const { interval } = run.checkpoints;
    const perCheckpoint = (64 * 256 + 256) * 8;
    expect(Math.ceil(1_000_000 / interval) + 1).toBeLessThanOrEqual(Math.floor((12 * 1024 * 1024) / perCheckpoint));
    expect(run.checkpoints.bytes).toBe(perCheckpoint);
  });

  it('the book’s deep net over 10^6 iterations: at most 4,096 checkpoints, and stateAt still exact', () => {
    const setup = buildSetup(BUILT_INS.find((s) => s.id === 'deep-net')!, { iterations: 1_000_000 });
    const run = startLongRun(initialState(setup));
    while (!run.done) run.advance(400_000);
    expect(run.checkpoints.count).toBeLessThanOrEqual(4096);
    expect(run.checkpoints.interval).toBe(245);
    const end = run.state();
    expect(end.errors.length).toBe(1_000_000);
    for (const k of [999_999, 500_000, 123_457]) {
      expect(essence(stepIteration(run.stateAt(k - 1))), `stateAt(${k})`).toEqual(essence(run.stateAt(k)));
      expect(run.stateAt(k).errors.toArray()).toEqual(end.errors.toArray().slice(0, k));
    }
  });

  it('advance spends about the row budget, at least one iteration, never past the end', () => {
    const setup = buildSetup(BUILT_INS.find((s) => s.id === 'deep-net')!);
    const run = startLongRun(initialState(setup));
    run.advance(0);
    expect(run.iteration).toBe(1);
    run.advance(4 * 10);
    expect(run.iteration).toBe(11);
    run.advance(4 * 10 + 3);
    expect(run.iteration).toBe(21);
    run.advance(1e9);
    expect(run.iteration).toBe(60);
    run.advance(1e9);
    expect(run.iteration).toBe(60);
  });
});

describe('AppendList', () => {
  it('appending the next item of the shared buffer shares it; another item copies', () => {
    const all = AppendList.of([1, 2, 3, 4]);
    const two = all.prefix(2);
    expect(two.toArray()).toEqual([1, 2]);
    const three = two.append(3);
    expect(three.toArray()).toEqual([1, 2, 3]);
    expect(three.append(4).append(5).toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(two.append(9).toArray()).toEqual([1, 2, 9]);
    expect(all.toArray()).toEqual([1, 2, 3, 4]);
    expect(two.appendAll([3, 4, 7]).toArray()).toEqual([1, 2, 3, 4, 7]);
    expect(all.toArray()).toEqual([1, 2, 3, 4]);
    expect(all.appendAll(Float64Array.of(8, 9, 10), 2).toArray()).toEqual([1, 2, 3, 4, 8, 9]);
    expect(() => all.prefix(5)).toThrow(RangeError);
  });
});

describe('continueWith', () => {
  const overfit = buildSetup(BUILT_INS.find((s) => s.id === 'overfit')!);
  const rows = overfit.inputs.map((_, i) => i);

  it('adds a row to the training set: the weights, iteration and errors go on; the next iteration trains both rows', () => {
    const after3 = stepIteration(stepIteration(stepIteration(initialState(overfit))));
    const wider: TrainingSetup = { ...overfit, trainRows: [0, 1], heldOutRows: rows.filter((r) => r > 1), iterations: 10 };
    const next = continueWith(after3, wider);
    expect(next.setup).toBe(wider);
    expect(next.weights).toBe(after3.weights);
    expect(next.iteration).toBe(3);
    expect(next.errors.toArray()).toEqual(after3.errors.toArray());
    expect(next.predictions).toEqual(rows.map(() => undefined));
    expect(next.done).toBe(false);
    // The next iteration is the new setup's, from the kept weights.
    const fresh = stepIteration(initialState({ ...wider, initialWeights: after3.weights }));
    const stepped = stepIteration(next);
    expect(stepped.weights).toEqual(fresh.weights);
    expect(stepped.predictions).toEqual(fresh.predictions);
    expect(stepped.errors.toArray()).toEqual([...after3.errors.toArray(), fresh.errors.at(0)]);
    expect(stepped.heldOutErrors.toArray()).toEqual([...after3.heldOutErrors.toArray(), fresh.heldOutErrors.at(0)]);
    expect(stepped.iteration).toBe(4);
  });

  it('a long run goes on from it like stepping', () => {
    const setup = buildSetup(BUILT_INS.find((s) => s.id === 'deep-net')!);
    const edited = continueWith(stepIteration(initialState(setup)), { ...setup, alpha: 0.1, labels: [0, 1, 1, 0], iterations: 30 });
    const reference = [edited];
    while (!reference.at(-1)!.done) reference.push(stepIteration(reference.at(-1)!));
    const run = startLongRun(edited, { checkpointBytes: 8 * 3 * 20 });
    run.advance(Infinity);
    for (let k = 30; k >= 1; k--) expect(essence(run.stateAt(k))).toEqual(essence(reference[k - 1]!));
  });

  it('fewer iterations than done: finished', () => {
    const after3 = stepIteration(stepIteration(stepIteration(initialState(overfit))));
    expect(continueWith(after3, { ...overfit, iterations: 3 }).done).toBe(true);
  });

  it('refuses mid-iteration and weights of another shape', () => {
    const s = initialState(overfit);
    expect(() => continueWith(stepPhase(s), overfit)).toThrow(/between two iterations/);
    const deep = buildSetup(BUILT_INS.find((x) => x.id === 'deep-net')!);
    expect(() => continueWith(s, deep)).toThrow(/2 layers, the setup has 3/);
    expect(() => continueWith(s, { ...overfit, inputs: overfit.inputs.map((r) => [...r, 1]) })).toThrow(/3 weights for 4 inputs/);
    const d = initialState(deep);
    const wider = { ...deep, initialWeights: { ...(deep.initialWeights as Extract<Weights, { layers: 3 }>), weights_1_2: [[1], [1], [1], [1], [1]] } };
    expect(() => continueWith(d, wider)).toThrow(/weights_0_1 3 x 4 for 3 inputs and 5 hidden nodes/);
  });
});

describe('the weight path', () => {
  it('is the same stepped or run to the end, bounded, and holds the weights at its stride', async () => {
    const { BUILT_INS } = await import('../../src/scenarios/builtins.js');
    const { buildSetup } = await import('../../src/scenarios/setup.js');
    const { flatten } = await import('../../src/engine/weightPath.js');
    for (const scenario of BUILT_INS) {
      const setup = buildSetup(scenario);
      let stepped = initialState(setup);
      const weightsAt: Float64Array[] = [flatten(stepped.weights)];
      while (!stepped.done) {
        stepped = stepIteration(stepped);
        weightsAt.push(flatten(stepped.weights));
      }
      const run = startLongRun(initialState(setup));
      while (!run.done) run.advance(7);
      const ran = run.state();
      expect(ran.path.points.toArray()).toEqual(stepped.path.points.toArray());
      const { stride } = stepped.path;
      expect(stepped.path.points.length).toBe(Math.floor(setup.iterations / stride) + 1);
      stepped.path.points.toArray().forEach((p, i) => expect(p).toEqual(weightsAt[i * stride]));
      // A state rebuilt for the back key holds the path up to its own iteration.
      const k = Math.max(1, setup.iterations - 3);
      expect(run.stateAt(k).path.points.length).toBe(Math.floor(k / stride) + 1);
    }
    // A million iterations of a big net: at most 1024 points, at most 8 MB.
    const big = buildSetup(BUILT_INS.find((s) => s.id === 'deep-net')!, { hidden: 256, iterations: 1_000_000 });
    const { pathStride, MAX_POINTS } = await import('../../src/engine/weightPath.js');
    const stride = pathStride(big);
    expect(1_000_000 / stride + 1).toBeLessThanOrEqual(MAX_POINTS);
    expect((1_000_000 / stride + 1) * (3 * 256 + 256) * 8).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
});
