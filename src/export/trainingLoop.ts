/**
 * The training loop of an exported script, in the book's words: the whole-dataset cell for 2-layer
 * nets, the notebook's "putting it all together" cell for 3-layer ones, with our additions (batch
 * and full updates, held-out rows, other log formats) written in the same style.
 */
import type { Mode } from '../engine/types.js';
import type { LogFormat } from '../run/print.js';

export interface LoopPlan {
  readonly deep: boolean;
  readonly relu: boolean;
  readonly iterations: number;
  readonly mode: Mode;
  /** `natural`: every row, in order (the book's `range(len(...))`); `listed`: the `train_rows` list. */
  readonly rows: 'natural' | 'listed';
  /** Print the held-out error (the predictions log of a run with held-out rows). */
  readonly heldOut: boolean;
  readonly log: { readonly format: LogFormat; readonly every: number };
  /** The function that formats a number as the log prints it: `str` (notebook) or `py2_str` (book). */
  readonly str: string;
  /** Weighted sums np.dot would not add in the engine's order, written with `w_sum` / `vect_mat_mul`. */
  readonly wSum: { readonly prediction: boolean; readonly layer1: boolean; readonly layer2: boolean };
}

type Lines = string[];

function indent(lines: Lines, by = 1): Lines {
  return lines.map((l) => (l === '' ? l : '    '.repeat(by) + l));
}

/** The forward pass of one row, `x` being its input expression. */
function prediction(plan: LoopPlan, x: string): string {
  return plan.wSum.prediction ? `w_sum(${x}, weights)` : `${x}.dot(weights)`;
}

function deepForward(plan: LoopPlan, i: string): Lines {
  const sum1 = plan.wSum.layer1 ? 'vect_mat_mul(layer_0, weights_0_1)' : 'np.dot(layer_0, weights_0_1)';
  const sum2 = plan.wSum.layer2 ? 'vect_mat_mul(layer_1, weights_1_2)' : 'np.dot(layer_1, weights_1_2)';
  return [`layer_0 = streetlights[${i}:${i}+1]`, `layer_1 = ${plan.relu ? `relu(${sum1})` : sum1}`, `layer_2 = ${sum2}`];
}

const SQUARE_NOTE = [
  '# The book writes (goal_prediction - prediction) ** 2; np.square multiplies the difference by itself,',
  "# exactly, while a float's ** 2 goes through the C library's pow, which can round the last digit differently.",
];

/** One training row: predict, compare, learn (now in sgd, or into the batch's sums), print its prediction. */
function rowBody(plan: LoopPlan, first: boolean): Lines {
  const sgd = plan.mode === 'sgd';
  const printPrediction = plan.log.format === 'predictions';
  if (!plan.deep) {
    return [
      'input = streetlights[row_index]',
      'goal_prediction = walk_vs_stop[row_index]',
      `prediction = ${prediction(plan, 'input')}`,
      ...(first ? SQUARE_NOTE : []),
      'error = np.square(goal_prediction - prediction)',
      'error_for_all_lights += error',
      'delta = prediction - goal_prediction',
      sgd ? 'weights = weights - (alpha * (input * delta))' : 'weight_deltas += input * delta',
      ...(printPrediction ? [`print("Prediction:" + ${plan.str}(prediction))`] : []),
    ];
  }
  const slope = plan.relu ? ' * relu2deriv(layer_1)' : '';
  return [
    ...deepForward(plan, 'i'),
    'layer_2_error += np.sum((layer_2 - walk_vs_stop[i:i+1]) ** 2)',
    'layer_2_delta = (layer_2 - walk_vs_stop[i:i+1])',
    `layer_1_delta = layer_2_delta.dot(weights_1_2.T)${slope}`,
    ...(sgd
      ? ['weights_1_2 -= alpha * layer_1.T.dot(layer_2_delta)', 'weights_0_1 -= alpha * layer_0.T.dot(layer_1_delta)']
      : ['weight_deltas_1_2 += layer_1.T.dot(layer_2_delta)', 'weight_deltas_0_1 += layer_0.T.dot(layer_1_delta)']),
    ...(printPrediction ? [`print("Prediction:" + ${plan.str}(layer_2[0, 0]))`] : []),
  ];
}

function zeroSums(plan: LoopPlan): Lines {
  return plan.deep
    ? ['weight_deltas_1_2 = np.zeros_like(weights_1_2)', 'weight_deltas_0_1 = np.zeros_like(weights_0_1)']
    : ['weight_deltas = np.zeros_like(weights)'];
}

/** The averaged update of a batch (or a full pass) of `count` rows: `weights -= alpha * mean(weight deltas)`. */
function averagedUpdate(plan: LoopPlan, count: string): Lines {
  return plan.deep
    ? [`weights_1_2 -= alpha * (weight_deltas_1_2 / ${count})`, `weights_0_1 -= alpha * (weight_deltas_0_1 / ${count})`]
    : [`weights = weights - alpha * (weight_deltas / ${count})`];
}

/** The rows of one pass: the book's `for row_index in range(len(walk_vs_stop))`, or the listed training rows. */
function passRows(plan: LoopPlan): { index: string; all: string; count: string } {
  const index = plan.deep ? 'i' : 'row_index';
  if (plan.rows === 'listed') return { index, all: 'train_rows', count: 'len(train_rows)' };
  const data = plan.deep ? 'streetlights' : 'walk_vs_stop';
  return { index, all: `range(len(${data}))`, count: `len(${data})` };
}

function pass(plan: LoopPlan): Lines {
  const { index, all, count } = passRows(plan);
  const body = rowBody(plan, true);
  if (plan.mode === 'sgd') return [`for ${index} in ${all}:`, ...indent(body)];
  if (plan.mode === 'full') {
    return [
      '# Full gradient descent: every row is predicted with the same weights, and one update per pass',
      "# applies the average of the rows' weight deltas (the book's loop updates after every row).",
      ...zeroSums(plan),
      `for ${index} in ${all}:`,
      ...indent(body),
      ...averagedUpdate(plan, count),
    ];
  }
  const batch =
    plan.rows === 'listed'
      ? 'batch = train_rows[batch_start:batch_start + batch_size]'
      : `batch = range(batch_start, min(batch_start + batch_size, ${count}))`;
  return [
    '# Batch gradient descent: one update per batch_size rows, with the average of their weight deltas',
    '# (a shorter last batch is averaged over its own rows).',
    `for batch_start in range(0, ${count}, batch_size):`,
    ...indent([batch, ...zeroSums(plan), `for ${index} in batch:`, ...indent(body), ...averagedUpdate(plan, 'len(batch)')]),
  ];
}

function heldOutError(plan: LoopPlan): Lines {
  const body = plan.deep
    ? [...deepForward(plan, 'i'), 'held_out_error += np.sum((layer_2 - walk_vs_stop[i:i+1]) ** 2)']
    : [
        `held_out_prediction = ${prediction(plan, 'streetlights[row_index]')}`,
        'held_out_error += np.square(walk_vs_stop[row_index] - held_out_prediction)',
      ];
  return [
    '# The held-out rows, predicted with the weights after this pass (never trained on): their error',
    '# shows how well the net does on lights it has not learned from.',
    'held_out_error = 0',
    `for ${plan.deep ? 'i' : 'row_index'} in held_out_rows:`,
    ...indent(body),
  ];
}

function printLog(plan: LoopPlan, error: string): Lines {
  const f = (x: string) => `${plan.str}(${x})`;
  const { format, every } = plan.log;
  if (format === 'error-and-prediction') {
    const last = plan.deep ? 'layer_2[0, 0]' : 'prediction';
    return [`print("Error:" + ${f(error)} + " Prediction:" + ${f(last)})`];
  }
  if (format === 'predictions') {
    if (!plan.heldOut) return [`print("Error:" + ${f(error)} + "\\n")`];
    return [`print("Error:" + ${f(error)})`, ...heldOutError(plan), `print("Held-out error:" + ${f('held_out_error')} + "\\n")`];
  }
  const line = `print("Error:" + ${f(error)})`;
  return every === 1 ? [line] : [`if iteration % ${every} == ${every - 1}:`, ...indent([line])];
}

/** `for iteration in range(n):` and everything under it. */
export function trainingLoop(plan: LoopPlan): string {
  const error = plan.deep ? 'layer_2_error' : 'error_for_all_lights';
  const lines = [`for iteration in range(${plan.iterations}):`, ...indent([`${error} = 0`, ...pass(plan), ...printLog(plan, error)])];
  return lines.join('\n');
}

/** The book's single-light cell: one row, so every mode makes the same update after it. */
export function singleRowLoop(plan: LoopPlan, row: number): string {
  const note = plan.mode === 'sgd' ? [] : [`# With a single row, ${plan.mode} gradient descent makes the same update as updating after every row.`];
  return [
    `input = streetlights[${row}]`,
    `goal_prediction = walk_vs_stop[${row}]`,
    '',
    ...note,
    `for iteration in range(${plan.iterations}):`,
    ...indent([
      `prediction = ${prediction(plan, 'input')}`,
      ...SQUARE_NOTE,
      'error = np.square(goal_prediction - prediction)',
      'delta = prediction - goal_prediction',
      'weights = weights - (alpha * (input * delta))',
      `print("Error:" + ${plan.str}(error) + " Prediction:" + ${plan.str}(prediction))`,
    ]),
  ].join('\n');
}
