/**
 * Live editing of the street lights (`d`): a draft of the dataset with a cursor on one lamp. Space
 * cycles the lamp through the data's brightness levels (off and on for lamps that are 0 or 1), `w`
 * flips the row's goal between WALK and STOP, `o` adds a dark STOP row below the cursor, `x` deletes the
 * cursor's row. Enter applies the draft (instruments.ts: at the iteration boundary, from the current
 * weights); Esc cancels it, asking once more when something changed.
 *
 * Rows keep where they came from, so the training order survives: a run that trains every row in
 * order goes on so; one with a list of training rows keeps it, added rows after them (held-out rows
 * stay held out).
 */
import type { Matrix, TrainingSetup } from '../engine/types.js';
import { LIMITS } from '../scenarios/limits.js';
import type { Direction } from './inspect.js';

export interface DraftRow {
  readonly input: readonly number[];
  readonly label: number;
  /** The row's index in the data the draft was made from; undefined for an added row. */
  readonly origin?: number;
}

export interface EditState {
  readonly rows: readonly DraftRow[];
  /** The cursor: a row of the draft and one of its lamps. */
  readonly row: number;
  readonly lamp: number;
  /** The values space cycles a lamp through. */
  readonly levels: readonly number[];
  /** Esc was pressed once with changes in the draft: a second Esc discards them. */
  readonly discarding: boolean;
  /** Why the last Enter or W was refused, until the next key. */
  readonly problem?: string;
}

export type EditAction =
  | { readonly type: 'edit-move'; readonly direction: Direction }
  | { readonly type: 'edit-toggle' }
  | { readonly type: 'edit-label' }
  | { readonly type: 'edit-add' }
  | { readonly type: 'edit-delete' };

/** Levels a lamp cycles through: the data's own values with 0 and 1 (off/on for binary lamps); a ladder when there are many. */
export function lampLevels(inputs: Matrix): number[] {
  const values = [...new Set([0, 1, ...inputs.flat()])].filter(Number.isFinite).sort((a, b) => a - b);
  return values.length <= 12 ? values : [0, 0.25, 0.5, 0.75, 1];
}

/** The next level above `value`, wrapping around to the lowest. */
export function nextLevel(levels: readonly number[], value: number): number {
  return levels.find((l) => l > value) ?? levels[0]!;
}

export function openEditor(setup: TrainingSetup): EditState {
  return {
    rows: setup.inputs.map((input, i) => ({ input, label: setup.labels[i]!, origin: i })),
    row: 0,
    lamp: 0,
    levels: lampLevels(setup.inputs),
    discarding: false,
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** WALK (1) for a STOP goal, STOP (0) for a WALK one (goals from 0.5 up read as WALK). */
export function flippedLabel(label: number): number {
  return label >= 0.5 ? 0 : 1;
}

export function editReducer(state: EditState, action: EditAction): EditState {
  const s: EditState = { ...state, discarding: false, problem: undefined };
  const lamps = s.rows[0]?.input.length ?? 1;
  const replace = (row: DraftRow) => s.rows.map((r, i) => (i === s.row ? row : r));
  switch (action.type) {
    case 'edit-move': {
      const d = action.direction;
      if (d === 'up' || d === 'down') return { ...s, row: clamp(s.row + (d === 'up' ? -1 : 1), 0, s.rows.length - 1) };
      return { ...s, lamp: clamp(s.lamp + (d === 'left' ? -1 : 1), 0, lamps - 1) };
    }
    case 'edit-toggle': {
      const r = s.rows[s.row]!;
      return { ...s, rows: replace({ ...r, input: r.input.map((v, i) => (i === s.lamp ? nextLevel(s.levels, v) : v)) }) };
    }
    case 'edit-label': {
      const r = s.rows[s.row]!;
      return { ...s, rows: replace({ ...r, label: flippedLabel(r.label) }) };
    }
    case 'edit-add': {
      if (s.rows.length >= LIMITS.rows) return { ...s, problem: `A dataset holds at most ${LIMITS.rows} rows.` };
      const added: DraftRow = { input: Array<number>(lamps).fill(0), label: 0 };
      return { ...s, rows: [...s.rows.slice(0, s.row + 1), added, ...s.rows.slice(s.row + 1)], row: s.row + 1 };
    }
    case 'edit-delete': {
      if (s.rows.length <= 1) return { ...s, problem: 'The last row stays: a dataset needs at least one.' };
      const rows = s.rows.filter((_, i) => i !== s.row);
      return { ...s, rows, row: Math.min(s.row, rows.length - 1) };
    }
  }
}

/** The draft as the engine's data: rows, goals, and which rows train (in what order) and which are held out. */
export interface DraftData {
  readonly inputs: readonly (readonly number[])[];
  readonly labels: readonly number[];
  readonly trainRows: readonly number[];
  readonly heldOutRows: readonly number[];
}

export function draftData(state: EditState, setup: TrainingSetup): DraftData {
  const inputs = state.rows.map((r) => r.input);
  const labels = state.rows.map((r) => r.label);
  // A run that trains every row in order goes on doing so, added rows in their places.
  const everyRow = setup.trainRows.length === setup.inputs.length && setup.trainRows.every((r, i) => r === i);
  if (everyRow) return { inputs, labels, trainRows: state.rows.map((_, i) => i), heldOutRows: [] };
  const at = new Map(state.rows.flatMap((r, i) => (r.origin === undefined ? [] : [[r.origin, i] as const])));
  const trained = setup.trainRows.flatMap((o) => (at.has(o) ? [at.get(o)!] : []));
  const added = state.rows.flatMap((r, i) => (r.origin === undefined ? [i] : []));
  const trainRows = [...trained, ...added];
  const training = new Set(trainRows);
  return {
    inputs,
    labels,
    trainRows,
    heldOutRows: state.rows.map((_, i) => i).filter((i) => !training.has(i)),
  };
}

/** What the draft changed, counted: "2 lamps, 1 goal, 1 row added" ("" when nothing). */
export function changesText(state: EditState, setup: TrainingSetup): string {
  let lamps = 0;
  let goals = 0;
  let added = 0;
  for (const r of state.rows) {
    if (r.origin === undefined) {
      added++;
      continue;
    }
    const was = setup.inputs[r.origin]!;
    lamps += r.input.filter((v, i) => !Object.is(v, was[i])).length;
    if (!Object.is(r.label, setup.labels[r.origin])) goals++;
  }
  const deleted = setup.inputs.length - (state.rows.length - added);
  return [
    lamps > 0 ? `${lamps} lamp${lamps === 1 ? '' : 's'} changed` : '',
    goals > 0 ? `${goals} goal${goals === 1 ? '' : 's'} flipped` : '',
    added > 0 ? `${added} row${added === 1 ? '' : 's'} added` : '',
    deleted > 0 ? `${deleted} row${deleted === 1 ? '' : 's'} deleted` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export function hasChanges(state: EditState, setup: TrainingSetup): boolean {
  return changesText(state, setup) !== '';
}
