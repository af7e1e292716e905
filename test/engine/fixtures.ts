/**
 * The numpy-made fixtures (test/fixtures/make_fixtures.py) and small helpers to compare against them.
 *
 * Numbers are compared with ===, one by one, and a mismatch names its place: the whole point of the
 * engine is that it computes the book's numbers to the last bit.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { mersenneTwister, randomMatrix, symmetricRandomMatrix } from '../../src/engine/random.js';
import type { TrainerState } from '../../src/engine/trainer.js';
import type { Activation, Mode, TrainingSetup, Weights } from '../../src/engine/types.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { buildSetup } from '../../src/scenarios/setup.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url);

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as T;
}

/** Weights under the book's names, as numpy's tolist() writes them. */
export type BookWeights = { weights: number[] } | { weights_0_1: number[][]; weights_1_2: number[][] };

/** One numpy training run (see training_fixture() in make_fixtures.py). */
export interface TrainingCase {
  /** The command-line arguments that should reproduce this run, when a CLI test uses it. */
  cli: string[] | null;
  inputs: number[][];
  labels: number[];
  train: number[];
  held_out: number[];
  layers: 2 | 3;
  activation: Activation;
  alpha: number;
  iterations: number;
  mode: Mode;
  batch_size: number;
  seed: number;
  hidden: number;
  log: string;
  every: number;
  /** The starting weights: the scenario's, or numpy's draws from `seed`. */
  init: BookWeights;
  errors: number[];
  held_out_errors: number[];
  /** The weights after each iteration. */
  weights: BookWeights[];
  /** The last iteration's prediction for each training row, in training order. */
  predictions: number[];
  print_notebook: string;
  print_book: string;
  /** 3-layer nets: the first training row through the book's one-iteration code, phase by phase. */
  first_row?: FirstRow;
  /** 3-layer nets: the intermediate dataset at the initial and the final weights. */
  intermediate?: { start: Intermediate; end: Intermediate };
}

/** numpy's view of the hidden layer over the training rows (null: a column that never changes). */
export interface Intermediate {
  hidden: number[][];
  lamp_correlation: (number | null)[];
  hidden_correlation: (number | null)[];
  lamp_floor: number;
  hidden_floor: number;
}

export interface FirstRow {
  row: number;
  layer_1: number[];
  layer_2: number;
  error: number;
  layer_2_delta: number;
  layer_1_delta: number[];
  weight_delta_1_2: number[][];
  weight_delta_0_1: number[][];
  /** The weights after this row's update. */
  weights_0_1: number[][];
  weights_1_2: number[][];
}

export const TRAINING = readFixture<{ cases: Record<string, TrainingCase> }>('training.json').cases;

export function toWeights(w: BookWeights): Weights {
  return 'weights' in w ? { layers: 2, weights: w.weights } : { layers: 3, weights_0_1: w.weights_0_1, weights_1_2: w.weights_1_2 };
}

/** The engine setup for a fixture case, built straight from the case (not through the scenario loader). */
export function setupOf(c: TrainingCase): TrainingSetup {
  return {
    inputs: c.inputs,
    labels: c.labels,
    trainRows: c.train,
    heldOutRows: c.held_out,
    activation: c.activation,
    alpha: c.alpha,
    iterations: c.iterations,
    mode: c.mode,
    batchSize: c.batch_size,
    initialWeights: toWeights(c.init),
  };
}

/** Flattens weights row by row, in the book's order: weights, or weights_0_1 then weights_1_2. */
export function flat(w: Weights | BookWeights): number[] {
  if ('weights' in w) return [...w.weights];
  return [...w.weights_0_1.flat(), ...w.weights_1_2.flat()];
}

/** Asserts two number lists are equal element by element with ===, naming the first difference. */
export function expectExact(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  const i = actual.findIndex((a, k) => !(a === expected[k]));
  if (i >= 0) {
    expect.fail(`${what}[${i}]: got ${actual[i]}, numpy has ${expected[i]} (and ${actual.filter((a, k) => a !== expected[k]).length} differ in all)`);
  }
}

/** The shape of book weights: [rows, cols] per matrix. */
export function shapeOf(w: BookWeights): number[][] {
  if ('weights' in w) return [[w.weights.length]];
  return [w.weights_0_1, w.weights_1_2].map((m) => [m.length, ...new Set(m.map((r) => r.length))]);
}

export const MODES: { mode: Mode; batchSize?: number; label: string }[] = [
  { mode: 'sgd', label: 'sgd' },
  { mode: 'full', label: 'full' },
  { mode: 'batch', batchSize: 2, label: 'batch 2' },
  { mode: 'batch', batchSize: 3, label: 'batch 3' },
  { mode: 'batch', batchSize: 4, label: 'batch 4' },
];

export const SETUPS: [string, TrainingSetup][] = [
  ...BUILT_INS.flatMap((s) =>
    MODES.map((m) => [`${s.id}, ${m.label}`, buildSetup(s, { mode: m.mode, batchSize: m.batchSize })] as [string, TrainingSetup]),
  ),
  ...MODES.map((m) => [`user 5x6, ${m.label}`, { ...setupOf(TRAINING['user-5x6.json']!), mode: m.mode, batchSize: m.batchSize ?? 2 }] as [string, TrainingSetup]),
];

/** Everything a snapshot holds, as plain data (the error lists as arrays), for toEqual. */
export function essence(s: TrainerState) {
  return { ...s, setup: undefined, errors: s.errors.toArray(), heldOutErrors: s.heldOutErrors.toArray(), path: { stride: s.path.stride, points: s.path.points.toArray().map((p) => [...p]) } };
}

/** A 3-layer sgd net on lamps that are on or off, big enough for the kernel's lit-lamps loop. */
export interface Shape {
  rows: number;
  inputs: number;
  hidden: number;
  activation: Activation;
  alpha: number;
  seed: number;
}

/** Lamps on or off from a fixed seed (every 5th row all off), labels from the first two lamps. */
export function binarySetup(s: Shape, iterations = 25): TrainingSetup {
  const rng = mersenneTwister(s.seed);
  const inputs = randomMatrix(rng, s.rows, s.inputs).map((row, k) => row.map((v) => (k % 5 === 4 ? 0 : v < 0.5 ? 1 : 0)));
  const labels = inputs.map((row) => (row[0]! === 1 || row[1]! === 1 ? 1 : 0));
  const weights = mersenneTwister(s.seed + 1);
  return {
    inputs,
    labels,
    trainRows: inputs.map((_, k) => k),
    heldOutRows: [],
    activation: s.activation,
    alpha: s.alpha,
    iterations,
    mode: 'sgd',
    batchSize: 1,
    initialWeights: { layers: 3, weights_0_1: symmetricRandomMatrix(weights, s.inputs, s.hidden), weights_1_2: symmetricRandomMatrix(weights, s.hidden, 1) },
  };
}
