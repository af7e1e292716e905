/**
 * The size of every panel, in one place: the layout asks these functions what a panel needs, and
 * the panel draws exactly the lines and columns they describe, so the two never count differently.
 */

/** What the layout needs to know about the scenario being shown (its shape, not its numbers). */
export interface LayoutInfo {
  /** A 3-layer net. */
  readonly deep: boolean;
  /** Rows in the dataset (street lights drawn). */
  readonly rows: number;
  /** Hidden nodes (3-layer nets). */
  readonly hidden: number;
  /** Inputs per row (lamps per street light); 3 unless given. */
  readonly inputs?: number;
  /** Rows trained on (pressure-table rows); all rows unless given. */
  readonly trainRows?: number;
  /** Some rows are held out (the street lights mark them, which takes width). */
  readonly heldOut?: boolean;
  /** A 3-layer net without activation: the network panel adds the equivalent single layer. */
  readonly linear?: boolean;
  /** The scenario's focus: a 'pressure' scenario keeps its pressure table before other extras. */
  readonly focus?: 'lights' | 'network' | 'pressure' | 'chart';
  /** The extra views the side slot takes turns with (see ui/views.ts); the slot is as big as the biggest. */
  readonly views?: readonly SideView[];
}

/** The extra views: the book's pressure table, the pushes now, the intermediate dataset, a chart. */
export type SideView = 'pressure-book' | 'pressure-now' | 'intermediate' | 'weights' | 'errors';

export interface Need {
  readonly minWidth: number;
  /** The width at which nothing is left out (below it, the panel drops columns and says so). */
  readonly fullWidth: number;
  /** The width with the optional extras too (prediction bars, the weights' change column). */
  readonly comfortableWidth: number;
  readonly maxWidth: number;
  readonly height: number;
  readonly minHeight: number;
}

/** Characters of a row index, for `rows` rows counted from 0. */
export function indexWidth(rows: number): number {
  return String(Math.max(0, rows - 1)).length;
}

// ---- street lights -------------------------------------------------------------------------

/** Street lights: marker, index, lamps, WALK/STOP, prediction, optional bar, optional "held out". */
export const LIGHTS = {
  heldOutTag: ' held out',
  /** A second prediction column (a linear net's single-layer equivalent). */
  also: 8,
  barMin: 4,
  barMax: 16,
  /** Width without the bar, drawing `lamps` lamps. */
  base(rows: number, lamps: number, heldOut: boolean): number {
    return 2 + indexWidth(rows) + 2 + (2 * lamps - 1) + 2 + 4 + 2 + 6 + (heldOut ? LIGHTS.heldOutTag.length : 0);
  },
  /** Lamps shown in `width` (at least one), all of them when they fit. */
  lampsFitting(width: number, rows: number, lamps: number, heldOut: boolean): number {
    const fixed = LIGHTS.base(rows, 0, heldOut) + 1;
    return Math.max(1, Math.min(lamps, Math.floor((width - fixed + 1) / 2)));
  },
};

export function lightsNeed(info: LayoutInfo): Need {
  const inputs = info.inputs ?? 3;
  const heldOut = !!info.heldOut;
  const also = info.linear ? LIGHTS.also : 0;
  const base = LIGHTS.base(info.rows, inputs, heldOut) + also;
  return {
    minWidth: LIGHTS.base(info.rows, Math.min(inputs, 3), heldOut) + also,
    fullWidth: base,
    comfortableWidth: base + 1 + LIGHTS.barMin,
    maxWidth: base + 1 + LIGHTS.barMax,
    height: 1 + info.rows,
    minHeight: 1 + Math.min(info.rows, 2),
  };
}

// ---- network: a 2-layer weight vector -------------------------------------------------------

/** 2-layer weights: `w0 ● +0.500 ····│████ ↓-0.050`. */
export const WEIGHTS = {
  label: (inputs: number) => 1 + indexWidth(inputs) + 3,
  value: 7,
  change: 8,
  barMin: 3,
  barMax: 10,
  width: (inputs: number, halfBar: number) => WEIGHTS.label(inputs) + WEIGHTS.value + 2 * halfBar + 2 + WEIGHTS.change,
};

/** The lines of the 2-layer network panel, top to bottom (the weights line stands for one per weight). */
export type VectorLine = 'title' | 'header' | 'weights' | 'prediction' | 'error' | 'weight_delta';

export function vectorLines(detail: boolean): readonly VectorLine[] {
  return detail ? ['title', 'header', 'weights', 'prediction', 'error', 'weight_delta'] : ['title', 'weights', 'prediction', 'error', 'weight_delta'];
}

// ---- network: 3-layer weight grids ----------------------------------------------------------

/** 3-layer grid: a label column, then one cell per hidden node. */
export const GRID = { label: 14, cell: 8 };

/**
 * The lines of the 3-layer network panel, top to bottom ('lamp' stands for one line per input,
 * 'weight_delta_0_1' for a line with its name and one per input). The forward lines carry the prediction (weights_0_1, layer_1, weights_1_2, layer_2);
 * the backward lines the error's way back (each node's share layer_2_delta × weights_1_2, the relu
 * mask, layer_1_delta, and the weight deltas before alpha). Where the panel cannot hold both, it shows one
 * page at a time, each with its labels fixed (`w` switches).
 */
export type GridLine =
  | 'title'
  | 'header'
  | 'lamp'
  | 'before-relu'
  | 'layer_1'
  | 'weights_1_2'
  | 'change'
  | 'output'
  | 'layer_2_delta'
  | 'share'
  | 'relu2deriv'
  | 'layer_1_delta'
  | 'weight_delta_1_2'
  | 'weight_delta_0_1'
  | 'single-layer';

export type GridPage = 'full' | 'forward' | 'backward';

export function gridLines(linear: boolean, detail: boolean, page: GridPage = 'full'): readonly GridLine[] {
  const forward: GridLine[] = [
    'lamp',
    ...(detail && !linear ? (['before-relu'] as const) : []),
    'layer_1',
    'weights_1_2',
    ...(detail ? (['change'] as const) : []),
  ];
  const error: GridLine[] = ['output', 'layer_2_delta'];
  const backward: GridLine[] = ['share', ...(linear ? [] : (['relu2deriv'] as const)), 'layer_1_delta', 'weight_delta_1_2', 'weight_delta_0_1'];
  const single: GridLine[] = linear ? ['single-layer'] : [];
  if (page === 'forward') return ['title', 'header', ...forward, ...error, 'layer_1_delta', ...single];
  if (page === 'backward') return ['title', 'header', 'layer_2_delta', ...backward];
  return ['title', 'header', ...forward, ...error, ...backward, ...single];
}

/** Hidden-node columns shown in `width`; when some are left out, the header says how many. */
export function gridColumnsFitting(width: number, hidden: number): number {
  return columnsFitting(width, GRID.label, GRID.cell, hidden);
}

/** Lines of the network panel with `inputs` lamps (see vectorLines / gridLines). */
export function networkLines(info: LayoutInfo, detail: boolean, page: GridPage = 'full'): number {
  const inputs = info.inputs ?? 3;
  if (!info.deep) return vectorLines(detail).length - 1 + inputs;
  // Every line once, but 'lamp' stands for one line per input, and 'weight_delta_0_1' for its name and one per input.
  const lines = gridLines(!!info.linear, detail, page);
  return lines.length + (lines.includes('lamp') ? inputs - 1 : 0) + (lines.includes('weight_delta_0_1') ? inputs : 0);
}

/** Of the two pages, the taller: what a paged panel needs. */
export function pagedLines(info: LayoutInfo, detail: boolean): number {
  return Math.max(networkLines(info, detail, 'forward'), networkLines(info, detail, 'backward'));
}

export function networkNeed(info: LayoutInfo, detail: boolean, paged = false): Need {
  const inputs = info.inputs ?? 3;
  const height = info.deep && paged ? pagedLines(info, detail) : networkLines(info, detail);
  // Short of room, each per-lamp section keeps one lamp (the active row's lamps are in the street lights).
  const sections = info.deep ? gridLines(!!info.linear, detail, paged ? 'backward' : 'full').filter((l) => l === 'lamp' || l === 'weight_delta_0_1').length : 1;
  const minHeight = height - (inputs - Math.min(inputs, 1)) * Math.max(1, sections);
  if (!info.deep) {
    return {
      // The change column goes first when space is short (a detail, not counted as cut off).
      minWidth: WEIGHTS.width(inputs, WEIGHTS.barMin) - WEIGHTS.change,
      fullWidth: WEIGHTS.width(inputs, WEIGHTS.barMin) - WEIGHTS.change,
      comfortableWidth: WEIGHTS.width(inputs, WEIGHTS.barMin),
      maxWidth: WEIGHTS.width(inputs, WEIGHTS.barMax),
      height,
      minHeight,
    };
  }
  return {
    minWidth: GRID.label + GRID.cell * Math.min(info.hidden, 3),
    fullWidth: GRID.label + GRID.cell * info.hidden,
    comfortableWidth: GRID.label + GRID.cell * info.hidden,
    maxWidth: GRID.label + GRID.cell * info.hidden,
    height,
    minHeight,
  };
}

// ---- pressure table ---------------------------------------------------------------------------

/** Pressure table: a row label (marker, "row", index), then one cell per weight. */
export const PRESSURE = {
  label: (rows: number) => 2 + 4 + indexWidth(rows) + 1,
  cell: 7,
  /** Title, column header, and two lines under the rows (the book's up/down counts, or the sum and its legend). */
  fixedLines: 4,
};

export function pressureNeed(info: LayoutInfo): Need {
  const weights = info.deep ? info.hidden : (info.inputs ?? 3);
  const rows = info.trainRows ?? info.rows;
  const label = PRESSURE.label(info.rows);
  return {
    minWidth: label + PRESSURE.cell * Math.min(weights, 3),
    fullWidth: label + PRESSURE.cell * weights,
    comfortableWidth: label + PRESSURE.cell * weights,
    maxWidth: label + PRESSURE.cell * weights,
    height: PRESSURE.fixedLines + rows,
    minHeight: PRESSURE.fixedLines + Math.min(rows, 2),
  };
}

/** " +3 more": what a header adds when `hidden` columns are left out. */
export const moreNote = (hidden: number) => ` +${hidden} more`;

/**
 * Columns of a table of `count` cells of `cell` width after a `label`. When some are left out, the
 * header says how many ("+3 more"), so the columns shown leave room for that note.
 */
export function columnsFitting(width: number, label: number, cell: number, count: number): number {
  if (label + cell * count <= width) return count;
  let cols = Math.max(1, Math.floor((width - label) / cell));
  while (cols > 1 && label + cell * cols + moreNote(count - cols).length > width) cols--;
  return cols;
}

// ---- intermediate dataset -------------------------------------------------------------------

/** A marker and "row N", the lamps as glyphs, a cell per hidden node, the goal. */
export const INTERMEDIATE = {
  label: (rows: number) => 2 + 4 + indexWidth(rows) + 1,
  cell: 6,
  goal: 5,
  /** Title, header, and two lines under the rows (the hidden nodes' r, the lamps' r); a third (the floors) where there is room. */
  fixedLines: 4,
};

export function intermediateNeed(info: LayoutInfo): Need {
  const lamps = info.inputs ?? 3;
  const rows = info.trainRows ?? info.rows;
  const base = INTERMEDIATE.label(info.rows) + 2 * lamps + INTERMEDIATE.goal;
  return {
    minWidth: Math.max(36, base + INTERMEDIATE.cell * Math.min(info.hidden, 2)),
    fullWidth: Math.max(36, base + INTERMEDIATE.cell * info.hidden),
    comfortableWidth: Math.max(44, base + INTERMEDIATE.cell * info.hidden),
    maxWidth: Math.max(44, base + INTERMEDIATE.cell * info.hidden),
    height: INTERMEDIATE.fixedLines + rows,
    minHeight: INTERMEDIATE.fixedLines + Math.min(rows, 2),
  };
}

// ---- the side slot: the biggest of its views -------------------------------------------------

export function sideNeed(info: LayoutInfo): Need {
  const needs = (info.views ?? ['pressure-now']).map((v) => (v === 'intermediate' ? intermediateNeed(info) : v === 'weights' || v === 'errors' ? chartNeed() : pressureNeed(info)));
  const max = (k: keyof Need) => Math.max(...needs.map((n) => n[k]));
  const chartOnly = needs.every((n) => n.maxWidth === Infinity);
  return {
    minWidth: max('minWidth'),
    fullWidth: max('fullWidth'),
    comfortableWidth: max('comfortableWidth'),
    // A chart would take any width; beside a table the slot stays the table's size.
    maxWidth: chartOnly ? Infinity : Math.max(...needs.filter((n) => n.maxWidth !== Infinity).map((n) => n.maxWidth), CHART.goodWidth),
    height: max('height'),
    minHeight: max('minHeight'),
  };
}

// ---- error chart ------------------------------------------------------------------------------

export const CHART = {
  /** A readable chart: its title and at least this many plot lines... */
  minLines: 5,
  /** ...and this many are preferred before extras take the space. */
  goodLines: 8,
  minWidth: 30,
  goodWidth: 40,
};

export function chartNeed(): Need {
  return {
    minWidth: CHART.minWidth,
    fullWidth: CHART.minWidth,
    comfortableWidth: CHART.goodWidth,
    maxWidth: Infinity,
    height: CHART.minLines,
    minHeight: CHART.minLines,
  };
}
