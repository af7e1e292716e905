/**
 * The error chart: the summed error of each iteration (lineChart.tsx draws it), with the held-out
 * error as a second series when rows are held out, the previous run's curve after g or a restarted
 * the run (so sgd and full, or relu and linear, can be pointed at), and a floor line where the lesson
 * has one (the best any single layer can do on linear-deep's data).
 */
import type { Theme } from '../theme.js';
import { LineChart, type ChartLine, type Series } from './lineChart.js';

export { sample, type Series } from './lineChart.js';

export interface ErrorChartProps {
  readonly errors: Series;
  /** Held-out error per iteration (empty when nothing is held out). */
  readonly heldOut: Series;
  /** The run before the last restart, with what it was (e.g. "sgd", "relu"). */
  readonly previous?: { readonly errors: Series; readonly name: string };
  readonly floor?: { readonly value: number; readonly name: string };
  /** Iterations where alpha changed. */
  readonly marks?: readonly number[];
  readonly scale: 'linear' | 'log';
  /** The iterations the run will have: a short run is stretched so that it ends near the right edge. */
  readonly iterations?: number;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

export function ErrorChart({ errors, heldOut, previous, floor, marks, scale, iterations, theme, width, height }: ErrorChartProps) {
  const g = theme.glyphs;
  const lines: ChartLine[] = [{ values: errors, name: 'train', glyph: '', color: 'accent' }];
  if (heldOut.length > 0) lines.push({ values: heldOut, name: 'held out', glyph: g.chartSecond, color: 'heldOut' });
  if (previous && previous.errors.length > 0) lines.push({ values: previous.errors, name: previous.name, glyph: g.chartThird, color: 'dim' });
  const titles = scale === 'log' ? ['Error per iteration (log)', 'Error (log)'] : ['Error per iteration', 'Error'];
  return (
    <LineChart
      titles={titles}
      lines={lines}
      scale={scale}
      iterations={iterations}
      floor={floor}
      marks={marks}
      empty="no iteration finished yet"
      diverged="diverged: the error ran off to infinity or NaN (alpha too large?)"
      theme={theme}
      width={width}
      height={height}
    />
  );
}
