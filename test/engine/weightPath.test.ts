/**
 * The inspector's path of the weights is the run's: trained again with the kernel, it equals the weights
 * stepping left after each iteration, through live changes (segments) too; it extends as the run goes on
 * and stops at its bounds.
 */
import { describe, expect, it } from 'vitest';
import { changeLive } from '../../src/engine/liveChange.js';
import { flatWeights } from '../../src/engine/network.js';
import { initialState, stepIteration, type TrainerState } from '../../src/engine/trainer.js';
import { createPathRecorder, MAX_PATH_VALUES, type Segment } from '../../src/engine/weightPath.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { SETUPS } from './fixtures.js';

function recordedAt(recorder: ReturnType<typeof createPathRecorder>, k: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => recorder.valueAt(k, i)!);
}

describe.each(SETUPS.filter(([name]) => !name.includes('batch 3')))('%s', (_name, setup) => {
  it('equals the weights after each stepped iteration', () => {
    const recorder = createPathRecorder([{ setup, from: 0 }]);
    let s = initialState(setup);
    const n = Math.min(setup.iterations, 12);
    // Recorded in two goes: the second extends the first.
    expect(recorder.recordTo(5)).toBe(true);
    expect(recorder.recordTo(n)).toBe(true);
    for (let k = 1; k <= n; k++) {
      s = stepIteration(s);
      expect(recordedAt(recorder, k, flatWeights(s.weights).length)).toEqual(flatWeights(s.weights));
    }
    expect(recorder.valueAt(n + 1, 0)).toBeUndefined();
  });
});

describe('through live changes', () => {
  it('follows each segment with its own setup (new data at 3, a new alpha at 5)', () => {
    const base = buildSetup(findBuiltIn('deep-net')!);
    let s: TrainerState = stepIteration(stepIteration(stepIteration(initialState(base))));
    const edited = changeLive(s, (b) => ({ ...b.setup, inputs: b.setup.inputs.map((r, i) => (i === 1 ? [1, 1, 0] : r)) })).state;
    s = stepIteration(stepIteration(edited));
    const faster = changeLive(s, (b) => ({ ...b.setup, alpha: 0.5 })).state;
    const segments: Segment[] = [
      { setup: base, from: 0 },
      { setup: edited.setup, from: 3 },
      { setup: faster.setup, from: 5 },
    ];
    const recorder = createPathRecorder(segments);
    expect(recorder.recordTo(9)).toBe(true);
    s = faster;
    for (let k = 6; k <= 9; k++) s = stepIteration(s);
    expect(recordedAt(recorder, 9, 16)).toEqual(flatWeights(s.weights));
    expect(recordedAt(recorder, 5, 16)).toEqual(flatWeights(faster.weights));
  });

  it('refuses a path longer than its bounds, and keeps what it has', () => {
    const setup = { ...buildSetup(findBuiltIn('deep-net')!), iterations: 1_000_000 };
    const recorder = createPathRecorder([{ setup, from: 0 }]);
    expect(recorder.recordTo(MAX_PATH_VALUES)).toBe(false);
    expect(recorder.recordTo(10)).toBe(true);
    expect(recorder.recorded).toBe(10);
  });
});
