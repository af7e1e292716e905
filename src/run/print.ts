/**
 * The no-UI path: train to the end and print the log as the notebook (or the book) prints it,
 * or as JSON Lines. It imports only the engine, so it starts fast.
 */
import { formatNumber, type NumberStyle } from '../engine/pyfloat.js';
import { createKernel, trainToEnd } from '../engine/kernel.js';
import type { TrainingSetup, Weights } from '../engine/types.js';
import type { Scenario } from '../scenarios/schema.js';

export type LogFormat = 'error-and-prediction' | 'predictions' | 'error-every';

export function logFormatOf(scenario: Scenario): { format: LogFormat; every: number } {
  if (scenario.log) return { format: scenario.log.format, every: scenario.log.every ?? 1 };
  return scenario.network.layers === 3 ? { format: 'error-every', every: 10 } : { format: 'predictions', every: 1 };
}

/** Writes the notebook-style (or book-style) log; `write` receives chunks ending in newlines. */
export function printLog(scenario: Scenario, setup: TrainingSetup, style: NumberStyle, write: (chunk: string) => void): void {
  const { format, every } = logFormatOf(scenario);
  const f = (x: number) => formatNumber(x, style);
  const kernel = createKernel(setup);
  let out = '';
  const flush = () => {
    if (out.length > 65536) {
      write(out);
      out = '';
    }
  };
  if (format === 'error-every') {
    // The deep-net log: only every 10th error is printed, so train in chunks straight into a buffer of
    // errors and format from it: no callback or allocation per iteration, which matters in a cold run.
    const errors = new Float64Array(Math.min(setup.iterations, 4096));
    while (kernel.iteration < setup.iterations) {
      const first = kernel.iteration + 1;
      const n = kernel.runInto(errors);
      for (let i = (every - (first % every)) % every; i < n; i += every) out += `Error:${f(errors[i]!)}\n`;
      flush();
    }
  } else {
    while (kernel.iteration < setup.iterations) {
      const error = kernel.next();
      if (format === 'error-and-prediction') {
        // The single-light log: one row, so the iteration's error is that row's error.
        out += `Error:${f(error)} Prediction:${f(kernel.predictions[kernel.predictions.length - 1]!)}\n`;
      } else {
        for (const p of kernel.predictions) out += `Prediction:${f(p)}\n`;
        out += `Error:${f(error)}\n`;
        const heldOut = kernel.heldOutError();
        if (heldOut !== undefined) out += `Held-out error:${f(heldOut)}\n`;
        out += '\n';
      }
      flush();
    }
  }
  if (out) write(out);
}

export function weightsJson(w: Weights): Record<string, unknown> {
  return w.layers === 2 ? { weights: w.weights } : { weights_0_1: w.weights_0_1, weights_1_2: w.weights_1_2 };
}

/** One JSON object per iteration: `{"iteration", "error", "weights"}` (+ `held_out_error` when rows are held out). */
export function printJsonLines(setup: TrainingSetup, write: (chunk: string) => void): void {
  let out = '';
  trainToEnd(setup, (it) => {
    const line: Record<string, unknown> = { iteration: it.iteration, error: it.error, weights: weightsJson(it.weights()) };
    if (it.heldOutError !== undefined) line.held_out_error = it.heldOutError;
    out += JSON.stringify(line) + '\n';
    if (out.length > 65536) {
      write(out);
      out = '';
    }
  });
  if (out) write(out);
}
