/**
 * A line chart of one or more series over the iterations, drawn with asciichart and fitted to the
 * panel: longer runs are sampled (each column shows the last iteration of its stretch), a run shorter
 * than the width is stretched so the finished run spans it. Linear (from 0, or fitted to the values
 * when they go negative) or log10 scale; a horizontal floor line and vertical marks at iterations.
 *
 * The first series is drawn with the chart's line glyphs, each other one with a glyph of its own, so
 * they read apart without colour; the title's legend names each by its glyph. The panel is always
 * exactly `height` lines: before the first point it shows a placeholder, and if a series has gone to
 * NaN or Infinity it says so (asciichart would throw). Every label is chosen by the width alone and
 * values are padded to fixed widths, so the title keeps its words from one step to the next.
 */
import { plot } from 'asciichart';
import { Box } from 'ink';
import { num, padLeft, sig } from '../format/numbers.js';
import { padRight, wrap } from '../format/text.js';
import type { ColorName, Theme } from '../theme.js';
import { Line, Title, seg, titleFits, type Seg } from './line.js';

/** Arrays and the engine's AppendList both fit. */
export interface Series {
  readonly length: number;
  at(index: number): number | undefined;
}

export interface ChartLine {
  readonly values: Series;
  /** Its name in the legend ("train", "held out", "sgd (before)"). */
  readonly name: string;
  /** The glyph of a series after the first (the first uses the chart's line glyphs). */
  readonly glyph: string;
  readonly color: ColorName | undefined;
}

export interface LineChartProps {
  /** Titles, longest first: the longest that fits with the legend is used. */
  readonly titles: readonly string[];
  readonly lines: readonly ChartLine[];
  readonly scale: 'linear' | 'log';
  /** Iterations the run will have: a short run is stretched so that it ends near the right edge. */
  readonly iterations?: number;
  /** A level to draw across the chart (the best a single layer can do). */
  readonly floor?: { readonly value: number; readonly name: string };
  /** Iterations to mark with a vertical line (where alpha changed). */
  readonly marks?: readonly number[];
  /** The linear scale spans the values only (a weight's path), rather than reaching down to 0. */
  readonly fit?: boolean;
  /** Characters per value in the legend (each padded to it, so the words after keep their place). */
  readonly valueWidth?: number;
  /** The iteration the legend names (default: the first series' length, one value per iteration). */
  readonly iteration?: number;
  /** What to say before the first point. */
  readonly empty: string;
  /** What to say when a series is not finite. */
  readonly diverged: string;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Values of exactly 0 have no logarithm: they are drawn at this floor. */
const TINY = 1e-12;

/** `count` values taken evenly from the series, the last one always its final value. */
export function sample(series: Series, count: number): number[] {
  const n = series.length;
  if (n <= count) return Array.from({ length: n }, (_, i) => series.at(i)!);
  return Array.from({ length: count }, (_, i) => series.at(Math.floor(((i + 1) * n) / count) - 1)!);
}

function axisLabel(v: number, scale: 'linear' | 'log', span: number): string {
  if (scale === 'log') return sig(10 ** v, 2);
  const decimals = span >= 100 ? 0 : span >= 10 ? 1 : span >= 1 ? 2 : 3;
  return num(v, 8, { decimals });
}

/** log10 of the nearest of 1, 2, 5 × 10^k at or above (up) or at or below (down) `x`: log axes end on round values. */
export function niceLog(x: number, up: boolean): number {
  const k = Math.floor(Math.log10(x));
  const steps = [1, 2, 5, 10].map((m) => Math.log10(m) + k);
  const y = Math.log10(x);
  // A little slack, so 1.0000001 does not open a new step.
  return up ? steps.find((s) => s >= y - 1e-9)! : [...steps].reverse().find((s) => s <= y + 1e-9)!;
}

const lastOf = (s: Series) => s.at(s.length - 1);

export function LineChart(props: LineChartProps) {
  const { lines, scale, iterations, theme, width, height } = props;
  const g = theme.glyphs;
  const plotLines = Math.max(2, height - 1);
  const main = lines[0]!.values;
  const diverged = lines.some((l) => l.values.length > 0 && !Number.isFinite(lastOf(l.values)!));

  // The legend: the latest value of each series (the first unmarked, the others by their glyph),
  // values padded after them to a fixed width, then the iteration, as much as fits.
  const valueWidth = props.valueWidth ?? (lines.length > 1 ? 7 : 8);
  const value = (x: number | undefined): Seg[] => [seg(padRight(x === undefined ? g.none : num(x, valueWidth, { small: true }), valueWidth))];
  const iterWidth = String(Math.max(iterations ?? 0, main.length)).length;
  const legend = (withIteration: boolean, withNames: boolean): Seg[] => {
    if (diverged) return [seg('diverged', 'warning', true)];
    const out: Seg[] = withIteration ? [seg(`iter ${padRight(`${props.iteration ?? main.length}:`, iterWidth + 1)} `, 'label')] : [];
    lines.forEach((l, i) => {
      if (i > 0) out.push(seg(' '));
      if (lines.length > 1 && (withNames || i > 0)) out.push(seg(`${i > 0 ? `${l.glyph} ` : ''}${withNames ? `${l.name} ` : ''}`, l.color));
      out.push(...value(lastOf(l.values)));
    });
    if (props.floor) out.push(seg(` ${g.floor} ${withNames ? props.floor.name : 'floor'}`, 'label'));
    return out;
  };
  const choices: [string, Seg[]][] = [];
  for (const t of props.titles) choices.push([t, legend(true, true)]);
  for (const t of props.titles) choices.push([t, legend(false, true)]);
  const shortest = props.titles[props.titles.length - 1]!;
  // Narrower still, several series keep their named legend and the title word goes.
  if (lines.length > 1) choices.push(['', legend(false, true)]);
  choices.push([shortest, legend(false, false)], [shortest, []]);
  const [titleText, right] = choices.find(([t, r]) => titleFits(t, r, width)) ?? choices[choices.length - 1]!;
  const title = <Title title={titleText} width={width} theme={theme} right={right} />;

  const message = (text: string, color: Seg['color']) => {
    const wrapped = wrap(text, width - 2).slice(0, plotLines);
    const top = Math.floor((plotLines - wrapped.length) / 2);
    return (
      <Box flexDirection="column" width={width} height={height}>
        {title}
        {Array.from({ length: plotLines }, (_, i) => {
          const text = wrapped[i - top];
          return <Line key={i} segs={text ? [seg(`  ${text}`, color)] : []} width={width} theme={theme} />;
        })}
      </Box>
    );
  };
  if (diverged) return message(props.diverged, 'warning');
  if (main.length === 0) return message(props.empty, 'label');

  // Scale every value into [0, h] ourselves and let asciichart draw on exactly h + 1 lines; its
  // own rounding of an arbitrary min and max can give one line more or less.
  const h = plotLines - 1;
  const toY = (e: number) => (scale === 'log' ? Math.log10(Math.max(e, TINY)) : e);
  // The range comes from samples as wide as the panel (plus each first value, usually the largest):
  // close to the true range and cheap on a million iterations.
  const probe = lines.flatMap((l) => (l.values.length > 0 ? [l.values.at(0)!, ...sample(l.values, width)] : []));
  if (props.floor) probe.push(props.floor.value);
  const ys = probe.map(toY).filter(Number.isFinite);
  let lo = scale === 'log' ? niceLog(10 ** Math.min(...ys), false) : Math.min(...(props.fit ? [] : [0]), ...ys);
  let hi = scale === 'log' ? niceLog(10 ** Math.max(...ys), true) : Math.max(...ys);
  // A flat line (or a single point) gets a range around it.
  if (!(hi > lo)) [lo, hi] = props.fit ? [lo - 0.5, hi + 0.5] : [lo, lo + 1];
  const labels = Array.from({ length: h + 1 }, (_, k) => axisLabel(lo + ((hi - lo) * k) / h, scale, hi - lo));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const points = Math.max(2, width - labelWidth - 1);
  // A run shorter than the width gets a whole number of columns per iteration, the line
  // interpolated between iterations, so that the finished run spans the chart.
  const total = Math.max(iterations ?? 0, ...lines.map((l) => l.values.length));
  const stretch = total > 1 && total <= points ? Math.max(1, Math.floor((points - 1) / (total - 1))) : 1;
  const column = (iteration: number) => labelWidth + 1 + Math.round((iteration - 1) * (total <= points ? stretch : points / total));
  const scaled = (s: Series) => {
    const ys = sample(s, total <= points ? s.length : Math.max(2, Math.round((points * s.length) / total))).map((e) => ((toY(e) - lo) / (hi - lo)) * h);
    // asciichart draws a series' first value on the axis only: one value alone gets a step beside it, to be seen.
    if (ys.length === 1) return [ys[0]!, ys[0]!];
    if (stretch === 1) return ys;
    return ys.flatMap((y, i) => (i === ys.length - 1 ? [y] : Array.from({ length: stretch }, (_, k) => y + ((ys[i + 1]! - y) * k) / stretch)));
  };
  const draw = (values: number[], symbols: typeof g.chart) =>
    plot(values, {
      height: h,
      min: 0,
      max: h,
      offset: 2,
      symbols: [...symbols] as never,
      format: (x: number) => padLeft(labels[Math.round(x)] ?? '', labelWidth),
    }).split('\n');
  const own = (glyph: string) => [g.chart[0], g.chart[1], ...Array<string>(8).fill(glyph)] as unknown as typeof g.chart;
  // Drawn in order, the first series on top: where it leaves a cell empty, the next may draw.
  const drawn = lines.filter((line) => line.values.length > 0).map((line) => ({ line, values: scaled(line.values) }));
  const layers = drawn.map(({ line, values }, i) => ({ rows: draw(values, i === 0 ? g.chart : own(line.glyph)), color: line.color }));
  // asciichart marks the axis with its crossing glyph at its zero row (our top row) as well as at each
  // series' first value: only the first value's row keeps it.
  const firstRow = h - Math.round(drawn[0]!.values[0]!);
  const floorRow = props.floor && Number.isFinite(toY(props.floor.value)) ? h - Math.round(((toY(props.floor.value) - lo) / (hi - lo)) * h) : undefined;
  const markColumns = new Set((props.marks ?? []).filter((m) => m >= 1 && m <= total).map(column));
  const axis = layers[0]!.rows;

  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {Array.from({ length: plotLines }, (_, i) => {
        const text = axis[i] ?? '';
        const axisChar = text.slice(labelWidth, labelWidth + 1);
        const segs: Seg[] = [seg(text.slice(0, labelWidth), 'label'), seg(axisChar === g.chart[0] && i !== firstRow ? g.chart[1] : axisChar, 'dim')];
        let run = '';
        let runColor: Seg['color'];
        const end = Math.max(width, ...layers.map((l) => (l.rows[i] ?? '').length));
        for (let x = labelWidth + 1; x < Math.min(end, width); x++) {
          let ch = ' ';
          let color: Seg['color'];
          for (const layer of layers) {
            const c = layer.rows[i]?.[x] ?? ' ';
            if (c !== ' ') {
              [ch, color] = [c, layer.color];
              break;
            }
          }
          if (ch === ' ' && i === floorRow) [ch, color] = [g.floor, 'label'];
          else if (ch === ' ' && markColumns.has(x)) [ch, color] = [g.mark, 'warning'];
          if (color !== runColor && run) {
            segs.push(seg(run, runColor));
            run = '';
          }
          runColor = color;
          run += ch;
        }
        if (run.trimEnd()) segs.push(seg(run.trimEnd(), runColor));
        return <Line key={i} segs={segs} width={width} theme={theme} />;
      })}
    </Box>
  );
}
