/** Shapes shared by the engine. Everything is read-only: a step returns new values, never edits old ones. */
export type Vector = readonly number[];
export type Matrix = readonly Vector[];

export type Mode = 'sgd' | 'batch' | 'full';
export type Activation = 'relu' | 'linear';
export type Phase = 'predict' | 'compare' | 'backpropagate' | 'update';

/** The weights under the book's names: `weights` for 2-layer nets, `weights_0_1`/`weights_1_2` for 3-layer ones. */
export type Weights =
  | { readonly layers: 2; readonly weights: Vector }
  | { readonly layers: 3; readonly weights_0_1: Matrix; readonly weights_1_2: Matrix };

/** Everything a training run is fixed by: data, network, initial weights, and hyper-parameters. */
export interface TrainingSetup {
  readonly inputs: Matrix;
  readonly labels: Vector;
  /** Indices of the rows trained on, in training order; the rest are held out. */
  readonly trainRows: readonly number[];
  readonly heldOutRows: readonly number[];
  readonly activation: Activation;
  readonly alpha: number;
  readonly iterations: number;
  readonly mode: Mode;
  /** Rows per update in `batch` mode (`full` uses every training row). */
  readonly batchSize: number;
  readonly initialWeights: Weights;
}
