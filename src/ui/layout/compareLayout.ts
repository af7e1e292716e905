/**
 * The comparison screen's geometry, pure: the status line, the two runs side by side (a label line
 * over each run's network panel), one error chart with both curves across the width, the caption and
 * the key hints. The frame stays at most `rows - 1` lines (see trainingLayout.ts for why).
 *
 * What goes first when lines are short: the network panels' extra lines, then the caption's second
 * line, then lamps (the panels shrink to their smallest), then the caption's first line, then the
 * screen says what size it needs.
 */
import { MIN_SIZE, type Size } from '../../terminal/size.js';
import { CHART, GRID, networkNeed, type LayoutInfo } from './panelSizes.js';
import { GAP } from './trainingLayout.js';

export interface CompareLayout {
  readonly tooSmall?: false;
  readonly width: number;
  readonly height: number;
  /** Width of each run's column; the second starts GAP columns after the first. */
  readonly runWidth: number;
  /** 3-layer runs drawn with the compact grid (panels/compactGrid.tsx). */
  readonly compact: boolean;
  /** The network panels' extra lines (panels/network.tsx's `detail`). */
  readonly detail: boolean;
  /** Lines of each run's network panel (under its label line). */
  readonly networkHeight: number;
  readonly chartHeight: number;
  readonly captionLines: number;
  readonly hints: boolean;
}

export interface CompareTooSmall {
  readonly tooSmall: true;
  readonly need: Size;
}

/** The compact grid of a 3-layer net (panels/compactGrid.tsx): a label column, then a cell per hidden node. */
export const COMPACT = { label: 11, cell: 7 };

/** Lines of the compact grid: title, header, a line per lamp, weights_1_2, output (and a linear net's single layer). */
export function compactGridLines(inputs: number, linear: boolean): number {
  return 4 + inputs + (linear ? 1 : 0);
}

/** Whether the runs' 3-layer weights are drawn compact: the full grid would leave hidden nodes out of one at this width. */
export function drawsCompact(infos: readonly LayoutInfo[], width: number): boolean {
  return infos.some((info) => info.deep && GRID.label + GRID.cell * info.hidden > width);
}

/** The lines a run's panel needs, and the fewest it can do with (fewer lamps shown). */
export function runPanelNeed(info: LayoutInfo, compact: boolean, detail = false): { height: number; minHeight: number } {
  if (!compact) {
    const need = networkNeed(info, detail);
    return { height: need.height, minHeight: need.minHeight };
  }
  const inputs = info.inputs ?? 3;
  return { height: compactGridLines(inputs, !!info.linear), minHeight: compactGridLines(Math.min(inputs, 1), !!info.linear) };
}

/** Lines besides the panels: the status line, the label line over the runs. */
const FIXED = 2;

/** `infos`: the shape of each run (a linear run's panel has a line more). */
export function compareLayoutFor(size: Size, infos: readonly LayoutInfo[]): CompareLayout | CompareTooSmall {
  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) return { tooSmall: true, need: MIN_SIZE };
  const runWidth = Math.floor((size.columns - GAP) / 2);
  const compact = drawsCompact(infos, runWidth);
  const room = size.rows - 1 - FIXED - 1;
  const heights = (detail: boolean) => infos.map((info) => runPanelNeed(info, compact, detail));
  const smallest = Math.max(...heights(false).map((n) => n.minHeight));
  // The network panels' extra lines (a header, the hidden sums before relu) only where the chart keeps 12 lines.
  const full = Math.max(...heights(false).map((n) => n.height));
  // In order: the panels' extra lines, the caption's second line, every lamp, the caption's first line.
  const tries = [
    ...(compact ? [] : [{ detail: true, lines: Math.max(...heights(true).map((n) => n.height)), chart: 12, captionLines: 2 }]),
    { detail: false, lines: full, chart: 0, captionLines: 2 },
    { detail: false, lines: full, chart: 0, captionLines: 1 },
    { detail: false, lines: smallest, chart: 0, captionLines: 1 },
    { detail: false, lines: full, chart: 0, captionLines: 0 },
    { detail: false, lines: smallest, chart: 0, captionLines: 0 },
  ];
  for (const { detail, lines: networkHeight, chart, captionLines } of tries) {
    const chartHeight = room - networkHeight - captionLines;
    // A roomy screen keeps both caption lines; a small one gives the chart its readable minimum first.
    if (chartHeight >= Math.max(chart, captionLines === 2 ? CHART.goodLines : CHART.minLines)) {
      return { width: size.columns, height: FIXED + networkHeight + chartHeight + captionLines + 1, runWidth, compact, detail, networkHeight, chartHeight, captionLines, hints: true };
    }
  }
  return { tooSmall: true, need: { columns: MIN_SIZE.columns, rows: FIXED + smallest + CHART.minLines + 2 } };
}
