/**
 * The no-UI path: train to the end and print the log as the notebook (or the book) prints it,
 * or as JSON Lines. It imports only the engine, so it starts fast.
 */
import { formatNumber, type NumberStyle } from './engine/pyfloat.js';
import { stepIteration, stepRow, initialState, type TrainerState } from './engine/trainer.js';
import type { TrainingSetup, Weights } from './engine/types.js';
import type { Scenario } from './scenarios/schema.js';

export type LogFormat = 'error-and-prediction' | 'predictions' | 'error-every';

export function logFormatOf(scenario: Scenario): { format: LogFormat; every: number } {
  if (scenario.log) return { format: scenario.log.format, every: scenario.log.every ?? 1 };
  return scenario.network.layers === 3 ? { format: 'error-every', every: 10 } : { format: 'predictions', every: 1 };
}

/** Calls `emit` with each completed iteration's snapshot and the predictions made during it, in row order. */
function train(setup: TrainingSetup, needPredictions: boolean, emit: (s: TrainerState, predictions: number[]) => void): void {
  let state = initialState(setup);
  while (!state.done) {
    if (!needPredictions) {
      state = stepIteration(state);
      emit(state, []);
      continue;
    }
    const predictions: number[] = [];
    const iteration = state.iteration;
    do {
      state = stepRow(state);
      predictions.push(state.trace!.forward!.prediction);
    } while (state.iteration === iteration);
    emit(state, predictions);
  }
}

/** Writes the notebook-style (or book-style) log; `write` receives chunks ending in newlines. */
export function printLog(scenario: Scenario, setup: TrainingSetup, style: NumberStyle, write: (chunk: string) => void): void {
  const { format, every } = logFormatOf(scenario);
  const f = (x: number) => formatNumber(x, style);
  let out = '';
  const flush = (force: boolean) => {
    if (out.length > 65536 || (force && out.length > 0)) {
      write(out);
      out = '';
    }
  };
  train(setup, format !== 'error-every', (state, predictions) => {
    const error = state.errors.last()!;
    if (format === 'error-and-prediction') {
      out += `Error:${f(state.trace!.error!)} Prediction:${f(state.trace!.forward!.prediction)}\n`;
    } else if (format === 'predictions') {
      for (const p of predictions) out += `Prediction:${f(p)}\n`;
      out += `Error:${f(error)}\n`;
      if (setup.heldOutRows.length > 0) out += `Held-out error:${f(state.heldOutErrors.last()!)}\n`;
      out += '\n';
    } else if (state.iteration % every === 0) {
      out += `Error:${f(error)}\n`;
    }
    flush(false);
  });
  flush(true);
}

export function weightsJson(w: Weights): Record<string, unknown> {
  return w.layers === 2 ? { weights: w.weights } : { weights_0_1: w.weights_0_1, weights_1_2: w.weights_1_2 };
}

/** One JSON object per iteration: `{"iteration", "error", "weights"}` (+ `held_out_error` when rows are held out). */
export function printJsonLines(setup: TrainingSetup, write: (chunk: string) => void): void {
  let out = '';
  train(setup, false, (state) => {
    const line: Record<string, unknown> = {
      iteration: state.iteration,
      error: state.errors.last(),
      weights: weightsJson(state.weights),
    };
    if (setup.heldOutRows.length > 0) line.held_out_error = state.heldOutErrors.last();
    out += JSON.stringify(line) + '\n';
    if (out.length > 65536) {
      write(out);
      out = '';
    }
  });
  if (out) write(out);
}
