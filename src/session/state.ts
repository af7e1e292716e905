/**
 * The session: what the person at the keyboard is looking at and has done. A pure reducer over
 * immutable snapshots; it knows nothing of Ink, so every key flow is testable with plain calls.
 */
import { initialState, runToEnd, stepIteration, stepPhase, stepRow, type TrainerState } from '../engine/trainer.js';
import type { Activation, Mode } from '../engine/types.js';
import type { Scenario } from '../scenarios/schema.js';
import { buildSetup, isDeep, type Overrides } from '../scenarios/setup.js';

/** Play speeds, in rows per second. */
export const SPEEDS = [1, 2, 4, 8, 16, 32, 64, 128, 512, 2048, 8192] as const;
export const DEFAULT_SPEED = 2;
/** Enough history to walk back through a whole lesson, small enough to bound memory on long runs. */
export const HISTORY_LIMIT = 5000;

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
  | { readonly kind: 'not-available'; readonly what: 'mode' | 'activation' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'marker' };

export interface SessionState {
  readonly scenario: Scenario;
  /** Command-line overrides plus the mode/activation chosen with keys. */
  readonly overrides: Overrides;
  readonly trainer: TrainerState;
  /** Earlier snapshots, oldest first; `back` pops the newest. */
  readonly history: readonly TrainerState[];
  readonly last: LastAction;
  readonly playing: boolean;
  readonly speed: number;
  readonly chartScale: 'linear' | 'log';
  readonly showHelp: boolean;
  /** How many markers were added with the marker key. */
  readonly markers: number;
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
  | { readonly type: 'toggle-help' };

export function openSession(scenario: Scenario, overrides: Overrides = {}): SessionState {
  return {
    scenario,
    overrides,
    trainer: initialState(buildSetup(scenario, overrides)),
    history: [],
    last: { kind: 'opened' },
    playing: false,
    speed: DEFAULT_SPEED,
    chartScale: 'linear',
    showHelp: false,
    markers: 0,
  };
}

const MODES: readonly Mode[] = ['sgd', 'batch', 'full'];

function advance(state: SessionState, trainer: TrainerState, step: StepKind): SessionState {
  if (trainer === state.trainer) return { ...state, playing: false, last: { kind: 'finished' } };
  const history = [...state.history.slice(-(HISTORY_LIMIT - 1)), state.trainer];
  const playing = state.playing && !trainer.done;
  return { ...state, trainer, history, playing, last: { kind: 'step', step } };
}

function rows(trainer: TrainerState, count: number): TrainerState {
  let t = trainer;
  for (let i = 0; i < count && !t.done; i++) t = stepRow(t);
  return t;
}

/** Restarts from the same start, with changed overrides (mode, activation) or the same ones (reset). */
function restart(state: SessionState, overrides: Overrides, last: LastAction): SessionState {
  return { ...openSession(state.scenario, overrides), chartScale: state.chartScale, speed: state.speed, markers: state.markers, last };
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'step': {
      const t = state.trainer;
      const next =
        action.step === 'phase' ? stepPhase(t) : action.step === 'row' ? stepRow(t) : action.step === 'iteration' ? stepIteration(t) : runToEnd(t);
      return { ...advance(state, next, action.step), playing: false };
    }
    case 'play-tick':
      return state.playing ? advance(state, rows(state.trainer, action.rows), 'play') : state;
    case 'back': {
      const previous = state.history[state.history.length - 1];
      if (!previous) return { ...state, last: { kind: 'back-at-start' } };
      return { ...state, trainer: previous, history: state.history.slice(0, -1), playing: false, last: { kind: 'back' } };
    }
    case 'toggle-play':
      if (state.trainer.done) return { ...state, playing: false, last: { kind: 'finished' } };
      return { ...state, playing: !state.playing };
    case 'speed':
      return { ...state, speed: Math.max(0, Math.min(SPEEDS.length - 1, state.speed + action.by)) };
    case 'reset':
      return restart(state, state.overrides, { kind: 'reset' });
    case 'cycle-mode': {
      if (isDeep(state.scenario)) return { ...state, last: { kind: 'not-available', what: 'mode' } };
      const mode = MODES[(MODES.indexOf(state.trainer.setup.mode) + 1) % MODES.length]!;
      return restart(state, { ...state.overrides, mode }, { kind: 'mode', mode });
    }
    case 'toggle-activation': {
      if (!isDeep(state.scenario)) return { ...state, last: { kind: 'not-available', what: 'activation' } };
      const activation: Activation = state.trainer.setup.activation === 'relu' ? 'linear' : 'relu';
      return restart(state, { ...state.overrides, activation }, { kind: 'activation', activation });
    }
    case 'toggle-scale':
      return { ...state, chartScale: state.chartScale === 'linear' ? 'log' : 'linear' };
    case 'marker':
      return { ...state, markers: state.markers + 1, last: { kind: 'marker' } };
    case 'toggle-help':
      return { ...state, showHelp: !state.showHelp };
  }
}
