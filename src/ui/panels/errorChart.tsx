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
import { num, padLeft, type Theme } from '../theme.js';
import { wrap } from './caption.js';
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
  if (scale === 'log') {
    const x = 10 ** v;
    return x >= 0.01 && x < 1000 ? num(x, 6, { decimals: x < 0.1 ? 3 : x < 10 ? 2 : 0 }) : x.toExponential(0).replace('e+', 'e');
  }
  const decimals = span >= 100 ? 0 : span >= 10 ? 1 : span >= 1 ? 2 : 3;
  return num(v, 8, { decimals });
}

export function ErrorChart({ errors, heldOut, scale, iterations, theme, width, height }: ErrorChartProps) {
  const g = theme.glyphs;
  const plotLines = Math.max(2, height - 1);
  const last = errors.at(errors.length - 1);
  const lastHeld = heldOut.at(heldOut.length - 1);
  const finite = (s: Series) => s.length === 0 || Number.isFinite(s.at(s.length - 1)!);
  const diverged = !finite(errors) || !finite(heldOut);

  // The title says as much as fits: the latest error of each series, then the iteration.
  const latest = (withIteration: boolean): Seg[] => {
    if (diverged) return [seg('diverged', 'warning', true)];
    if (last === undefined) return [];
    const out: Seg[] = withIteration ? [seg(`iter ${errors.length}: `, 'dim')] : [];
    // With a second series, each value is labelled with its line's glyph.
    if (lastHeld !== undefined) out.push(seg(`${g.chart[4]} train `, 'accent'));
    out.push(seg(num(last, 8, { small: true })));
    if (lastHeld !== undefined) out.push(seg(`  ${g.chartSecond} held out `, 'heldOut'), seg(num(lastHeld, 8, { small: true })));
    return out;
  };
  const name = scale === 'log' ? 'Error (log scale)' : 'Error per iteration';
  const choices: [string, Seg[]][] = [
    [name, latest(true)],
    [scale === 'log' ? 'Error (log)' : 'Error', latest(true)],
    [scale === 'log' ? 'Error (log)' : 'Error', latest(false)],
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
  if (errors.length === 0) return message('no iteration finished yet', 'dim');

  // Scale every value into [0, h] ourselves and let asciichart draw on exactly h + 1 lines; its
  // own rounding of an arbitrary min and max can give one line more or less.
  const h = plotLines - 1;
  const toY = (e: number) => (scale === 'log' ? Math.log10(Math.max(e, TINY)) : e);
  // The range comes from a sample as wide as the panel (plus the first error, usually the
  // largest): close to the true range and cheap on a million iterations.
  const probe = [errors.at(0)!, ...sample(errors, width), ...sample(heldOut, width)];
  const ys = probe.map(toY);
  let lo = scale === 'log' ? Math.floor(Math.min(...ys)) : 0;
  let hi = scale === 'log' ? Math.ceil(Math.max(...ys)) : Math.max(...ys);
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
        const segs: Seg[] = [seg(text.slice(0, labelWidth + 1), 'dim')];
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
