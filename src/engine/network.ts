/**
 * The arithmetic of one row, written to match the book's numpy code operation for operation.
 *
 * Floating-point addition is not associative, so every sum runs left to right, the way
 * numpy's loops (and the reference outputs) add, and every product keeps numpy's grouping:
 * `w - alpha * (input * delta)`, never `(alpha * input) * delta`.
 */
import type { Activation, Matrix, Vector, Weights } from './types.js';

export function relu(x: number): number {
  return x > 0 ? x : 0;
}

/** The slope of the activation at a node's output: relu passes a delta only through nodes that fired. */
export function activationSlope(activation: Activation, output: number): number {
  return activation === 'linear' || output > 0 ? 1 : 0;
}

export function dot(a: Vector, b: Vector): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** `vector · matrix` (a 1×n row times an n×m matrix), each column summed top to bottom. */
export function vecMat(v: Vector, m: Matrix): number[] {
  const cols = m[0]?.length ?? 0;
  const out = new Array<number>(cols).fill(0);
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0; i < v.length; i++) sum += v[i]! * m[i]![j]!;
    out[j] = sum;
  }
  return out;
}

/** The forward pass for one input row. */
export interface Forward {
  /** 3-layer nets: the hidden layer before and after the activation. */
  readonly hiddenRaw?: Vector;
  readonly hidden?: Vector;
  readonly prediction: number;
}

export function forward(weights: Weights, input: Vector, activation: Activation): Forward {
  if (weights.layers === 2) return { prediction: dot(input, weights.weights) };
  const hiddenRaw = vecMat(input, weights.weights_0_1);
  const hidden = activation === 'relu' ? hiddenRaw.map(relu) : hiddenRaw;
  const prediction = vecMat(hidden, weights.weights_1_2)[0]!;
  return { hiddenRaw, hidden, prediction };
}

/** `layer_1_delta = layer_2_delta · weights_1_2ᵀ × slope(layer_1)`. */
export function hiddenDelta(weights_1_2: Matrix, delta: number, hidden: Vector, activation: Activation): number[] {
  return hidden.map((h, j) => delta * weights_1_2[j]![0]! * activationSlope(activation, h));
}

/**
 * The two halves of `hiddenDelta`, as the book's figures show them: each hidden node's share of the
 * error, `layer_2_delta × weights_1_2[j]`, and the slope that passes or zeroes it (relu2deriv: 1 where
 * the node fired, 0 where relu switched it off; always 1 without an activation). Their product, in this
 * order, is exactly `hiddenDelta`'s.
 */
export function hiddenDeltaParts(weights_1_2: Matrix, delta: number, hidden: Vector, activation: Activation): { share: number[]; slope: number[] } {
  return { share: hidden.map((_, j) => delta * weights_1_2[j]![0]!), slope: hidden.map((h) => activationSlope(activation, h)) };
}

/** Every row's prediction with the weights in force (not as of when the row was last trained). */
export function predictAll(weights: Weights, inputs: Matrix, activation: Activation): number[] {
  return inputs.map((row) => forward(weights, row, activation).prediction);
}

/**
 * The weight deltas of one row before alpha: `input * delta` for a 2-layer net;
 * `layer_1ᵀ · layer_2_delta` and `layer_0ᵀ · layer_1_delta` for a 3-layer net.
 */
export function rowWeightDeltas(
  weights: Weights,
  input: Vector,
  delta: number,
  hidden?: Vector,
  hidden_delta?: Vector,
): Weights {
  if (weights.layers === 2) return { layers: 2, weights: input.map((x) => x * delta) };
  return {
    layers: 3,
    weights_0_1: input.map((x) => hidden_delta!.map((d) => x * d)),
    weights_1_2: hidden!.map((h) => [h * delta]),
  };
}

function zipMatrix(a: Matrix, b: Matrix, f: (x: number, y: number) => number): number[][] {
  return a.map((row, i) => row.map((x, j) => f(x, b[i]![j]!)));
}

/** Element-wise combination of two weight sets of the same shape. */
export function combineWeights(a: Weights, b: Weights, f: (x: number, y: number) => number): Weights {
  if (a.layers === 2 && b.layers === 2) return { layers: 2, weights: a.weights.map((x, i) => f(x, b.weights[i]!)) };
  if (a.layers === 3 && b.layers === 3) {
    return {
      layers: 3,
      weights_0_1: zipMatrix(a.weights_0_1, b.weights_0_1, f),
      weights_1_2: zipMatrix(a.weights_1_2, b.weights_1_2, f),
    };
  }
  throw new Error('weights of different shapes');
}

export function mapWeights(a: Weights, f: (x: number) => number): Weights {
  return combineWeights(a, a, (x) => f(x));
}

/** `weights - alpha * deltas`, with `deltas` already averaged where the mode averages. */
export function applyUpdate(weights: Weights, deltas: Weights, alpha: number): Weights {
  return combineWeights(weights, deltas, (w, d) => w - alpha * d);
}

/** Flattens the weights, row by row, for comparisons and charts. */
export function flatWeights(w: Weights): number[] {
  if (w.layers === 2) return [...w.weights];
  return [...w.weights_0_1.flat(), ...w.weights_1_2.flat()];
}

/** `weights_0_1 · weights_1_2`: what a linear 3-layer net amounts to as a single layer. */
export function equivalentSingleLayer(w: Weights): number[] {
  if (w.layers === 2) return [...w.weights];
  return w.weights_0_1.map((row) => dot(row, w.weights_1_2.map((r) => r[0]!)));
}
