/**
 * A fast path for training straight to the end (`--print`, the "run to end" key, benchmarks).
 *
 * It performs the very operations of the stepwise trainer, in the same order and grouping, on
 * flat Float64Arrays with no allocation per row, so it is bit-for-bit equal to stepping (a test
 * checks that across every scenario and mode) while running tens of times faster. The stepwise
 * trainer stays the readable reference; this is the same arithmetic, laid out for speed.
 */
import { forward } from './network.js';
import type { TrainingSetup, Weights } from './types.js';

export interface KernelIteration {
  /** 1-based number of the iteration just completed. */
  readonly iteration: number;
  readonly error: number;
  readonly heldOutError: number | undefined;
  /** The prediction made for each training row during the iteration, in training order. */
  readonly predictions: Float64Array;
  /** The weights after the iteration (built on demand). */
  weights(): Weights;
}

export function trainToEnd(setup: TrainingSetup, onIteration: (it: KernelIteration) => void, fromIteration = 0): Weights {
  const init = setup.initialWeights;
  const deep = init.layers === 3;
  const nIn = setup.inputs[0]!.length;
  const nHid = deep ? init.weights_1_2.length : 0;
  const relu = setup.activation === 'relu';
  const alpha = setup.alpha;
  const rows = setup.trainRows;
  const nRows = rows.length;
  const size = setup.mode === 'sgd' ? 1 : setup.mode === 'full' ? nRows : Math.max(1, Math.min(setup.batchSize, nRows));

  // 2-layer: w[i]. 3-layer: w01[i * nHid + j] (row-major, as numpy stores it) and w12[j].
  const w = new Float64Array(deep ? 0 : nIn);
  const w01 = new Float64Array(deep ? nIn * nHid : 0);
  const w12 = new Float64Array(nHid);
  if (init.layers === 2) w.set(init.weights);
  else {
    init.weights_0_1.forEach((r, i) => w01.set(r, i * nHid));
    init.weights_1_2.forEach((r, j) => (w12[j] = r[0]!));
  }
  const x = setup.inputs.map((r) => Float64Array.from(r));
  const hidden = new Float64Array(nHid);
  const hd = new Float64Array(nHid);
  // Batch sums of the weight deltas, before averaging.
  const pw = new Float64Array(w.length);
  const p01 = new Float64Array(w01.length);
  const p12 = new Float64Array(w12.length);
  const predictions = new Float64Array(nRows);

  const weights = (): Weights =>
    deep
      ? {
          layers: 3,
          weights_0_1: Array.from({ length: nIn }, (_, i) => Array.from(w01.subarray(i * nHid, (i + 1) * nHid))),
          weights_1_2: Array.from(w12, (v) => [v]),
        }
      : { layers: 2, weights: Array.from(w) };

  for (let iteration = fromIteration + 1; iteration <= setup.iterations; iteration++) {
    let error = 0;
    let count = 0;
    for (let k = 0; k < nRows; k++) {
      const row = rows[k]!;
      const input = x[row]!;
      const goal = setup.labels[row]!;
      let prediction = 0;
      if (deep) {
        for (let j = 0; j < nHid; j++) {
          let sum = 0;
          for (let i = 0; i < nIn; i++) sum += input[i]! * w01[i * nHid + j]!;
          hidden[j] = relu ? (sum > 0 ? sum : 0) : sum;
        }
        for (let j = 0; j < nHid; j++) prediction += hidden[j]! * w12[j]!;
      } else {
        for (let i = 0; i < nIn; i++) prediction += input[i]! * w[i]!;
      }
      predictions[k] = prediction;
      error += (goal - prediction) * (goal - prediction);
      const delta = prediction - goal;
      if (deep) for (let j = 0; j < nHid; j++) hd[j] = delta * w12[j]! * (!relu || hidden[j]! > 0 ? 1 : 0);

      if (size === 1) {
        if (deep) {
          for (let j = 0; j < nHid; j++) w12[j] = w12[j]! - alpha * (hidden[j]! * delta);
          for (let i = 0; i < nIn; i++) {
            for (let j = 0; j < nHid; j++) w01[i * nHid + j] = w01[i * nHid + j]! - alpha * (input[i]! * hd[j]!);
          }
        } else {
          for (let i = 0; i < nIn; i++) w[i] = w[i]! - alpha * (input[i]! * delta);
        }
        continue;
      }
      // Batch and full: sum this row's deltas (the first row starts the sum), apply the mean at the batch end.
      const first = count === 0;
      if (deep) {
        for (let j = 0; j < nHid; j++) p12[j] = first ? hidden[j]! * delta : p12[j]! + hidden[j]! * delta;
        for (let i = 0; i < nIn; i++) {
          for (let j = 0; j < nHid; j++) {
            const d = input[i]! * hd[j]!;
            p01[i * nHid + j] = first ? d : p01[i * nHid + j]! + d;
          }
        }
      } else {
        for (let i = 0; i < nIn; i++) pw[i] = first ? input[i]! * delta : pw[i]! + input[i]! * delta;
      }
      count++;
      if ((k + 1) % size === 0 || k === nRows - 1) {
        for (let i = 0; i < w.length; i++) w[i] = w[i]! - alpha * (pw[i]! / count);
        for (let i = 0; i < w01.length; i++) w01[i] = w01[i]! - alpha * (p01[i]! / count);
        for (let j = 0; j < w12.length; j++) w12[j] = w12[j]! - alpha * (p12[j]! / count);
        count = 0;
      }
    }
    let heldOutError: number | undefined;
    if (setup.heldOutRows.length > 0) {
      // Rare and small: the readable forward pass is fine here.
      const now = weights();
      heldOutError = 0;
      for (const row of setup.heldOutRows) {
        const p = forward(now, setup.inputs[row]!, setup.activation).prediction;
        heldOutError += (setup.labels[row]! - p) * (setup.labels[row]! - p);
      }
    }
    onIteration({ iteration, error, heldOutError, predictions, weights });
  }
  return weights();
}
