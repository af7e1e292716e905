/**
 * The no-UI path: train to the end and print the log as the notebook (or the book) prints it,
 * or as JSON Lines. It imports only the engine (and the work measure), so it starts fast.
 */
import { constants } from 'node:os';
import { createKernel } from '../engine/kernel.js';
import { formatNumber, type NumberStyle } from '../engine/pyfloat.js';
import type { TrainingSetup, Weights } from '../engine/types.js';
import type { Scenario } from '../scenarios/schema.js';
import { trainingWork, type Output } from '../scenarios/setup.js';

export type LogFormat = 'error-and-prediction' | 'predictions' | 'error-every';

export function logFormatOf(scenario: Scenario): { format: LogFormat; every: number } {
  if (scenario.log) return { format: scenario.log.format, every: scenario.log.every ?? 1 };
  return scenario.network.layers === 3 ? { format: 'error-every', every: 10 } : { format: 'predictions', every: 1 };
}

/**
 * Weight-steps of work per chunk of the log (see LIMITS.work): a few milliseconds whatever the net,
 * so a huge run yields to the event loop, where a signal is handled, many times a second. (A fixed
 * count of iterations would not: 4,096 iterations of a 1000-row net take seconds.)
 */
export const CHUNK_WORK = 3_000_000;

/** Iterations per chunk: CHUNK_WORK over the work of one iteration, training and printing, as the work bound counts it. */
export function chunkIterations(setup: TrainingSetup, log: Scenario['log'], output: Output = {}): number {
  const { training, printing } = trainingWork(setup, log, output);
  return Math.max(1, Math.floor(CHUNK_WORK / ((training + printing) / setup.iterations)));
}

/**
 * The notebook-style (or book-style) log, one chunk of whole lines per CHUNK_WORK of work; `iterations`
 * overrides the chunk size (tests).
 */
export function* logChunks(scenario: Scenario, setup: TrainingSetup, style: NumberStyle, iterations = chunkIterations(setup, scenario.log)): Generator<string> {
  const { format, every } = logFormatOf(scenario);
  const f = (x: number) => formatNumber(x, style);
  const kernel = createKernel(setup);
  if (format === 'error-every') {
    // The deep-net log: only every 10th error is printed, so train each chunk straight into a buffer of
    // errors and format from it: no callback or allocation per iteration, which matters in a cold run.
    const errors = new Float64Array(Math.min(setup.iterations, iterations));
    while (kernel.iteration < setup.iterations) {
      const first = kernel.iteration + 1;
      const n = kernel.runInto(errors);
      let out = '';
      for (let i = (every - (first % every)) % every; i < n; i += every) out += `Error:${f(errors[i]!)}\n`;
      yield out;
    }
    return;
  }
  while (kernel.iteration < setup.iterations) {
    const last = Math.min(setup.iterations, kernel.iteration + iterations);
    let out = '';
    while (kernel.iteration < last) {
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
    }
    yield out;
  }
}

/** Writes the whole log at once; `write` receives chunks of whole lines. */
export function printLog(scenario: Scenario, setup: TrainingSetup, style: NumberStyle, write: (chunk: string) => void): void {
  for (const chunk of logChunks(scenario, setup, style)) if (chunk) write(chunk);
}

export function weightsJson(w: Weights): Record<string, unknown> {
  return w.layers === 2 ? { weights: w.weights } : { weights_0_1: w.weights_0_1, weights_1_2: w.weights_1_2 };
}

/** JSON Lines, one object per iteration: `{"iteration", "error", "weights"}` (+ `held_out_error` when rows are held out), in chunks. */
export function* jsonChunks(setup: TrainingSetup, iterations = chunkIterations(setup, undefined, { json: true })): Generator<string> {
  const kernel = createKernel(setup);
  while (kernel.iteration < setup.iterations) {
    const last = Math.min(setup.iterations, kernel.iteration + iterations);
    let out = '';
    while (kernel.iteration < last) {
      const error = kernel.next();
      const line: Record<string, unknown> = { iteration: kernel.iteration, error, weights: weightsJson(kernel.weights()) };
      const heldOut = kernel.heldOutError();
      if (heldOut !== undefined) line.held_out_error = heldOut;
      out += JSON.stringify(line) + '\n';
    }
    yield out;
  }
}

export function printJsonLines(setup: TrainingSetup, write: (chunk: string) => void): void {
  for (const chunk of jsonChunks(setup)) if (chunk) write(chunk);
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * The CLI's `--print`: writes the chunks, turning to the event loop between them, so Ctrl+C (SIGINT),
 * SIGTERM and SIGHUP stop it within a chunk, after whole lines. Returns the exit code: 0, or 128 + the
 * signal's number when one stopped it (130 for Ctrl+C, as the shell reports a program it interrupted).
 */
export async function printStoppably(chunks: Iterable<string>, write: (chunk: string) => void): Promise<number> {
  let stoppedBy: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    stoppedBy ??= signal;
  };
  for (const signal of SIGNALS) process.on(signal, stop);
  try {
    for (const chunk of chunks) {
      if (chunk) write(chunk);
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (stoppedBy) return 128 + (constants.signals[stoppedBy] ?? 0);
    }
    return 0;
  } finally {
    for (const signal of SIGNALS) process.off(signal, stop);
  }
}
