/** Turns a scenario plus command-line overrides into the engine's TrainingSetup. */
import { mersenneTwister, symmetricRandomMatrix } from '../engine/random.js';
import type { Activation, Mode, TrainingSetup, Weights } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { DEFAULTS } from './defaults.js';
import { LIMITS, WORK_COSTS } from './limits.js';
import type { LogFormat, Scenario } from './schema.js';

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

/** Whether the scenario gives its starting weights (so a seed does not apply). */
function givesWeights(scenario: Scenario): boolean {
  const n = scenario.network;
  return n.layers === 2 ? n.weights !== undefined : n.weights_0_1 !== undefined;
}

/** What a run to the end writes: the notebook log of the scenario's format (default), or --json lines. */
export interface Output {
  readonly json?: boolean;
}

/**
 * The size of a run to its end, in weight-steps (LIMITS.work bounds it): training, where every
 * iteration predicts every row (trained or held out) and touches each weight a few times per row,
 * plus the numbers the log prints.
 */
export function trainingWork(
  setup: Pick<TrainingSetup, 'inputs' | 'trainRows' | 'iterations' | 'initialWeights'>,
  log: { readonly format?: LogFormat; readonly every?: number } = {},
  output: Output = {},
): { readonly training: number; readonly printing: number } {
  const w = setup.initialWeights;
  const weights = w.layers === 2 ? w.weights.length : w.weights_0_1.length * w.weights_1_2.length + w.weights_1_2.length;
  const it = setup.iterations;
  const format = log.format ?? (w.layers === 3 ? 'error-every' : 'predictions');
  const every = log.format === undefined && w.layers === 3 ? 10 : (log.every ?? 1);
  const printing = output.json
    ? it * (weights + 2) * WORK_COSTS.jsonNumber
    : format === 'predictions'
      ? it * (setup.trainRows.length + 2) * WORK_COSTS.logNumber
      : format === 'error-and-prediction'
        ? it * 2 * WORK_COSTS.logNumber
        : Math.ceil(it / every) * WORK_COSTS.logNumber;
  return { training: it * setup.inputs.length * weights, printing };
}

function checkWork(scenario: Scenario, overrides: Overrides, setup: TrainingSetup, output: Output): void {
  const { training, printing } = trainingWork(setup, scenario.log, output);
  const work = training + printing;
  if (work <= LIMITS.work) return;
  const total = (iterations: number) => {
    const w = trainingWork({ ...setup, iterations }, scenario.log, output);
    return w.training + w.printing;
  };
  let most = Math.max(1, Math.floor((LIMITS.work / work) * setup.iterations));
  while (most > 1 && total(most) > LIMITS.work) most--;
  const size = `${setup.iterations} iterations would take ${work.toExponential(1)} steps (training ${training.toExponential(1)}, writing the log ${printing.toExponential(1)})`;
  const limit = `the limit is ${LIMITS.work.toExponential(0)} (a minute or two)`;
  const where =
    overrides.iterations !== undefined ? '--iterations' : overrides.hidden !== undefined ? '--hidden' : `${scenario.source}: training.iterations`;
  throw new UsageError(`${where}: ${size}; ${limit}, so at most ${most} iterations here`);
}

/**
 * The engine's setup for a scenario and the command line's overrides, refusing what does not apply or
 * exceeds LIMITS.work (pass `{ json: true }` when the run writes --json lines, which print every weight).
 */
export function buildSetup(scenario: Scenario, overrides: Overrides = {}, output: Output = {}): TrainingSetup {
  const deep = isDeep(scenario);
  for (const [option, value] of [
    ['--hidden', overrides.hidden],
    ['--activation', overrides.activation],
  ] as const) {
    if (value !== undefined && !deep) {
      throw new UsageError(`${option}: '${scenario.id}' is a 2-layer net; ${option} applies to 3-layer nets only`);
    }
  }
  if (givesWeights(scenario)) {
    if (overrides.seed !== undefined) {
      throw new UsageError(
        deep
          ? `--seed: '${scenario.id}' starts from given weights_0_1 and weights_1_2, so --seed does not apply`
          : `--seed: '${scenario.id}' starts from fixed weights; --seed applies to 3-layer nets`,
      );
    }
    if (deep && overrides.hidden !== undefined) {
      throw new UsageError(`--hidden: '${scenario.id}' starts from given weights_0_1 and weights_1_2, so --hidden does not apply`);
    }
  }
  const { inputs, labels } = scenario.data;
  const trainRows = scenario.data.train ?? inputs.map((_, i) => i);
  const heldOutRows = inputs.map((_, i) => i).filter((i) => !trainRows.includes(i));
  const n = scenario.network;
  const setup: TrainingSetup = {
    inputs,
    labels,
    trainRows,
    heldOutRows,
    activation: overrides.activation ?? (n.layers === 3 ? n.activation : DEFAULTS.activation),
    alpha: overrides.alpha ?? scenario.training.alpha,
    iterations: overrides.iterations ?? scenario.training.iterations,
    mode: overrides.mode ?? scenario.training.mode,
    batchSize: overrides.batchSize ?? scenario.training.batchSize,
    initialWeights: initialWeights(scenario, overrides),
  };
  checkWork(scenario, overrides, setup, output);
  return setup;
}

/** Fixed weights when the scenario gives them; otherwise the book's `2 * np.random.random(shape) - 1` draws. */
export function initialWeights(scenario: Scenario, overrides: Overrides): Weights {
  const inputCount = scenario.data.inputs[0]!.length;
  const n = scenario.network;
  const rng = () => mersenneTwister(overrides.seed ?? n.seed ?? DEFAULTS.seed);
  if (n.layers === 2) {
    return { layers: 2, weights: n.weights ? [...n.weights] : symmetricRandomMatrix(rng(), inputCount, 1).map((r) => r[0]!) };
  }
  if (n.weights_0_1 && n.weights_1_2) {
    return { layers: 3, weights_0_1: n.weights_0_1.map((r) => [...r]), weights_1_2: n.weights_1_2.map((r) => [...r]) };
  }
  const hidden = overrides.hidden ?? n.hidden;
  // Order matters: the notebook draws weights_0_1 before weights_1_2 from the same stream.
  const stream = rng();
  const weights_0_1 = symmetricRandomMatrix(stream, inputCount, hidden);
  const weights_1_2 = symmetricRandomMatrix(stream, hidden, 1);
  return { layers: 3, weights_0_1, weights_1_2 };
}
