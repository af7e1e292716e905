/** Turns a scenario plus command-line overrides into the engine's TrainingSetup. */
import { mersenneTwister, symmetricRandomMatrix } from '../engine/random.js';
import type { Activation, Mode, TrainingSetup, Weights } from '../engine/types.js';
import { UsageError } from '../errors.js';
import type { Scenario } from './schema.js';

export interface Overrides {
  alpha?: number;
  iterations?: number;
  seed?: number;
  hidden?: number;
  activation?: Activation;
  mode?: Mode;
  batchSize?: number;
}

export function isDeep(scenario: Scenario): boolean {
  return scenario.network.layers === 3;
}

export function buildSetup(scenario: Scenario, overrides: Overrides = {}): TrainingSetup {
  const deep = isDeep(scenario);
  for (const [option, value] of [
    ['--hidden', overrides.hidden],
    ['--activation', overrides.activation],
  ] as const) {
    if (value !== undefined && !deep) {
      throw new UsageError(`${option}: '${scenario.id}' is a 2-layer net; ${option} applies to 3-layer nets only`);
    }
  }
  if (overrides.seed !== undefined && !deep && scenario.network.weights) {
    throw new UsageError(`--seed: '${scenario.id}' starts from fixed weights; --seed applies to 3-layer nets`);
  }
  if (deep && scenario.network.weights_0_1) {
    for (const [option, value] of [
      ['--seed', overrides.seed],
      ['--hidden', overrides.hidden],
    ] as const) {
      if (value !== undefined) {
        throw new UsageError(`${option}: '${scenario.id}' starts from given weights_0_1 and weights_1_2, so ${option} does not apply`);
      }
    }
  }
  const { inputs, labels } = scenario.data;
  const trainRows = scenario.data.train ?? inputs.map((_, i) => i);
  const heldOutRows = inputs.map((_, i) => i).filter((i) => !trainRows.includes(i));
  return {
    inputs,
    labels,
    trainRows,
    heldOutRows,
    activation: overrides.activation ?? scenario.network.activation,
    alpha: overrides.alpha ?? scenario.training.alpha,
    iterations: overrides.iterations ?? scenario.training.iterations,
    mode: overrides.mode ?? scenario.training.mode,
    batchSize: overrides.batchSize ?? scenario.training.batchSize,
    initialWeights: initialWeights(scenario, overrides),
  };
}

/** Fixed weights when the scenario gives them; otherwise the book's `2 * np.random.random(shape) - 1` draws. */
export function initialWeights(scenario: Scenario, overrides: Overrides): Weights {
  const inputCount = scenario.data.inputs[0]!.length;
  const rng = mersenneTwister(overrides.seed ?? scenario.network.seed);
  if (scenario.network.layers === 2) {
    const weights = scenario.network.weights ?? symmetricRandomMatrix(rng, inputCount, 1).map((r) => r[0]!);
    return { layers: 2, weights };
  }
  const { weights_0_1: given01, weights_1_2: given12 } = scenario.network;
  if (given01 && given12) return { layers: 3, weights_0_1: given01.map((r) => [...r]), weights_1_2: given12.map((r) => [...r]) };
  const hidden = overrides.hidden ?? scenario.network.hidden;
  // Order matters: the notebook draws weights_0_1 before weights_1_2 from the same stream.
  const weights_0_1 = symmetricRandomMatrix(rng, inputCount, hidden);
  const weights_1_2 = symmetricRandomMatrix(rng, hidden, 1);
  return { layers: 3, weights_0_1, weights_1_2 };
}
