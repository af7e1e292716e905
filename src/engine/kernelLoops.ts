/**
 * The kernel's inner loops: one iteration over the training rows, on flat Float64Arrays.
 *
 * Each line is the stepwise trainer's arithmetic (network.ts) with the same operands in the same
 * order: sums start at 0 and run left to right, `w - alpha * (input * delta)` keeps its grouping,
 * and relu's slope multiplies as 1 or 0 (so a zero slope gives the same signed zero). Work that is
 * independent per node shares a loop (a node's hidden delta is taken from its old weight before
 * that weight is updated), which changes no result.
 */

import { closesBatch } from './iterationRules.js';

/** The state of a run, flat: reused every iteration. */
export interface Net {
  /** Inputs and goals of the training rows, in training order. */
  readonly x: readonly Float64Array[];
  readonly goals: Float64Array;
  readonly nIn: number;
  readonly nHid: number;
  readonly relu: boolean;
  readonly alpha: number;
  /** Rows per update: 1 (sgd), the batch size, or every training row (full). */
  readonly size: number;
  /** 2-layer weights; 3-layer weights_0_1 (row-major, `i * nHid + j`) and weights_1_2. */
  readonly w: Float64Array;
  readonly w01: Float64Array;
  readonly w12: Float64Array;
  /** Scratch: the row's hidden layer (after the activation) and its delta. */
  readonly hidden: Float64Array;
  readonly hiddenDelta: Float64Array;
  /** Batch and full modes: the weight deltas summed over the batch so far. */
  readonly sumW: Float64Array;
  readonly sum01: Float64Array;
  readonly sum12: Float64Array;
  /** The prediction made for each training row, in training order. */
  readonly predictions: Float64Array;
}

/**
 * The 3-layer forward pass for one row: `layer_1 = relu(layer_0 · weights_0_1)` into `net.hidden`,
 * and `layer_2 = layer_1 · weights_1_2` returned. Node j's sum is complete before it joins layer_2's,
 * so interleaving the two loops adds in the same order as computing them one after the other.
 */
export function deepForward(net: Net, input: Float64Array): number {
  const { nIn, nHid, relu, w01, w12, hidden } = net;
  let prediction = 0;
  for (let j = 0; j < nHid; j++) {
    let sum = 0;
    for (let i = 0, m = j; i < nIn; i++, m += nHid) sum += input[i]! * w01[m]!;
    const h = relu ? (sum > 0 ? sum : 0) : sum;
    hidden[j] = h;
    prediction += h * w12[j]!;
  }
  return prediction;
}

/** A 3-layer net updated after every row (the notebook's loop). Returns the iteration's error. */
export function deepSgdIteration(net: Net): number {
  const { x, goals, nIn, nHid, relu, alpha, w01, w12, hidden, hiddenDelta, predictions } = net;
  let error = 0;
  for (let k = 0; k < x.length; k++) {
    const input = x[k]!;
    const goal = goals[k]!;
    const prediction = deepForward(net, input);
    predictions[k] = prediction;
    error += (goal - prediction) * (goal - prediction);
    const delta = prediction - goal;
    for (let j = 0; j < nHid; j++) {
      const h = hidden[j]!;
      const w = w12[j]!;
      hiddenDelta[j] = delta * w * (!relu || h > 0 ? 1 : 0);
      w12[j] = w - alpha * (h * delta);
    }
    for (let i = 0, m = 0; i < nIn; i++) {
      const xi = input[i]!;
      for (let j = 0; j < nHid; j++, m++) w01[m] = w01[m]! - alpha * (xi * hiddenDelta[j]!);
    }
  }
  return error;
}

/** A 3-layer net in batch or full mode: rows predicted with fixed weights, the mean delta applied per batch. */
export function deepBatchIteration(net: Net): number {
  const { x, goals, nIn, nHid, relu, alpha, size, w01, w12, hidden, hiddenDelta, sum01, sum12, predictions } = net;
  let error = 0;
  let count = 0;
  for (let k = 0; k < x.length; k++) {
    const input = x[k]!;
    const goal = goals[k]!;
    const prediction = deepForward(net, input);
    predictions[k] = prediction;
    error += (goal - prediction) * (goal - prediction);
    const delta = prediction - goal;
    // The batch's first row starts the sums (0 + d would turn a -0 into +0).
    const first = count === 0;
    for (let j = 0; j < nHid; j++) {
      const h = hidden[j]!;
      hiddenDelta[j] = delta * w12[j]! * (!relu || h > 0 ? 1 : 0);
      sum12[j] = first ? h * delta : sum12[j]! + h * delta;
    }
    for (let i = 0; i < nIn; i++) {
      const xi = input[i]!;
      const base = i * nHid;
      for (let j = 0; j < nHid; j++) {
        const d = xi * hiddenDelta[j]!;
        sum01[base + j] = first ? d : sum01[base + j]! + d;
      }
    }
    count++;
    if (closesBatch(k, size, x.length)) {
      for (let m = 0; m < w01.length; m++) w01[m] = w01[m]! - alpha * (sum01[m]! / count);
      for (let j = 0; j < nHid; j++) w12[j] = w12[j]! - alpha * (sum12[j]! / count);
      count = 0;
    }
  }
  return error;
}

/** The 2-layer forward pass for one row: `input · weights`. */
export function flatForward(net: Net, input: Float64Array): number {
  const { nIn, w } = net;
  let prediction = 0;
  for (let i = 0; i < nIn; i++) prediction += input[i]! * w[i]!;
  return prediction;
}

/** A 2-layer net in any mode. */
export function flatIteration(net: Net): number {
  const { x, goals, nIn, alpha, size, w, sumW, predictions } = net;
  let error = 0;
  let count = 0;
  for (let k = 0; k < x.length; k++) {
    const input = x[k]!;
    const goal = goals[k]!;
    const prediction = flatForward(net, input);
    predictions[k] = prediction;
    error += (goal - prediction) * (goal - prediction);
    const delta = prediction - goal;
    if (size === 1) {
      for (let i = 0; i < nIn; i++) w[i] = w[i]! - alpha * (input[i]! * delta);
      continue;
    }
    const first = count === 0;
    for (let i = 0; i < nIn; i++) sumW[i] = first ? input[i]! * delta : sumW[i]! + input[i]! * delta;
    count++;
    if (closesBatch(k, size, x.length)) {
      for (let i = 0; i < nIn; i++) w[i] = w[i]! - alpha * (sumW[i]! / count);
      count = 0;
    }
  }
  return error;
}
