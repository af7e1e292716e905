/**
 * A run as a standalone Python 3 + numpy script in the book's style, which prints exactly what
 * `--print` prints for that run: the same numbers to the last digit, in the same number style.
 *
 * The script is the chapter's own code (the whole-dataset cell for 2-layer nets, the notebook's
 * "putting it all together" cell for 3-layer ones) with the run's data, weights and settings, and
 * short comments where it must differ from the page: averaged updates in batch and full mode,
 * held-out rows, squares, long weighted sums, and the BLAS kernel that keeps sums in order.
 */
import { mersenneTwister, symmetricRandomMatrix } from '../engine/random.js';
import type { Matrix, TrainingSetup, Weights } from '../engine/types.js';
import { layerDotInOrder, vectorDotInOrder } from './dotOrder.js';
import type { NumpyRun } from './numpyRun.js';
import { commentText, npMatrix, pyFloat, pyList, pyNumber } from './pythonSource.js';
import { singleRowLoop, trainingLoop, type LoopPlan } from './trainingLoop.js';

export type { NumpyRun } from './numpyRun.js';

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function modeText(setup: TrainingSetup): string {
  if (setup.mode === 'sgd') return 'stochastic gradient descent (an update after every row)';
  if (setup.mode === 'full') return 'full gradient descent (one averaged update per pass)';
  return `batch gradient descent (an averaged update per ${count(setup.batchSize, 'row')})`;
}

function sameWeights(a: Weights, b: Weights): boolean {
  const flat = (w: Weights) => (w.layers === 2 ? [...w.weights] : [...w.weights_0_1.flat(), ...w.weights_1_2.flat()]);
  const [x, y] = [flat(a), flat(b)];
  const shape = (w: Weights) => (w.layers === 2 ? [w.weights.length] : [w.weights_0_1.length, w.weights_1_2.length]);
  return a.layers === b.layers && String(shape(a)) === String(shape(b)) && x.every((v, i) => Object.is(v, y[i]));
}

/** The seed to write, if drawing from it gives exactly the run's initial weights. */
function drawnSeed(run: NumpyRun): number | undefined {
  if (run.seed === undefined) return undefined;
  const w = run.setup.initialWeights;
  const rng = mersenneTwister(run.seed);
  const inputs = run.setup.inputs[0]!.length;
  const drawn: Weights =
    w.layers === 2
      ? { layers: 2, weights: symmetricRandomMatrix(rng, inputs, 1).map((r) => r[0]!) }
      : { layers: 3, weights_0_1: symmetricRandomMatrix(rng, inputs, w.weights_1_2.length), weights_1_2: symmetricRandomMatrix(rng, w.weights_1_2.length, 1) };
  return sameWeights(w, drawn) ? run.seed : undefined;
}

function isNaturalOrder(setup: TrainingSetup): boolean {
  return setup.trainRows.length === setup.inputs.length && setup.trainRows.every((r, i) => r === i);
}

function planOf(run: NumpyRun): LoopPlan {
  const { setup } = run;
  const w = setup.initialWeights;
  const inputs = setup.inputs[0]!.length;
  const hidden = w.layers === 3 ? w.weights_1_2.length : 0;
  return {
    deep: w.layers === 3,
    relu: setup.activation === 'relu',
    iterations: setup.iterations,
    mode: setup.mode,
    rows: isNaturalOrder(setup) ? 'natural' : 'listed',
    heldOut: run.log.format === 'predictions' && setup.heldOutRows.length > 0,
    log: run.log,
    str: run.style === 'book' ? 'py2_str' : 'str',
    wSum: {
      prediction: w.layers === 2 && !vectorDotInOrder(inputs),
      layer1: w.layers === 3 && !layerDotInOrder(inputs, hidden),
      layer2: w.layers === 3 && !layerDotInOrder(hidden, 1),
    },
  };
}

function header(run: NumpyRun, seed: number | undefined): string {
  const { setup } = run;
  const w = setup.initialWeights;
  const inputs = setup.inputs[0]!.length;
  const lamps = count(inputs, 'lamp');
  const net =
    w.layers === 2
      ? `a 2-layer net (${lamps})`
      : `a 3-layer net (${lamps}, ${count(w.weights_1_2.length, 'hidden node')}, ${setup.activation === 'relu' ? 'relu' : 'no activation'})`;
  const start = seed !== undefined ? `weights drawn by np.random.seed(${seed})` : 'the starting weights written below';
  const n = setup.inputs.length;
  const heldOut = setup.heldOutRows.length > 0 ? ` (${setup.heldOutRows.length} held out)` : '';
  const rows = isNaturalOrder(setup)
    ? count(n, 'row')
    : setup.trainRows.length <= 10
      ? `trained on ${setup.trainRows.length === 1 ? 'row' : 'rows'} ${setup.trainRows.join(', ')} of ${n}${heldOut}`
      : `trained on ${setup.trainRows.length} listed rows of ${n}${heldOut}`;
  const settings = commentText(run.settings) || "the scenario's own";
  return [
    `# ${commentText(run.title)} (scenario ${commentText(run.id)}), a streetlight-tui run exported as a numpy script.`,
    `# Settings: ${settings}`,
    `# The run: ${net}, ${rows}, alpha ${pyFloat(setup.alpha)}, ${setup.iterations} iterations,`,
    `#   ${modeText(setup)}; ${start}.`,
    `# python3 (with numpy) prints what the app's --print${run.style === 'book' ? ' --style book' : ''} prints for this run, to the last digit.`,
  ].join('\n');
}

const PIN_KERNEL = `import os

# Exact numbers: numpy hands np.dot to OpenBLAS, whose fastest kernels (AVX2, AVX-512) fuse each
# multiply into the add and split long sums into several running totals, which can change the last
# digit. Its Sandybridge kernel adds left to right, as the book's loops and the simulator do. The
# choice must be made before numpy is imported. (Other BLAS libraries may differ in the last digit.)
os.environ['OPENBLAS_CORETYPE'] = 'Sandybridge'
os.environ['OPENBLAS_NUM_THREADS'] = '1'

import numpy as np`;

const PY2_STR = `def py2_str(x):
    # The book's pages were printed by Python 2, whose str() of a float keeps 12 significant
    # digits ('%.12g') and adds '.0' to whole numbers.
    text = '%.12g' % x
    return text + '.0' if text.lstrip('-').isdigit() else text`;

const W_SUM = `def w_sum(a, b):
    # np.dot(a, b), added left to right from 0.0 like the book's loops (and the simulator). np.dot keeps
    # several running sums for 16 or more numbers, and gives a lone product back as it is (0 times a
    # negative weight stays -0.0), so its last digit or its sign of zero could differ.
    output = 0.0
    for i in range(len(a)):
        output += a[i] * b[i]
    return output`;

const VECT_MAT_MUL = `def vect_mat_mul(layer, matrix):
    # np.dot(layer, matrix) for a one-row layer: one w_sum per column of the matrix.
    return np.array([[w_sum(layer[0], matrix[:, j]) for j in range(matrix.shape[1])]])`;

const RELU = `def relu(x): return (x > 0) * x             # returns x if x > 0, return 0 otherwise
def relu2deriv(output): return output > 0   # returns 1 for input > 0, return 0 otherwise`;

function helpers(plan: LoopPlan): string[] {
  const out: string[] = [];
  if (plan.str === 'py2_str') out.push(PY2_STR);
  if (plan.wSum.prediction || plan.wSum.layer1 || plan.wSum.layer2) out.push(W_SUM);
  if (plan.wSum.layer1 || plan.wSum.layer2) out.push(VECT_MAT_MUL);
  return out;
}

function matrixLiteral(name: string, m: Matrix, format: (x: number) => string): string {
  return npMatrix(name, m.map((row) => row.map(format)));
}

function dataLines(run: NumpyRun, plan: LoopPlan): string[] {
  const { setup } = run;
  const labels = setup.labels.map(pyNumber);
  const lines = [
    matrixLiteral('streetlights', setup.inputs, pyNumber),
    plan.deep
      ? `walk_vs_stop = np.array([${pyList(labels, 'walk_vs_stop = np.array(['.length - 1)}]).T`
      : `walk_vs_stop = np.array(${pyList(labels, 'walk_vs_stop = np.array('.length)})`,
  ];
  if (plan.rows === 'listed') {
    lines.push(
      '',
      plan.heldOut
        ? '# The net trains on these rows only, in this order; the others are held out (predicted, never trained on).'
        : '# The net trains on these rows, in this order.',
      `train_rows = ${pyList(setup.trainRows.map(String), 'train_rows = '.length)}`,
    );
    if (plan.heldOut) lines.push(`held_out_rows = ${pyList(setup.heldOutRows.map(String), 'held_out_rows = '.length)}`);
  }
  return lines;
}

function settingLines(run: NumpyRun): string[] {
  const { setup } = run;
  return [`alpha = ${pyFloat(setup.alpha)}`, ...(setup.mode === 'batch' ? [`batch_size = ${setup.batchSize}`] : [])];
}

function twoLayerSetup(run: NumpyRun, plan: LoopPlan, seed: number | undefined): string {
  const w = run.setup.initialWeights;
  if (w.layers !== 2) throw new Error('expected a 2-layer net');
  const weights =
    seed !== undefined
      ? [`np.random.seed(${seed})`, `weights = 2 * np.random.random(${w.weights.length}) - 1`]
      : [`weights = np.array(${pyList(w.weights.map(pyFloat), 'weights = np.array('.length)})`];
  return [...weights, ...settingLines(run), '', ...dataLines(run, plan)].join('\n');
}

function threeLayerSetup(run: NumpyRun, plan: LoopPlan, seed: number | undefined): string {
  const w = run.setup.initialWeights;
  if (w.layers !== 3) throw new Error('expected a 3-layer net');
  const inputs = w.weights_0_1.length;
  const weights =
    seed !== undefined
      ? [
          `weights_0_1 = 2 * np.random.random((${inputs}, hidden_size)) - 1`,
          `weights_1_2 = 2 * np.random.random((hidden_size, 1)) - 1`,
        ]
      : [matrixLiteral('weights_0_1', w.weights_0_1, pyFloat), matrixLiteral('weights_1_2', w.weights_1_2, pyFloat)];
  const activation = plan.relu ? [RELU] : ['# No activation: layer_1 passes its weighted sums on unchanged (a linear net).'];
  return [
    ...(seed !== undefined ? [`np.random.seed(${seed})`] : []),
    ...activation,
    '',
    ...dataLines(run, plan),
    '',
    ...settingLines(run),
    `hidden_size = ${w.weights_1_2.length}`,
    '',
    ...weights,
  ].join('\n');
}

/** The whole script, ending in a newline. */
export function numpyScript(run: NumpyRun): string {
  const { setup } = run;
  const general = planOf(run);
  // The single-light cell names its one row directly, so it needs no list of rows.
  const singleRow = !general.deep && setup.trainRows.length === 1 && general.log.format === 'error-and-prediction';
  const plan: LoopPlan = singleRow ? { ...general, rows: 'natural' } : general;
  const seed = drawnSeed(run);
  const parts = [
    header(run, seed),
    PIN_KERNEL,
    ...helpers(plan),
    plan.deep ? threeLayerSetup(run, plan, seed) : twoLayerSetup(run, plan, seed),
    singleRow ? singleRowLoop(plan, setup.trainRows[0]!) : trainingLoop(plan),
  ];
  return parts.join('\n\n') + '\n';
}
