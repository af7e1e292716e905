/** The kernel's own API: chunked runs, resuming, and what it reports per iteration. */
import { describe, expect, it } from 'vitest';
import { createKernel, trainToEnd } from '../../src/engine/kernel.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { TRAINING } from './fixtures.js';

describe.each(BUILT_INS.map((s) => [s.id, buildSetup(s, { iterations: 300 })] as const))('%s', (_id, setup) => {
  const errors: number[] = [];
  trainToEnd(setup, (it) => errors.push(it.error));

  it.each([1, 7, 64, 4096])('runInto in chunks of %i gives the errors of next()', (chunk) => {
    const kernel = createKernel(setup);
    const buffer = new Float64Array(chunk);
    const seen: number[] = [];
    for (let n; (n = kernel.runInto(buffer)) > 0; ) seen.push(...buffer.subarray(0, n));
    expect(seen).toEqual(errors);
    expect(kernel.iteration).toBe(setup.iterations);
    expect(kernel.runInto(buffer)).toBe(0);
  });

  it('next() and runInto() mix, and the weights follow', () => {
    const a = createKernel(setup);
    const first = a.next();
    const rest = new Float64Array(5);
    expect(a.runInto(rest)).toBe(5);
    expect([first, ...rest]).toEqual(errors.slice(0, 6));
    const b = createKernel(setup);
    for (let i = 0; i < 6; i++) b.next();
    expect(a.iteration).toBe(6);
    expect(a.weights()).toEqual(b.weights());
  });
});

describe('numbers', () => {
  it('deep-net: the notebook’s errors every 10th iteration', () => {
    const kernel = createKernel(buildSetup(BUILT_INS.find((s) => s.id === 'deep-net')!));
    const errors = new Float64Array(60);
    expect(kernel.runInto(errors)).toBe(60);
    expect([...errors]).toEqual(TRAINING['deep-net']!.errors);
  });

  it('reports held-out error only when rows are held out', () => {
    expect(createKernel(buildSetup(BUILT_INS.find((s) => s.id === 'whole-dataset')!)).heldOutError()).toBeUndefined();
    const overfit = createKernel(buildSetup(BUILT_INS.find((s) => s.id === 'overfit')!));
    overfit.next();
    expect(overfit.heldOutError()).toBe(TRAINING.overfit!.held_out_errors[0]);
  });
});
