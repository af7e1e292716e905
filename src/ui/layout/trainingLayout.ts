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
import { MIN_SIZE, type Size } from '../../terminal/size.js';
import { CHART, chartNeed, lightsNeed, networkNeed, sideNeed, type LayoutInfo, type Need } from './panelSizes.js';

export type { LayoutInfo } from './panelSizes.js';

/**
 * The panels: the street lights, the network, the chart (the error, or for a pressure lesson the
 * weights), the side slot (one of the scenario's extra views at a time: the pressure tables, the
 * intermediate dataset, the other chart; `v` cycles) and, on a big screen, a second extra slot (the
 * next view), so more of the lesson is in sight at once.
 */
export type PanelName = 'lights' | 'network' | 'chart' | 'side' | 'extra';


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
  /** `paged`: a 3-layer net's forward and backward lines take turns (see panelSizes.gridLines). */
  readonly network: PanelBox & { readonly detail: boolean; readonly paged: boolean };
  readonly chart: PanelBox;
  readonly side: PanelBox | undefined;
  readonly extra: PanelBox | undefined;
  readonly captionLines: number;
  readonly hints: boolean;
}

export interface TooSmall {
  readonly tooSmall: true;
  readonly need: { readonly columns: number; readonly rows: number };
}

export const GAP = 2;

// ---- the search ----

/** Arrangements, most preferred first. The band holding the chart stretches to fill the height. */
const ARRANGEMENTS: readonly (readonly (readonly PanelName[])[])[] = [
  [['lights', 'network', 'side'], ['chart', 'extra']],
  [['lights', 'network'], ['chart', 'side']],
  [['lights', 'network', 'side'], ['chart']],
  [['lights', 'network'], ['chart']],
  [['network', 'side'], ['lights', 'chart']],
  [['network'], ['lights', 'chart', 'side']],
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
  readonly extra: boolean;
}

/** The order in which spare width goes to panels. */
const GROWTH: readonly PanelName[] = ['network', 'lights', 'side', 'extra'];

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
  grow('chart', CHART.goodWidth);
  for (const p of GROWTH) grow(p, needs[p].maxWidth);
  grow('chart', Infinity);
  return widths;
}

/** The panels' needs for one choice of the network's lines (the same for every arrangement tried). */
function needsFor(info: LayoutInfo, detail: boolean, paged: boolean): Record<PanelName, Need> {
  return {
    lights: lightsNeed(info),
    network: networkNeed(info, detail, paged),
    side: sideNeed(info),
    extra: sideNeed(info),
    chart: chartNeed(),
  };
}

/** Each panel's width in an arrangement, or undefined when a band does not fit the columns. */
function widthsFor(arrangementIndex: number, info: LayoutInfo, needs: Record<PanelName, Need>, columns: number): Map<PanelName, number> | undefined {
  const arrangement = ARRANGEMENTS[arrangementIndex]!;
  // One extra view has nowhere to take turns with: the side slot shows it; the second slot is for two.
  if (arrangement.flat().includes('extra') && (info.views?.length ?? 0) < 2) return undefined;
  const widths = new Map<PanelName, number>();
  for (const band of arrangement) {
    const w = fitWidths(band, needs, columns);
    if (!w) return undefined;
    for (const [p, width] of w) widths.set(p, width);
  }
  return widths;
}

function tryCandidate(
  size: { columns: number; rows: number },
  info: LayoutInfo,
  arrangementIndex: number,
  needs: Record<PanelName, Need>,
  widths: ReadonlyMap<PanelName, number>,
  opts: { detail: boolean; paged: boolean; captionLines: number; hints: boolean; roomy: boolean; spacing: number },
): Candidate | undefined {
  const arrangement = ARRANGEMENTS[arrangementIndex]!;
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
  // The chart band takes what is left: a big terminal gets a big chart.
  const others = heights.reduce((a, b, i) => (i === chartBand ? a : a + b), 0);
  heights[chartBand] = Math.max(heights[chartBand]!, body - others);

  const bands: Band[] = arrangement.map((panels, i) => ({ panels, height: heights[i]! }));
  const heightOf = (p: PanelName) => {
    const band = bands.find((b) => b.panels.includes(p))!;
    return p === 'chart' ? band.height : Math.min(band.height, needs[p].height);
  };
  const hasPressure = widths.has('side');
  const layout: Layout = {
    width: size.columns,
    height: chrome + heights.reduce((a, b) => a + b, 0),
    roomy: opts.roomy,
    spacing,
    gap: GAP,
    bands,
    lights: { width: widths.get('lights')!, height: heightOf('lights') },
    network: { width: widths.get('network')!, height: heightOf('network'), detail: opts.detail, paged: opts.paged },
    chart: { width: widths.get('chart')!, height: heightOf('chart') },
    side: hasPressure ? { width: widths.get('side')!, height: heightOf('side') } : undefined,
    extra: widths.has('extra') ? { width: widths.get('extra')!, height: heightOf('extra') } : undefined,
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
    extra: widths.has('extra'),
  };
}

/** What matters most, in order: nothing cut off, key hints, a caption, a readable chart, the pressure table... */
function rank(c: Candidate): number[] {
  const l = c.layout;
  return [
    // A pressure lesson keeps its table, windowed if need be, before anything else.
    c.focusPressure ? 1 : 0,
    c.clipped ? 0 : 1,
    l.hints ? 1 : 0,
    l.captionLines >= 1 ? 1 : 0,
    c.focusPressure ? 1 : 0,
    l.side ? 1 : 0,
    // The lesson line (the caption's second) before a taller chart: it is what the room should read.
    l.captionLines >= 2 ? 1 : 0,
    c.chartLines >= CHART.goodLines ? 1 : 0,
    l.network.paged ? 0 : 1,
    c.extra ? 1 : 0,
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

const cache = new Map<string, Layout | TooSmall>();

/** The layout for a size and a scenario shape, computed once per pair (every frame asks for it). */
export function layoutFor(size: Size, info: LayoutInfo): Layout | TooSmall {
  const key = JSON.stringify([size.columns, size.rows, info]);
  let layout = cache.get(key);
  if (!layout) {
    if (cache.size > 64) cache.clear();
    layout = searchLayout(size, info);
    cache.set(key, layout);
  }
  return layout;
}

function searchLayout(size: Size, info: LayoutInfo): Layout | TooSmall {
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) {
    return { tooSmall: true, need: { columns: MIN_SIZE.columns, rows: MIN_SIZE.rows } };
  }
  const roomy = size.columns >= 120 && size.rows >= 40;
  let best: Candidate | undefined;
  let bestRank: number[] = [];
  // The needs and the widths do not depend on the caption, the hints or the spacing: worked out once
  // per arrangement and choice of network lines, not once per candidate (this runs before the first frame).
  for (const detail of [true, false]) {
    for (const paged of info.deep ? [false, true] : [false]) {
      const needs = needsFor(info, detail, paged);
      for (let a = 0; a < ARRANGEMENTS.length; a++) {
        const widths = widthsFor(a, info, needs, size.columns);
        if (!widths) continue;
        for (const captionLines of [2, 1, 0]) {
          for (const hints of [true, false]) {
            for (const spacing of roomy ? [1, 0] : [0]) {
              const c = tryCandidate(size, info, a, needs, widths, { detail, paged, captionLines, hints, roomy, spacing });
              if (!c) continue;
              const r = rank(c);
              // Every choice made here is in the rank, so the order of the loops cannot decide between two.
              if (!best || better(r, bestRank)) {
                best = c;
                bestRank = r;
              }
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
