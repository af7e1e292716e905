/**
 * The session: what the person at the keyboard is looking at and has done. A pure reducer over
 * immutable snapshots; it knows nothing of Ink, so every key flow is testable with plain calls.
 */
import { startLongRun, type LongRun } from '../engine/longRun.js';
import type { AppendList } from '../engine/appendList.js';
import { atBoundary, continueWith, initialState, stepIteration, stepPhase, stepRow, type TrainerState } from '../engine/trainer.js';
import type { Activation, Mode } from '../engine/types.js';
import type { Scenario } from '../scenarios/schema.js';
import { buildSetup, isDeep, type Overrides } from '../scenarios/setup.js';
import { emptyHistory, popHistory, pushHistory, pushRun, type History } from './history.js';
import { rowBudget, SYNC_RUN_OPS, workLeft } from './runBudget.js';

/** Play speeds, in rows per second. */
export const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 512, 2048, 8192] as const;
export const DEFAULT_SPEED = 2;
export type StepKind = 'phase' | 'row' | 'iteration' | 'end' | 'play';

/** What the last action did, for the caption. */
export type LastAction =
  | { readonly kind: 'opened' }
  | { readonly kind: 'step'; readonly step: StepKind }
  | { readonly kind: 'back' }
  | { readonly kind: 'back-at-start' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'mode'; readonly mode: Mode }
  | { readonly kind: 'activation'; readonly activation: Activation }
  | { readonly kind: 'not-available'; readonly what: 'mode' | 'activation' | 'train-row' }
  | { readonly kind: 'train-row'; readonly row: number }
  | { readonly kind: 'view' }
  | { readonly kind: 'network-page' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'running' }
  | { readonly kind: 'stopped' }
  | { readonly kind: 'speed' }
  | { readonly kind: 'marker' };

export interface SessionState {
  readonly scenario: Scenario;
  /** Command-line overrides plus the mode/activation chosen with keys. */
  readonly overrides: Overrides;
  readonly trainer: TrainerState;
  /** Earlier snapshots for the back key (bounded: see history.ts). */
  readonly history: History;
  readonly last: LastAction;
  readonly playing: boolean;
  readonly speed: number;
  readonly chartScale: 'linear' | 'log';
  /** How many markers were added with the marker key. */
  readonly markers: number;
  /** Whether a recording is being written (the marker key says so when not). */
  readonly recording: boolean;
  /**
   * A run to the end too long to do between two frames, done in slices ('run-slice') while the screen
   * keeps drawing and keys keep coming; any key stops it at an iteration boundary. The LongRun is the
   * one mutable thing a session holds: each slice trains it on, and `trainer` is its state after it.
   */
  readonly running: LongRun | undefined;
  /** Which of the extra views (pressure tables, intermediate dataset, weights chart) the side slot shows; `v` cycles. */
  readonly view: number;
  /** Where a 3-layer net's network panel cannot show both: its forward rows or its backward rows; `w` switches. */
  readonly networkPage: 'forward' | 'backward';
  /** The run before the last restart by g or a: its error curve stays on the chart, named by what it was. */
  readonly previous: { readonly errors: AppendList<number>; readonly name: string } | undefined;
}

export type SessionAction =
  | { readonly type: 'step'; readonly step: 'phase' | 'row' | 'iteration' | 'end' }
  | { readonly type: 'play-tick'; readonly rows: number }
  | { readonly type: 'back' }
  | { readonly type: 'toggle-play' }
  | { readonly type: 'speed'; readonly by: 1 | -1 }
  | { readonly type: 'reset' }
  | { readonly type: 'cycle-mode' }
  | { readonly type: 'toggle-activation' }
  | { readonly type: 'toggle-scale' }
  | { readonly type: 'marker' }
  | { readonly type: 'run-slice' }
  | { readonly type: 'stop-run' }
  | { readonly type: 'cycle-view' }
  | { readonly type: 'toggle-network-page' }
  | { readonly type: 'train-next-row' };

export function openSession(scenario: Scenario, overrides: Overrides = {}, recording = false): SessionState {
  const setup = buildSetup(scenario, overrides);
  return {
    scenario,
    overrides,
    trainer: initialState(setup),
    history: emptyHistory(setup),
    last: { kind: 'opened' },
    playing: false,
    speed: DEFAULT_SPEED,
    chartScale: 'linear',
    markers: 0,
    recording,
    running: undefined,
    view: 0,
    networkPage: 'forward',
    previous: undefined,
  };
}

const MODES: readonly Mode[] = ['sgd', 'batch', 'full'];

function advance(state: SessionState, trainer: TrainerState, step: StepKind): SessionState {
  if (trainer === state.trainer) return { ...state, playing: false, last: { kind: 'finished' } };
  const history = pushHistory(state.history, state.trainer);
  const playing = state.playing && !trainer.done;
  return { ...state, trainer, history, playing, last: { kind: 'step', step } };
}

function rows(trainer: TrainerState, count: number): TrainerState {
  let t = trainer;
  for (let i = 0; i < count && !t.done; i++) t = stepRow(t);
  return t;
}

/** Restarts from the same start, with changed overrides (mode, activation) or the same ones (reset). */
/** Restarts from the same start, with changed overrides (mode, activation) or the same ones (reset). */
function restart(state: SessionState, overrides: Overrides, last: LastAction, previous = state.previous): SessionState {
  return {
    ...openSession(state.scenario, overrides, state.recording),
    chartScale: state.chartScale,
    speed: state.speed,
    markers: state.markers,
    view: state.view,
    networkPage: state.networkPage,
    previous,
    last,
  };
}

/** What a run was, for the legend of its curve once another run replaced it. */
function runName(t: TrainerState): string {
  return t.weights.layers === 3 ? t.setup.activation : t.setup.mode === 'batch' ? `batch ${t.setup.batchSize}` : t.setup.mode;
}

/**
 * `t` (rows held out): the first held-out row joins the training rows, the weights as they are. The
 * book's point about overfitting: trained on row 0 alone the net sits at an equilibrium with error 0;
 * row 1 pushes the right weight again and breaks it. At an iteration boundary only (the iteration in
 * progress is finished first); a run that had finished gets its scenario's iterations again.
 */
function trainNextRow(state: SessionState): SessionState {
  const t = state.trainer;
  const next = t.setup.heldOutRows[0];
  if (next === undefined) return { ...state, last: { kind: 'not-available', what: 'train-row' } };
  const boundary = atBoundary(t) ? t : stepIteration(t);
  const setup = {
    ...boundary.setup,
    trainRows: [...boundary.setup.trainRows, next],
    heldOutRows: boundary.setup.heldOutRows.slice(1),
    iterations: boundary.done ? boundary.iteration + state.scenario.training.iterations : boundary.setup.iterations,
  };
  const history = boundary === t ? pushHistory(state.history, t) : pushHistory(pushHistory(state.history, t), boundary);
  return { ...state, trainer: continueWith(boundary, setup), history, playing: false, last: { kind: 'train-row', row: next } };
}

/**
 * `e`: train to the last iteration. A short run (a few million multiply-adds) is done at once; a
 * longer one starts in slices (see `running`), and the screen shows its progress as it goes.
 */
function runToTheEnd(state: SessionState): SessionState {
  const t = state.trainer;
  if (t.done) return { ...state, playing: false, last: { kind: 'finished' } };
  const run = startLongRun(t);
  if (workLeft(t) <= SYNC_RUN_OPS) {
    while (!run.done) run.advance(Number.MAX_SAFE_INTEGER);
    return finishRun(state, run, { kind: 'step', step: 'end' });
  }
  run.advance(rowBudget(t.setup));
  if (run.done) return finishRun(state, run, { kind: 'step', step: 'end' });
  return { ...state, trainer: run.state(), running: run, playing: false, last: { kind: 'running' } };
}

/** A run to the end finished or stopped: its state, and the back key can walk through its iterations. */
function finishRun(state: SessionState, run: LongRun, last: LastAction): SessionState {
  return { ...state, trainer: run.state(), history: pushRun(state.history, run), running: undefined, playing: false, last };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'step': {
      const t = state.trainer;
      if (action.step === 'end') return runToTheEnd(state);
      const next = action.step === 'phase' ? stepPhase(t) : action.step === 'row' ? stepRow(t) : stepIteration(t);
      return { ...advance(state, next, action.step), playing: false };
    }
    case 'run-slice': {
      const run = state.running;
      if (!run) return state;
      run.advance(rowBudget(run.start.setup));
      return run.done ? finishRun(state, run, { kind: 'step', step: 'end' }) : { ...state, trainer: run.state() };
    }
    case 'stop-run':
      return state.running ? finishRun(state, state.running, { kind: 'stopped' }) : state;
    case 'play-tick':
      return state.playing ? advance(state, rows(state.trainer, action.rows), 'play') : state;
    case 'back': {
      const popped = popHistory(state.history);
      if (!popped) return { ...state, playing: false, last: { kind: 'back-at-start' } };
      return { ...state, trainer: popped.state, history: popped.history, playing: false, last: { kind: 'back' } };
    }
    case 'toggle-play':
      if (state.trainer.done) return { ...state, playing: false, last: { kind: 'finished' } };
      return { ...state, playing: !state.playing };
    case 'speed':
      return { ...state, speed: Math.max(0, Math.min(SPEEDS.length - 1, state.speed + action.by)), last: { kind: 'speed' } };
    case 'reset':
      return restart(state, state.overrides, { kind: 'reset' });
    case 'cycle-mode': {
      if (isDeep(state.scenario)) return { ...state, last: { kind: 'not-available', what: 'mode' } };
      const mode = MODES[(MODES.indexOf(state.trainer.setup.mode) + 1) % MODES.length]!;
      return restart(state, { ...state.overrides, mode }, { kind: 'mode', mode }, { errors: state.trainer.errors, name: runName(state.trainer) });
    }
    case 'toggle-activation': {
      if (!isDeep(state.scenario)) return { ...state, last: { kind: 'not-available', what: 'activation' } };
      const activation: Activation = state.trainer.setup.activation === 'relu' ? 'linear' : 'relu';
      return restart(state, { ...state.overrides, activation }, { kind: 'activation', activation }, { errors: state.trainer.errors, name: runName(state.trainer) });
    }
    case 'toggle-scale':
      return { ...state, chartScale: state.chartScale === 'linear' ? 'log' : 'linear' };
    case 'cycle-view':
      return { ...state, view: state.view + 1, last: { kind: 'view' } };
    case 'toggle-network-page':
      return { ...state, networkPage: state.networkPage === 'forward' ? 'backward' : 'forward', last: { kind: 'network-page' } };
    case 'train-next-row':
      return trainNextRow(state);
    case 'marker':
      // Without a recording there is nothing to mark: the count stays, and the caption says how to record.
      return state.recording ? { ...state, markers: state.markers + 1, last: { kind: 'marker' } } : { ...state, last: { kind: 'marker' } };
  }
}
