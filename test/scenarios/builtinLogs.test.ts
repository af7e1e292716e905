/**
 * Every built-in's `--print` log, in-process through printLog and printJsonLines, against the numpy
 * fixtures (test/fixtures/make_fixtures.py), and the book's one-iteration figures phase by phase.
 */
import { describe, expect, it } from 'vitest';
import { initialState, stepPhase, type TrainerState } from '../../src/engine/trainer.js';
import { printJsonLines, printLog } from '../../src/run/print.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';
import { expectExact, flat, TRAINING } from '../engine/fixtures.js';

function printed(id: string, style: 'notebook' | 'book'): string {
  const scenario = findBuiltIn(id)!;
  let out = '';
  printLog(scenario, buildSetup(scenario), style, (chunk) => (out += chunk));
  return out;
}

describe('printLog of every built-in is numpy’s log', () => {
  it.each(BUILT_INS.map((s) => s.id))('%s, notebook and book style, and --json', (id) => {
    const c = TRAINING[id]!;
    expect(c, `no numpy fixture for ${id}`).toBeDefined();
    expect(printed(id, 'notebook')).toBe(c.print_notebook);
    expect(printed(id, 'book')).toBe(c.print_book);
    let json = '';
    printJsonLines(buildSetup(findBuiltIn(id)!), (chunk) => (json += chunk));
    const lines = json.trimEnd().split('\n').map((l) => JSON.parse(l) as { error: number; weights: never; held_out_error?: number });
    expectExact(lines.map((l) => l.error), c.errors, `${id} errors`);
    expectExact(lines.flatMap((l) => flat(l.weights)), c.weights.flatMap(flat), `${id} weights`);
    if (c.held_out.length > 0) expectExact(lines.map((l) => l.held_out_error!), c.held_out_errors, `${id} held-out errors`);
  });

  it('the new scenarios’ logs say what their descriptions say', () => {
    // one-iteration: 3 hidden nodes from seed 1 die (every node off for every row) by iteration 4.
    expect(TRAINING['one-iteration']!.errors.slice(0, 5)).toEqual([2.043044598284272, 2.0177907529787813, 2.00276904479564, 2, 2]);
    expect(printed('one-iteration', 'notebook')).toBe('Error:2.0\n'.repeat(6));
    // attribution learns from its made-up weights.
    expect(TRAINING.attribution!.errors.at(-1)).toBeLessThan(0.01);
    // dimmer-lights: 3.31 in iteration 1, 0.021 by iteration 40.
    expect(TRAINING['dimmer-lights']!.errors[0]!.toFixed(2)).toBe('3.31');
    expect(TRAINING['dimmer-lights']!.errors[39]!.toFixed(3)).toBe('0.021');
  });
});

describe('overfit is the book’s edge case', () => {
  const c = TRAINING.overfit!;
  let json = '';
  printJsonLines(buildSetup(findBuiltIn('overfit')!), (chunk) => (json += chunk));
  const last = JSON.parse(json.trimEnd().split('\n').at(-1)!) as { error: number; weights: { weights: number[] }; held_out_error: number };

  it('--json ends at w0 0.5, w2 -0.5 with zero training error, and shows the held-out error', () => {
    const [w0, w1, w2] = last.weights.weights;
    expect([w0!.toFixed(6), w1, w2!.toFixed(6)]).toEqual(['0.500000', 0.48, '-0.500000']);
    expect(last.error).toBeLessThan(1e-12);
    expect(last.held_out_error.toFixed(2)).toBe('2.60');
  });

  it('training on row 0 keeps w0 - w2 at 1 (to rounding) all the way', () => {
    for (const w of c.weights) expect(Math.abs(flat(w)[0]! - flat(w)[2]! - 1)).toBeLessThan(1e-15);
  });

  it('its texts match the numbers: rows 1-4 predicted badly, row 5 (the same light as row 0) perfectly', () => {
    const setup = buildSetup(findBuiltIn('overfit')!);
    const w = last.weights.weights;
    const predict = (r: number) => setup.inputs[r]!.reduce((s, x, i) => s + x * w[i]!, 0);
    expect([1, 2, 3, 4].map((r) => Math.abs(predict(r) - setup.labels[r]!)).every((e) => e > 0.4)).toBe(true);
    expect(Math.abs(predict(5))).toBeLessThan(1e-6);
    expect(setup.inputs[5]).toEqual(setup.inputs[0]);
    const s = findBuiltIn('overfit')!;
    expect(s.description).toMatch(/rows 1 and 4 \(\[0, 1, 1\], WALK\) get -0\.02, row 2 gets -0\.5, row 3 gets 0\.48/);
    expect([1, 4, 2, 3].map((r) => predict(r).toFixed(2))).toEqual(['-0.02', '-0.02', '-0.50', '0.48']);
    expect(s.description).toMatch(/held-out error stays at 2\.60/);
    expect(`${s.summary} ${s.description}`).not.toMatch(/lamps? [1-3] and|lamp 3/);
  });
});

/** Steps the first row of a built-in phase by phase, returning the state after each phase. */
function phases(id: string): TrainerState[] {
  const states = [initialState(buildSetup(findBuiltIn(id)!))];
  for (let i = 0; i < 4; i++) states.push(stepPhase(states.at(-1)!));
  return states.slice(1);
}

describe('the first row, phase by phase, is the book’s "one iteration of backpropagation" in numpy', () => {
  it.each(['one-iteration', 'attribution', 'deep-net', 'linear-deep'])('%s', (id) => {
    const f = TRAINING[id]!.first_row!;
    const [predict, compare, back, update] = phases(id);
    expect(predict!.trace!.row).toBe(f.row);
    expectExact(predict!.trace!.forward!.hidden!, f.layer_1, 'layer_1');
    expect(predict!.trace!.forward!.prediction).toBe(f.layer_2);
    expect(compare!.trace!.error).toBe(f.error);
    expect(compare!.trace!.delta).toBe(f.layer_2_delta);
    expectExact(back!.trace!.hiddenDelta!, f.layer_1_delta, 'layer_1_delta');
    const wd = update!.trace!.weightDeltas!;
    expect(wd.layers).toBe(3);
    if (wd.layers === 3) {
      expectExact(wd.weights_1_2.flat(), f.weight_delta_1_2.flat(), 'weight_delta_1_2');
      expectExact(wd.weights_0_1.flat(), f.weight_delta_0_1.flat(), 'weight_delta_0_1');
    }
    expectExact(flat(update!.weights), [...f.weights_0_1.flat(), ...f.weights_1_2.flat()], 'weights after the update');
  });

  it('one-iteration shows the figure’s numbers: layer_1 [0, 0.13, 0], layer_2 -0.02, error 1.04', () => {
    const [predict, compare, back] = phases('one-iteration');
    expect(predict!.trace!.forward!.hidden!.map((h) => h.toFixed(3))).toEqual(['0.000', '0.132', '0.000']);
    expect(predict!.trace!.forward!.prediction.toFixed(3)).toBe('-0.021');
    expect(compare!.trace!.error!.toFixed(3)).toBe('1.043');
    expect(compare!.trace!.delta!.toFixed(2)).toBe('-1.02');
    expect(back!.trace!.hiddenDelta!.map((d) => d.toFixed(2))).toEqual(['0.00', '0.17', '0.00']);
  });

  it('attribution: layer_2_delta +0.25 through weights_1_2 [0, 1, 0.5, -1] gives [0, 0.25, 0.125, -0.25], every hidden node on', () => {
    const [predict, compare, back] = phases('attribution');
    expect(predict!.trace!.forward!.hidden).toEqual([0.5, 1, 1, 0.25]);
    expect(predict!.trace!.forward!.prediction).toBe(1.25);
    expect(compare!.trace!.delta).toBe(0.25);
    expect(back!.trace!.hiddenDelta).toEqual([0, 0.25, 0.125, -0.25]);
  });
});
