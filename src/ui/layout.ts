/**
 * Which panels fit on the screen, and how big each one is: a pure function of the terminal size
 * and the shape of the scenario, unit-tested apart from any rendering.
 *
 * The panels are placed in horizontal bands between the status line (top) and the caption and
 * key hints (bottom). A few arrangements are tried, each with or without the optional parts
 * (pressure table, caption lines, key hints, extra network detail); the best one that fits wins,
 * where "best" is an explicit order of what matters most on a small screen (see `rank`).
 *
 * The frame is at most `rows - 1` lines tall: a frame as tall as the terminal makes Ink clear the
 * whole screen on every redraw (flicker, lost scrollback).
 */
import { MIN_SIZE } from '../cli/args.js';

export type PanelName = 'lights' | 'network' | 'chart' | 'pressure';

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
}

export interface PanelBox {
  readonly width: number;
  readonly height: number;
}

export interface Band {
  readonly panels: readonly PanelName[];
  readonly height: number;
}

export interface Layout {
  readonly tooSmall?: false;
  /** The frame's width and height (height ≤ terminal rows - 1). */
  readonly width: number;
  readonly height: number;
  /** 120x40 and up: blank lines between sections. */
  readonly roomy: boolean;
  /** Blank lines after the status line, between bands and before the caption. */
  readonly spacing: number;
  /** Spaces between panels side by side. */
  readonly gap: number;
  readonly bands: readonly Band[];
  readonly lights: PanelBox;
  readonly network: PanelBox & { readonly detail: boolean };
  readonly chart: PanelBox;
  readonly pressure: PanelBox | undefined;
  readonly captionLines: number;
  readonly hints: boolean;
}

export interface TooSmall {
  readonly tooSmall: true;
  readonly need: { readonly columns: number; readonly rows: number };
}

export const GAP = 2;
/** A readable chart: its title and at least this many plot lines... */
export const CHART_MIN_LINES = 5;
/** ...and this many are preferred before extras take the space. */
const CHART_GOOD_LINES = 8;
export const CHART_MIN_WIDTH = 30;
const CHART_GOOD_WIDTH = 40;

// ---- panel sizes: shared with the panels, which draw exactly these widths ----

/** Characters of a row index, for `rows` rows counted from 0. */
export function indexWidth(rows: number): number {
  return String(Math.max(0, rows - 1)).length;
}

/** Street lights: marker, index, lamps, WALK/STOP, prediction, optional bar, optional "held out". */
export const LIGHTS = {
  heldOutTag: ' held out',
  barMin: 4,
  barMax: 12,
  /** Width without the bar, drawing `lamps` lamps. */
  base(rows: number, lamps: number, heldOut: boolean): number {
    return 2 + indexWidth(rows) + 2 + (2 * lamps - 1) + 2 + 4 + 2 + 6 + (heldOut ? LIGHTS.heldOutTag.length : 0);
  },
};

/** 2-layer weights: `w0 ● +0.500 ····│████ ↓-0.050`. */
export const WEIGHTS = {
  label: (inputs: number) => 1 + indexWidth(inputs) + 3,
  value: 7,
  change: 8,
  barMin: 3,
  barMax: 8,
  width: (inputs: number, halfBar: number) => WEIGHTS.label(inputs) + WEIGHTS.value + 2 * halfBar + 2 + WEIGHTS.change,
};

/** 3-layer grid: a label column, then one cell per hidden node. */
export const GRID = { label: 14, cell: 8 };

/** Pressure table: a row label (marker, "row", index), then one cell per weight. */
export const PRESSURE = {
  label: (rows: number) => 2 + 4 + indexWidth(rows) + 1,
  cell: 7,
};

interface Need {
  readonly minWidth: number;
  /** The width at which nothing is left out (below it, the panel drops columns). */
  readonly fullWidth: number;
  /** The width with the optional extras too (prediction bars, the weights' change column). */
  readonly comfortableWidth: number;
  readonly maxWidth: number;
  readonly height: number;
  readonly minHeight: number;
}

function lightsNeed(info: LayoutInfo): Need {
  const inputs = info.inputs ?? 3;
  const base = LIGHTS.base(info.rows, inputs, !!info.heldOut);
  return {
    // Past four lamps the panel draws three and an ellipsis.
    minWidth: LIGHTS.base(info.rows, Math.min(inputs, 4), !!info.heldOut),
    fullWidth: base,
    comfortableWidth: base + 1 + LIGHTS.barMin,
    maxWidth: base + 1 + LIGHTS.barMax,
    height: 1 + info.rows,
    minHeight: 1 + Math.min(info.rows, 2),
  };
}

/** Lines of the network panel: see network.tsx for what each line is. */
export function networkLines(info: LayoutInfo, detail: boolean): number {
  const inputs = info.inputs ?? 3;
  if (!info.deep) return 1 + inputs + 2 + (detail ? 1 : 0);
  const extra = detail ? (info.linear ? 1 : 2) : 0;
  return 1 + 1 + inputs + 3 + 1 + (info.linear ? 1 : 0) + extra;
}

function networkNeed(info: LayoutInfo, detail: boolean): Need {
  const inputs = info.inputs ?? 3;
  const height = networkLines(info, detail);
  const minHeight = height - inputs + Math.min(inputs, 1);
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

function pressureNeed(info: LayoutInfo): Need {
  const weights = info.deep ? info.hidden : (info.inputs ?? 3);
  const rows = info.trainRows ?? info.rows;
  const label = PRESSURE.label(info.rows);
  return {
    minWidth: label + PRESSURE.cell * Math.min(weights, 3),
    fullWidth: label + PRESSURE.cell * weights,
    comfortableWidth: label + PRESSURE.cell * weights,
    maxWidth: label + PRESSURE.cell * weights,
    height: 3 + rows,
    minHeight: 3 + Math.min(rows, 2),
  };
}

// ---- the search ----

/** Arrangements, most preferred first. The band holding the chart stretches to fill the height. */
const ARRANGEMENTS: readonly (readonly (readonly PanelName[])[])[] = [
  [['lights', 'network', 'pressure'], ['chart']],
  [['lights', 'network'], ['chart', 'pressure']],
  [['lights', 'network'], ['chart']],
  [['network', 'pressure'], ['lights', 'chart']],
  [['network'], ['lights', 'chart', 'pressure']],
  [['network'], ['lights', 'chart']],
  [['network'], ['lights'], ['chart']],
];

interface Candidate {
  readonly layout: Layout;
  readonly clipped: boolean;
  /** How many panels have room for their extras. */
  readonly comfortable: number;
  readonly arrangement: number;
  readonly chartLines: number;
  readonly focusPressure: boolean;
}

/** The order in which spare width goes to panels. */
const GROWTH: readonly PanelName[] = ['network', 'lights', 'pressure'];

function fitWidths(panels: readonly PanelName[], needs: Record<PanelName, Need>, columns: number): Map<PanelName, number> | undefined {
  const gaps = GAP * (panels.length - 1);
  const widths = new Map(panels.map((p) => [p, needs[p].minWidth]));
  let spare = columns - gaps - panels.reduce((sum, p) => sum + needs[p].minWidth, 0);
  if (spare < 0) return undefined;
  const grow = (p: PanelName, upTo: number) => {
    if (!widths.has(p)) return;
    const by = Math.max(0, Math.min(spare, upTo - widths.get(p)!));
    widths.set(p, widths.get(p)! + by);
    spare -= by;
  };
  // First nothing left out, then a readable chart, then the extras (bars), then the chart again.
  for (const p of GROWTH) grow(p, needs[p].fullWidth);
  grow('chart', CHART_GOOD_WIDTH);
  for (const p of GROWTH) grow(p, needs[p].maxWidth);
  grow('chart', Infinity);
  return widths;
}

function tryCandidate(
  size: { columns: number; rows: number },
  info: LayoutInfo,
  arrangementIndex: number,
  opts: { detail: boolean; captionLines: number; hints: boolean; roomy: boolean; spacing: number },
): Candidate | undefined {
  const arrangement = ARRANGEMENTS[arrangementIndex]!;
  const needs: Record<PanelName, Need> = {
    lights: lightsNeed(info),
    network: networkNeed(info, opts.detail),
    pressure: pressureNeed(info),
    chart: { minWidth: CHART_MIN_WIDTH, fullWidth: CHART_MIN_WIDTH, comfortableWidth: CHART_GOOD_WIDTH, maxWidth: Infinity, height: CHART_MIN_LINES, minHeight: CHART_MIN_LINES },
  };
  const widths = new Map<PanelName, number>();
  for (const band of arrangement) {
    const w = fitWidths(band, needs, size.columns);
    if (!w) return undefined;
    for (const [p, width] of w) widths.set(p, width);
  }
  const spacing = opts.spacing;
  const chrome = 1 + (opts.hints ? 1 : 0) + opts.captionLines + spacing * (arrangement.length + 1);
  const body = size.rows - 1 - chrome;

  // Start every band at its natural height; squeeze toward the minimums only if needed.
  const natural = arrangement.map((band) => Math.max(...band.map((p) => needs[p].height)));
  const minimum = arrangement.map((band) => Math.max(...band.map((p) => needs[p].minHeight)));
  const heights = [...natural];
  let deficit = heights.reduce((a, b) => a + b, 0) - body;
  // The chart band squeezes its companions first (the chart itself has room to spare), then the others.
  const chartBand = arrangement.findIndex((band) => band.includes('chart'));
  const order = [chartBand, ...arrangement.map((_, i) => i).filter((i) => i !== chartBand)];
  for (const i of order) {
    if (deficit <= 0) break;
    const give = Math.min(deficit, heights[i]! - minimum[i]!);
    heights[i] = heights[i]! - give;
    deficit -= give;
  }
  if (deficit > 0) return undefined;
  const clipped = heights.some((h, i) => h < natural[i]!) || [...widths].some(([p, w]) => w < needs[p].fullWidth);
  // The chart band takes what is left, up to a height past which a taller chart adds nothing.
  const chartMax = Math.max(12, Math.floor(size.rows / 2));
  const others = heights.reduce((a, b, i) => (i === chartBand ? a : a + b), 0);
  heights[chartBand] = Math.max(heights[chartBand]!, Math.min(body - others, chartMax));

  const bands: Band[] = arrangement.map((panels, i) => ({ panels, height: heights[i]! }));
  const heightOf = (p: PanelName) => {
    const band = bands.find((b) => b.panels.includes(p))!;
    return p === 'chart' ? band.height : Math.min(band.height, needs[p].height);
  };
  const hasPressure = widths.has('pressure');
  const layout: Layout = {
    width: size.columns,
    height: chrome + heights.reduce((a, b) => a + b, 0),
    roomy: opts.roomy,
    spacing,
    gap: GAP,
    bands,
    lights: { width: widths.get('lights')!, height: heightOf('lights') },
    network: { width: widths.get('network')!, height: heightOf('network'), detail: opts.detail },
    chart: { width: widths.get('chart')!, height: heightOf('chart') },
    pressure: hasPressure ? { width: widths.get('pressure')!, height: heightOf('pressure') } : undefined,
    captionLines: opts.captionLines,
    hints: opts.hints,
  };
  return {
    layout,
    clipped,
    comfortable: [...widths].filter(([p, w]) => w >= needs[p].comfortableWidth).length,
    arrangement: arrangementIndex,
    chartLines: heightOf('chart'),
    focusPressure: info.focus === 'pressure' && hasPressure,
  };
}

/** What matters most, in order: nothing cut off, key hints, a caption, a readable chart, the pressure table... */
function rank(c: Candidate): number[] {
  const l = c.layout;
  return [
    c.clipped ? 0 : 1,
    l.hints ? 1 : 0,
    l.captionLines >= 1 ? 1 : 0,
    c.focusPressure ? 1 : 0,
    c.chartLines >= CHART_GOOD_LINES ? 1 : 0,
    l.pressure ? 1 : 0,
    l.captionLines >= 2 ? 1 : 0,
    l.network.detail ? 1 : 0,
    c.comfortable,
    l.spacing,
    -c.arrangement,
    c.chartLines,
  ];
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

export function layoutFor(size: { columns: number; rows: number }, info: LayoutInfo): Layout | TooSmall {
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) {
    return { tooSmall: true, need: { columns: MIN_SIZE.columns, rows: MIN_SIZE.rows } };
  }
  const roomy = size.columns >= 120 && size.rows >= 40;
  let best: Candidate | undefined;
  let bestRank: number[] = [];
  for (let a = 0; a < ARRANGEMENTS.length; a++) {
    for (const detail of [true, false]) {
      for (const captionLines of [2, 1, 0]) {
        for (const hints of [true, false]) {
          for (const spacing of roomy ? [1, 0] : [0]) {
            const c = tryCandidate(size, info, a, { detail, captionLines, hints, roomy, spacing });
            if (!c) continue;
            const r = rank(c);
            if (!best || better(r, bestRank)) {
              best = c;
              bestRank = r;
            }
          }
        }
      }
    }
  }
  // The last arrangement (everything stacked, windowed) fits any scenario at the minimum size;
  // this is only reached if that ever stops being true.
  if (!best) return { tooSmall: true, need: { columns: MIN_SIZE.columns, rows: MIN_SIZE.rows } };
  return best.layout;
}
