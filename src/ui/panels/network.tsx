/**
 * The network panel: the weight vector of a 2-layer net or the weight grids of a 3-layer one,
 * with the active row's values. Which one is drawn follows the shape of the weights.
 */
import type { WeightRef } from '../../engine/inspect.js';
import type { TrainerState } from '../../engine/trainer.js';
import type { Theme } from '../theme.js';
import { WeightGrid } from './weightGrid.js';
import { WeightVector } from './weightVector.js';

export interface NetworkProps {
  readonly trainer: TrainerState;
  /** Extra lines when there is room: a column header (2-layer); the hidden sums before relu and the change of weights_1_2 (3-layer). */
  readonly detail: boolean;
  /** A 3-layer net's lines all at once, or one page of them (forward, backward). */
  readonly page?: 'full' | 'forward' | 'backward';
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  /** The weight under the inspector's cursor, marked with the active-row glyph. */
  readonly selected?: WeightRef;
}

export function Network(props: NetworkProps) {
  return props.trainer.weights.layers === 3 ? <WeightGrid {...props} /> : <WeightVector {...props} />;
}
