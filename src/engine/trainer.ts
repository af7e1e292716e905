/**
 * The stepwise trainer: a pure step function over immutable snapshots.
 *
 * A run can advance one phase (predict → compare → backpropagate → update), one row, or one
 * iteration at a time, and every path goes through the same phase functions, so stepping by
 * phases lands on exactly the numbers that stepping by iterations does. Each step copies the
 * snapshot once, works on the copy, and returns it; earlier snapshots are never touched, which
 * is what the history, the back key and recordings rely on.
 */
import { AppendList } from './appendList.js';
import { closesBatch, heldOutError, rowsPerUpdate } from './iterationRules.js';
import { trainToEnd } from './kernel.js';
import {
  applyUpdate,
  combineWeights,
  forward,
  hiddenDelta,
  mapWeights,
  rowWeightDeltas,
  type Forward,
} from './network.js';
import type { Phase, TrainingSetup, Vector, Weights } from './types.js';
import { extendPath, flatten, startPath, type WeightPath } from './weightPath.js';

/** What one row went through so far: the values the screen shows for the active row. */
export interface RowTrace {
  readonly row: number;
  readonly input: Vector;
  readonly goal: number;
  /** After `predict`. */
  readonly forward?: Forward;
  /** After `compare`: `(goal - prediction)²` and `layer_2_delta = prediction - goal`. */
  readonly error?: number;
  readonly delta?: number;
  /** After `backpropagate` (3-layer nets): `layer_1_delta`. */
  readonly hiddenDelta?: Vector;
  /** After `update`: this row's weight deltas before alpha, and whether the weights changed now
   * (in batch and full modes they wait for the end of the batch). */
  readonly weightDeltas?: Weights;
  readonly applied?: boolean;
}

export interface TrainerState {
  readonly setup: TrainingSetup;
  readonly weights: Weights;
  /** The weights before the most recent change, so the screen can show what moved. */
  readonly previousWeights: Weights;
  /** Iterations completed. */
  readonly iteration: number;
  /** Position in `setup.trainRows` of the row in progress (or next to start). */
  readonly cursor: number;
  /** The last phase done on the row at `cursor`; undefined before its first phase. */
  readonly rowPhase: Phase | undefined;
  /** The last phase done by any step, and the row it was done on (for captions). */
  readonly lastPhase: Phase | undefined;
  /** The row in progress, or the row finished last. */
  readonly trace: RowTrace | undefined;
  /** Error summed so far in the iteration in progress. */
  readonly iterationError: number;
  /** Summed training error of each completed iteration. */
  readonly errors: AppendList<number>;
  /** Summed held-out error after each completed iteration (empty when nothing is held out). */
  readonly heldOutErrors: AppendList<number>;
  /** The weights at the start and after every `path.stride`-th iteration (see weightPath.ts). */
  readonly path: WeightPath;
  /** The latest prediction made for each row of `setup.inputs` (held-out rows: after each iteration). */
  readonly predictions: readonly (number | undefined)[];
  /** Batch and full modes: the summed weight deltas of the batch so far, and how many rows it holds. */
  readonly pending: Weights | undefined;
  readonly pendingCount: number;
  readonly done: boolean;
}

export function initialState(setup: TrainingSetup): TrainerState {
  return new Snapshot({
    setup,
    weights: setup.initialWeights,
    previousWeights: setup.initialWeights,
    iteration: 0,
    cursor: 0,
    rowPhase: undefined,
    lastPhase: undefined,
    trace: undefined,
    iterationError: 0,
    errors: AppendList.empty(),
    heldOutErrors: AppendList.empty(),
    path: startPath(setup, setup.initialWeights),
    predictions: setup.inputs.map(() => undefined),
    pending: undefined,
    pendingCount: 0,
    done: setup.iterations <= 0,
  });
}

/**
 * A snapshot under construction. Every snapshot is built by this one constructor, so they all
 * share one shape and the hot loop stays fast; once a step returns it, nothing writes to it again.
 */
class Snapshot implements TrainerState {
  setup: TrainingSetup;
  weights: Weights;
  previousWeights: Weights;
  iteration: number;
  cursor: number;
  rowPhase: Phase | undefined;
  lastPhase: Phase | undefined;
  trace: RowTrace | undefined;
  iterationError: number;
  errors: AppendList<number>;
  heldOutErrors: AppendList<number>;
  path: WeightPath;
  predictions: (number | undefined)[];
  pending: Weights | undefined;
  pendingCount: number;
  done: boolean;

  constructor(s: TrainerState) {
    this.setup = s.setup;
    this.weights = s.weights;
    this.previousWeights = s.previousWeights;
    this.iteration = s.iteration;
    this.cursor = s.cursor;
    this.rowPhase = s.rowPhase;
    this.lastPhase = s.lastPhase;
    this.trace = s.trace;
    this.iterationError = s.iterationError;
    this.errors = s.errors;
    this.heldOutErrors = s.heldOutErrors;
    this.path = s.path;
    this.predictions = s.predictions.slice();
    this.pending = s.pending;
    this.pendingCount = s.pendingCount;
    this.done = s.done;
  }
}

/** The phases of one row: 2-layer nets have nothing to backpropagate through. */
export function phasesOf(setup: TrainingSetup): readonly Phase[] {
  return setup.initialWeights.layers === 3
    ? ['predict', 'compare', 'backpropagate', 'update']
    : ['predict', 'compare', 'update'];
}

// The screen shows the batch size; it is the kernel's rule too, so it lives with the shared rules.
export { rowsPerUpdate } from './iterationRules.js';

/** The phase the next `stepPhase` will do. */
export function nextPhase(state: TrainerState): Phase {
  const phases = phasesOf(state.setup);
  return state.rowPhase === undefined ? phases[0]! : phases[phases.indexOf(state.rowPhase) + 1]!;
}

type Work = Snapshot;

function begin(state: TrainerState): Work {
  return new Snapshot(state);
}

/** A row trace with every field present, so all traces share one shape. */
function trace(t: Partial<RowTrace> & Pick<RowTrace, 'row' | 'input' | 'goal'>): RowTrace {
  return {
    row: t.row,
    input: t.input,
    goal: t.goal,
    forward: t.forward,
    error: t.error,
    delta: t.delta,
    hiddenDelta: t.hiddenDelta,
    weightDeltas: t.weightDeltas,
    applied: t.applied,
  };
}

function doPhase(w: Work): void {
  const { setup } = w;
  const phase = nextPhase(w);
  const row = setup.trainRows[w.cursor]!;
  switch (phase) {
    case 'predict': {
      const input = setup.inputs[row]!;
      const fwd = forward(w.weights, input, setup.activation);
      w.trace = trace({ row, input, goal: setup.labels[row]!, forward: fwd });
      w.predictions[row] = fwd.prediction;
      break;
    }
    case 'compare': {
      const t = w.trace!;
      const prediction = t.forward!.prediction;
      const error = (t.goal - prediction) * (t.goal - prediction);
      w.trace = trace({ ...t, error, delta: prediction - t.goal });
      w.iterationError += error;
      break;
    }
    case 'backpropagate': {
      const t = w.trace!;
      if (w.weights.layers !== 3) throw new Error('backpropagate needs a 3-layer net');
      w.trace = trace({ ...t, hiddenDelta: hiddenDelta(w.weights.weights_1_2, t.delta!, t.forward!.hidden!, setup.activation) });
      break;
    }
    case 'update':
      update(w);
      break;
  }
  w.rowPhase = phase;
  w.lastPhase = phase;
  if (phase === 'update') finishRow(w);
}

function update(w: Work): void {
  const t = w.trace!;
  const deltas = rowWeightDeltas(w.weights, t.input, t.delta!, t.forward!.hidden, t.hiddenDelta);
  const size = rowsPerUpdate(w.setup);
  const closes = closesBatch(w.cursor, size, w.setup.trainRows.length);
  if (size === 1) {
    w.previousWeights = w.weights;
    w.weights = applyUpdate(w.weights, deltas, w.setup.alpha);
  } else {
    w.pending = w.pending ? combineWeights(w.pending, deltas, (a, b) => a + b) : deltas;
    w.pendingCount += 1;
    if (closes) {
      const count = w.pendingCount;
      const mean = mapWeights(w.pending, (x) => x / count);
      w.previousWeights = w.weights;
      w.weights = applyUpdate(w.weights, mean, w.setup.alpha);
      w.pending = undefined;
      w.pendingCount = 0;
    }
  }
  w.trace = trace({ ...t, weightDeltas: deltas, applied: size === 1 || closes });
}

function finishRow(w: Work): void {
  w.rowPhase = undefined;
  if (w.cursor < w.setup.trainRows.length - 1) {
    w.cursor += 1;
    return;
  }
  w.cursor = 0;
  w.iteration += 1;
  w.errors = w.errors.append(w.iterationError);
  w.iterationError = 0;
  w.path = extendPath(w.path, w.iteration, () => flatten(w.weights));
  if (w.setup.heldOutRows.length > 0) {
    const { inputs, activation } = w.setup;
    // The held-out rows are predicted with the weights after the iteration, and the screen shows those predictions.
    const error = heldOutError(w.setup, (row) => (w.predictions[row] = forward(w.weights, inputs[row]!, activation).prediction));
    w.heldOutErrors = w.heldOutErrors.append(error);
  }
  w.done = w.iteration >= w.setup.iterations;
}

function run(state: TrainerState, keepGoing: (w: Work) => boolean): TrainerState {
  if (state.done) return state;
  const w = begin(state);
  do doPhase(w);
  while (!w.done && keepGoing(w));
  return w;
}

/** One phase of the row in progress. */
export function stepPhase(state: TrainerState): TrainerState {
  return run(state, () => false);
}

/** The rest of the row in progress (a whole row when none is in progress). */
export function stepRow(state: TrainerState): TrainerState {
  return run(state, (w) => w.rowPhase !== undefined);
}

/** The rest of the iteration in progress (a whole iteration when none is in progress). */
export function stepIteration(state: TrainerState): TrainerState {
  const target = state.iteration + 1;
  return run(state, (w) => w.iteration < target);
}

/** Whether `state` is between two iterations: no row and no batch in progress. */
export function atBoundary(state: TrainerState): boolean {
  return state.cursor === 0 && state.rowPhase === undefined && state.pending === undefined;
}

/** What a fast path (the kernel) reached: the weights after `iteration` iterations and the error lists up to them. */
export interface Reached {
  readonly weights: Weights;
  readonly iteration: number;
  readonly errors: AppendList<number>;
  readonly heldOutErrors: AppendList<number>;
  /** The weight path up to `iteration` (its points at the stride's iterations up to it). */
  readonly path: WeightPath;
}

/**
 * Steps the iteration after `reached`, in the run of `boundary` (a snapshot of the same setup at an
 * iteration boundary, whose predictions stand for the rows no iteration predicts). Stepping the last
 * iteration gives the snapshot everything stepping gives it: the trace of the last row,
 * previousWeights, the predictions of every row.
 */
export function stepIterationAfter(boundary: TrainerState, reached: Reached): TrainerState {
  if (!atBoundary(boundary)) throw new Error('stepIterationAfter needs a snapshot at an iteration boundary');
  const { weights, iteration, errors, heldOutErrors, path } = reached;
  const done = iteration >= boundary.setup.iterations;
  return stepIteration(new Snapshot({ ...boundary, weights, previousWeights: weights, iteration, errors, heldOutErrors, path, done }));
}

/**
 * Trains to the last iteration. Whole iterations in between go through the fast kernel (the
 * same arithmetic, bit for bit); the last one is stepped, so the final snapshot carries the
 * trace of its last row like any other. (longRun.ts does the same in slices, with checkpoints.)
 */
export function runToEnd(state: TrainerState): TrainerState {
  let s = atBoundary(state) ? state : stepIteration(state);
  const last = s.setup.iterations;
  if (s.done || s.iteration >= last - 1) return stepIteration(s);
  let errors = s.errors;
  let heldOutErrors = s.heldOutErrors;
  let path = s.path;
  const weights = trainToEnd(
    { ...s.setup, initialWeights: s.weights, iterations: last - 1 },
    (it) => {
      errors = errors.append(it.error);
      if (it.heldOutError !== undefined) heldOutErrors = heldOutErrors.append(it.heldOutError);
      path = extendPath(path, it.iteration, () => flatten(it.weights()));
    },
    s.iteration,
  );
  return stepIterationAfter(s, { weights, iteration: last - 1, errors, heldOutErrors, path });
}

/**
 * Goes on from `state` with a new setup (changed rows, labels, training rows, alpha, ...), keeping
 * the weights, the iteration count and the error lists: live editing, or adding the next row to
 * the training set. Valid between iterations only (throws otherwise) and for weights of the new
 * setup's shape. The predictions start over, one per row of the new inputs, since the rows changed;
 * held-out errors go on from where they were (the list is shorter than `errors` when rows were not
 * held out from the start).
 */
export function continueWith(state: TrainerState, setup: TrainingSetup): TrainerState {
  if (!atBoundary(state)) throw new Error('continueWith needs a state between two iterations (no row or batch in progress)');
  const problem = shapeProblem(state.weights, setup);
  if (problem) throw new RangeError(`continueWith: the weights do not fit the new setup: ${problem}`);
  return new Snapshot({
    ...state,
    setup,
    trace: undefined,
    lastPhase: undefined,
    predictions: setup.inputs.map(() => undefined),
    done: state.iteration >= setup.iterations,
  });
}

/** Why `weights` cannot train `setup`'s rows with its net, or undefined when they can. */
function shapeProblem(weights: Weights, setup: TrainingSetup): string | undefined {
  const inputs = setup.inputs[0]?.length ?? 0;
  const init = setup.initialWeights;
  if (weights.layers !== init.layers) return `${weights.layers} layers, the setup has ${init.layers}`;
  if (weights.layers === 2) return weights.weights.length === inputs ? undefined : `${weights.weights.length} weights for ${inputs} inputs`;
  const hidden = init.layers === 3 ? init.weights_1_2.length : 0;
  const fits =
    weights.weights_0_1.length === inputs && weights.weights_0_1.every((r) => r.length === hidden) && weights.weights_1_2.length === hidden;
  return fits ? undefined : `weights_0_1 ${weights.weights_0_1.length} x ${weights.weights_0_1[0]?.length ?? 0} for ${inputs} inputs and ${hidden} hidden nodes`;
}
