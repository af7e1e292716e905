/**
 * The error chart: the summed error of each iteration, drawn with asciichart, fitted to the
 * panel's width (longer runs are sampled: each column shows the last iteration of its stretch)
 * on a linear or log10 scale, with the held-out error as a second series when there is one.
 *
 * The panel is always exactly `height` lines: before the first iteration it shows a placeholder,
 * and if the error has gone to NaN or Infinity it says "diverged" (asciichart would throw).
 */
import { plot } from 'asciichart';
import { Box } from 'ink';
import { num, padLeft, sig } from '../format/numbers.js';
import { padRight, wrap } from '../format/text.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, segsLength, type Seg } from './line.js';

/** Arrays and the engine's AppendList both fit. */
export interface Series {
  readonly length: number;
  at(index: number): number | undefined;
}

export interface ErrorChartProps {
  readonly errors: Series;
  /** Held-out error per iteration (empty when nothing is held out). */
  readonly heldOut: Series;
  readonly scale: 'linear' | 'log';
  /** The iterations the run will have: a short run is stretched so that it ends near the right edge. */
  readonly iterations?: number;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Errors of exactly 0 have no logarithm: they are drawn at this floor. */
const TINY = 1e-12;

/** `count` values taken evenly from the series, the last one always its final value. */
export function sample(series: Series, count: number): number[] {
  const n = series.length;
  if (n <= count) return Array.from({ length: n }, (_, i) => series.at(i)!);
  return Array.from({ length: count }, (_, i) => series.at(Math.floor(((i + 1) * n) / count) - 1)!);
}

function label(v: number, scale: 'linear' | 'log', span: number): string {
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

export function ErrorChart({ errors, heldOut, scale, iterations, theme, width, height }: ErrorChartProps) {
  const g = theme.glyphs;
  const plotLines = Math.max(2, height - 1);
  const last = errors.at(errors.length - 1);
  const lastHeld = heldOut.at(heldOut.length - 1);
  const finite = (s: Series) => s.length === 0 || Number.isFinite(s.at(s.length - 1)!);
  const diverged = !finite(errors) || !finite(heldOut);

  // The title says as much as fits, chosen by the width alone (values are padded to fixed widths), so
  // it keeps its words from one step to the next: the latest error of each series, then the iteration.
  // Values are padded after them to a fixed width, so the words before them keep their place.
  const value = (x: number | undefined): Seg[] => [seg(padRight(x === undefined ? g.none : num(x, 8, { small: true }), 8))];
  const iterWidth = String(Math.max(iterations ?? 0, errors.length)).length;
  const twoSeries = heldOut.length > 0 || lastHeld !== undefined;
  const latest = (withIteration: boolean): Seg[] => {
    if (diverged) return [seg('diverged', 'warning', true)];
    const out: Seg[] = withIteration ? [seg(`iter ${padRight(`${errors.length}:`, iterWidth + 1)} `, 'label')] : [];
    // With a second series, a legend: the line is the training error, the dots the held-out error.
    if (twoSeries) out.push(seg('train ', 'accent'));
    out.push(...value(last));
    if (twoSeries) out.push(seg(` ${g.chartSecond} held out `, 'heldOut'), ...value(lastHeld));
    return out;
  };
  const names = scale === 'log' ? ['Error per iteration (log)', 'Error (log)'] : ['Error per iteration', 'Error'];
  const choices: [string, Seg[]][] = [
    [names[0]!, latest(true)],
    [names[1]!, latest(true)],
    [names[1]!, latest(false)],
    [names[1]!, []],
  ];
  // Title text, two spaces, the right side, and a rule of at least one cell either side.
  const [titleText, right] = choices.find(([t, r]) => t.length + segsLength(r) + 8 <= width) ?? choices[choices.length - 1]!;
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
  if (diverged) return message('diverged: the error ran off to infinity or NaN (alpha too large?)', 'warning');
  if (errors.length === 0) return message('no iteration finished yet', 'label');

  // Scale every value into [0, h] ourselves and let asciichart draw on exactly h + 1 lines; its
  // own rounding of an arbitrary min and max can give one line more or less.
  const h = plotLines - 1;
  const toY = (e: number) => (scale === 'log' ? Math.log10(Math.max(e, TINY)) : e);
  // The range comes from a sample as wide as the panel (plus the first error, usually the
  // largest): close to the true range and cheap on a million iterations.
  const probe = [errors.at(0)!, ...sample(errors, width), ...sample(heldOut, width)];
  const ys = probe.map(toY);
  const finiteYs = ys.filter(Number.isFinite);
  let lo = scale === 'log' ? niceLog(10 ** Math.min(...finiteYs), false) : 0;
  let hi = scale === 'log' ? niceLog(10 ** Math.max(...finiteYs), true) : Math.max(...finiteYs);
  if (!(hi > lo)) hi = lo + 1;
  if (scale === 'linear' && lo > 0) lo = 0;
  const labels = Array.from({ length: h + 1 }, (_, k) => label(lo + ((hi - lo) * k) / h, scale, hi - lo));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const points = Math.max(2, width - labelWidth - 1);
  // A run shorter than the width gets a whole number of columns per iteration, the line
  // interpolated between iterations, so that the finished run spans the chart.
  const stretch = iterations && iterations > 1 ? Math.max(1, Math.floor((points - 1) / (iterations - 1))) : 1;
  const scaled = (s: Series) => {
    const ys = sample(s, points).map((e) => ((toY(e) - lo) / (hi - lo)) * h);
    if (stretch === 1 || ys.length < 2) return ys;
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
  const main = draw(scaled(errors), g.chart);
  const second =
    heldOut.length > 0 ? draw(scaled(heldOut), [g.chart[0], g.chart[1], ...Array<string>(8).fill(g.chartSecond)] as unknown as typeof g.chart) : [];

  return (
    <Box flexDirection="column" width={width} height={height}>
      {title}
      {Array.from({ length: plotLines }, (_, i) => {
        const text = main[i] ?? '';
        const over = second[i] ?? '';
        const segs: Seg[] = [seg(text.slice(0, labelWidth), 'label'), seg(text.slice(labelWidth, labelWidth + 1), 'dim')];
        // The plot area: training error in the accent colour, held-out error where the first line leaves a gap.
        let run = '';
        let runColor: Seg['color'];
        for (let x = labelWidth + 1; x < Math.max(text.length, over.length); x++) {
          const a = text[x] ?? ' ';
          const b = over[x] ?? ' ';
          const [ch, color]: [string, Seg['color']] = a !== ' ' ? [a, 'accent'] : b !== ' ' ? [b, 'heldOut'] : [' ', undefined];
          if (color !== runColor && run) {
            segs.push(seg(run, runColor));
            run = '';
          }
          runColor = color;
          run += ch;
        }
        if (run) segs.push(seg(run, runColor));
        return <Line key={i} segs={segs} width={width} theme={theme} />;
      })}
    </Box>
  );
}
