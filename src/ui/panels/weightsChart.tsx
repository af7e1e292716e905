/**
 * The weights of a 2-layer net over the iterations, one series per weight (from the trainer's weight
 * path: the start and every stride-th iteration). Conflicting pressure's picture: w2 moves most in
 * the first iteration, then is silenced only as w1 takes up the correlation. Weights can be negative,
 * so the scale fits the values rather than starting at 0.
 */
import type { TrainerState } from '../../engine/trainer.js';
import { weightSeries } from '../../engine/weightPath.js';
import type { ColorName, Theme } from '../theme.js';
import { LineChart, type ChartLine } from './lineChart.js';

export interface WeightsChartProps {
  readonly trainer: TrainerState;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const COLORS: readonly (ColorName | undefined)[] = ['accent', 'positive', 'heldOut', 'warning'];

export function WeightsChart({ trainer: t, theme, width, height }: WeightsChartProps) {
  const g = theme.glyphs;
  const count = t.weights.layers === 2 ? t.weights.weights.length : 0;
  const glyphs = ['', g.chartSecond, g.chartThird, g.chartFourth];
  // Past four weights the chart would be a tangle: the first four are drawn.
  const lines: ChartLine[] = Array.from({ length: Math.min(count, 4) }, (_, i) => ({
    values: weightSeries(t.path, i).values,
    name: `w${i}`,
    glyph: glyphs[i]!,
    color: COLORS[i],
  }));
  const points = Math.floor(t.setup.iterations / t.path.stride) + 1;
  return (
    <LineChart
      titles={['Weights per iteration', 'Weights']}
      lines={lines}
      scale="linear"
      iterations={points}
      iteration={t.iteration}
      valueWidth={6}
      empty="no weights yet"
      diverged="diverged: the weights ran off to infinity or NaN"
      theme={theme}
      width={width}
      height={height}
    />
  );
}
