/**
 * Where the picker puts things, as a pure function of the terminal size and the list (not of which
 * scenario is highlighted, so the list's window keeps its size as the highlight moves): the list of
 * scenarios, the highlighted one's description beside it on a wide screen or below it on a narrow
 * one, the files that failed to load, and the hint line. The frame stays within rows - 1 lines.
 */
import type { Size } from '../../terminal/size.js';

export interface PickerLayout {
  readonly tooSmall: boolean;
  readonly width: number;
  /** The description beside the list (wide screens) or below it. */
  readonly beside: boolean;
  readonly listWidth: number;
  readonly detailWidth: number;
  /** Scenarios in view at once: the list scrolls past that. */
  readonly listRows: number;
  /** Lines of the description (below the list, after one blank line; or beside it). */
  readonly detailLines: number;
  /** Lines for files that failed to load (after one blank line), the last saying how many more. */
  readonly problemLines: number;
}

/** Beside the list from this width; below it under it. */
export const SIDE_BY_SIDE = 100;
/** The picker below this is replaced by a line saying it needs more room. */
export const PICKER_MIN: Size = { columns: 30, rows: 6 };
const MAX_PROBLEMS = 3;
/** A narrow screen keeps at least this many description lines below the list, when there is room. */
const DETAIL_BELOW = 4;

export function pickerLayout(size: Size, list: { readonly count: number; readonly labelWidth: number; readonly problems: number }): PickerLayout {
  const width = size.columns;
  const tooSmall = size.columns < PICKER_MIN.columns || size.rows < PICKER_MIN.rows;
  const beside = width >= SIDE_BY_SIDE;
  // Side by side, the list takes what its labels need, leaving the description at least 40 columns.
  const listWidth = beside ? Math.max(Math.floor(width / 2), Math.min(list.labelWidth + 2, width - 42)) : width;
  const detailWidth = beside ? width - listWidth - 2 : width;
  // Title and hint line; the frame's last line is never the terminal's.
  let budget = size.rows - 1 - 2;
  const problemLines = list.problems === 0 ? 0 : Math.max(0, Math.min(list.problems > MAX_PROBLEMS ? MAX_PROBLEMS + 1 : list.problems, Math.floor((budget - 2) / 3)));
  budget -= problemLines > 0 ? problemLines + 1 : 0;
  budget = Math.max(1, budget);
  if (beside) return { tooSmall, width, beside, listWidth, detailWidth, listRows: Math.max(1, Math.min(list.count, budget)), detailLines: budget, problemLines };
  const listRows = Math.max(1, Math.min(list.count, Math.max(Math.min(3, budget), budget - DETAIL_BELOW - 1)));
  const detailLines = Math.max(0, budget - listRows - 1);
  return { tooSmall, width, beside, listWidth, detailWidth, listRows, detailLines, problemLines };
}
