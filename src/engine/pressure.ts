/**
 * Weight pressure: which way each training example pushes each weight. Two tables, for two questions.
 *
 * `bookPressure` is the chapter's "weight pressure" table. It is read off the data alone, so it never
 * changes while training: a lit lamp in a WALK row pulls its weight toward 1 (`+`), a lit lamp in a
 * STOP row pulls it toward 0 (`-`), and a dark lamp cannot move its weight at all (`0`). The chapter
 * reasons with its counts per column (the left weight: 1 up, 2 down; the middle: 3 up; the right:
 * 3 up, 3 down). It agrees with the actual updates only while every prediction lies between 0 and 1.
 *
 * `pressureTable` is what the weights are actually pushed by, at given weights: a weight moves by
 * `-alpha * input * delta`, so a row pushes it up when `input * delta < 0` and down when it is > 0.
 * For a 3-layer net it is about `weights_1_2`, whose inputs are the hidden values.
 */
import { forward } from './network.js';
import type { TrainingSetup, Vector, Weights } from './types.js';

/**
 * A lamp is on when its value is above 0, however dim (0.1 counts); 0 is off. The book's lamps are
 * never negative; a value below 0 (a user file may hold one) counts as off here too.
 */
export function lampIsOn(value: number): boolean {
  return value > 0;
}

/** A goal of 0.5 or more means WALK (the book writes 1), below means STOP (0), as the street lights show. */
export function isWalk(label: number): boolean {
  return label >= 0.5;
}

/** The book's marks: pressure toward 1, toward 0, or none because the lamp is off. */
export type BookMark = '+' | '-' | '0';

export interface PressureCount {
  /** Rows whose mark is `+`, `-` and `0` in this weight's column. */
  readonly up: number;
  readonly down: number;
  readonly none: number;
}

export interface BookPressure {
  readonly rows: readonly { readonly row: number; readonly marks: readonly BookMark[] }[];
  /** One per weight (lamp). */
  readonly counts: readonly PressureCount[];
}

/** The chapter's weight-pressure table over the training rows, from the lamps and the goals only. */
export function bookPressure(setup: Pick<TrainingSetup, 'inputs' | 'labels' | 'trainRows'>): BookPressure {
  const width = setup.inputs[0]?.length ?? 0;
  const counts = Array.from({ length: width }, () => ({ up: 0, down: 0, none: 0 }));
  const rows = setup.trainRows.map((row) => {
    const walk = isWalk(setup.labels[row]!);
    const marks = setup.inputs[row]!.map((x, i): BookMark => {
      const mark: BookMark = !lampIsOn(x) ? '0' : walk ? '+' : '-';
      const count = counts[i]!;
      if (mark === '+') count.up++;
      else if (mark === '-') count.down++;
      else count.none++;
      return mark;
    });
    return { row, marks };
  });
  return { rows, counts };
}

/** The sign of `-input * delta` as one glyph; "no push" is `0` whatever the reason (see PushKind). */
export type Push = '+' | '-' | '0';

/**
 * Why a cell pushes or not. `off`: the input is 0 (a dark lamp, or a hidden node relu switched off),
 * so this row cannot move the weight whatever its error. `still`: the input is on but the row's delta
 * is exactly 0 (predicted perfectly), so it has nothing to push. `unknown`: NaN (a diverged run).
 */
export type PushKind = 'up' | 'down' | 'off' | 'still' | 'unknown';

export interface PressureRow {
  readonly row: number;
  readonly pushes: readonly Push[];
  readonly kinds: readonly PushKind[];
  /** `-input * delta` per weight: this row's push, whose sign `pushes` shows. */
  readonly amounts: Vector;
}

export interface PressureTable {
  /** `weights[i]` for 2-layer nets, `weights_1_2[j]` for 3-layer nets. */
  readonly target: 'weights' | 'weights_1_2';
  readonly rows: readonly PressureRow[];
  /**
   * `net[i] = Σ over the rows of -input_i × delta` (left to right, in training order), at the weights
   * given. An update changes weight i by `alpha × its rows' sum`, divided by the rows per update in
   * batch and full mode: evaluated at the weights before a full-mode update, `alpha × net[i] / rows`
   * is that update (up to rounding); in sgd each row's own amount × alpha is its update.
   */
  readonly net: Vector;
}

export function pushKind(input: number, delta: number): PushKind {
  if (Number.isNaN(input) || Number.isNaN(delta)) return 'unknown';
  if (input === 0) return 'off';
  const p = -input * delta;
  if (Number.isNaN(p)) return 'unknown';
  if (p === 0) return 'still';
  return p > 0 ? 'up' : 'down';
}

export function push(input: number, delta: number): Push {
  const kind = pushKind(input, delta);
  return kind === 'up' ? '+' : kind === 'down' ? '-' : '0';
}

export interface PressureOptions {
  /** The rows to tabulate, in order (default: the training rows), e.g. the rows of the batch just applied. */
  readonly rows?: readonly number[];
}

/**
 * The pushes at `weights`: pass the current weights for "what the next update would do", or the
 * weights before an update (the trainer's `previousWeights`) to show the pushes that update applied.
 */
export function pressureTable(setup: TrainingSetup, weights: Weights, options: PressureOptions = {}): PressureTable {
  const width = weights.layers === 2 ? weights.weights.length : weights.weights_1_2.length;
  const net = new Array<number>(width).fill(0);
  const rows = (options.rows ?? setup.trainRows).map((row) => {
    const fwd = forward(weights, setup.inputs[row]!, setup.activation);
    const delta = fwd.prediction - setup.labels[row]!;
    const feed = weights.layers === 2 ? setup.inputs[row]! : fwd.hidden!;
    const amounts = feed.map((x, i) => {
      const amount = -x * delta;
      net[i] = net[i]! + amount;
      return amount;
    });
    return { row, pushes: feed.map((x) => push(x, delta)), kinds: feed.map((x) => pushKind(x, delta)), amounts };
  });
  return { target: weights.layers === 2 ? 'weights' : 'weights_1_2', rows, net };
}
