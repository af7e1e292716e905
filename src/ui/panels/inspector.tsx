/**
 * The weight inspector's panel: the selected weight's last update and the next one written out with
 * their numbers (inspectorLines.ts), beside (or above) a chart of the weight's path over the iterations.
 * It takes the place of the error chart (and of the pressure table beside it) while the inspector is on.
 */
import { Box } from 'ink';
import type { TrainingSetup } from '../../engine/types.js';
import { weightName, type Inspection } from '../../session/inspect.js';
import { formulaText } from '../format/formula.js';
import { num } from '../format/numbers.js';
import { wrap } from '../format/text.js';
import type { Theme } from '../theme.js';
import { inspectorLines, type InspectorLine } from './inspectorLines.js';
import { Line, Title, seg } from './line.js';
import { LineChart } from './lineChart.js';

export interface InspectorProps {
  readonly inspection: Inspection;
  readonly setup: TrainingSetup;
  /** Iterations where the run was changed live (marked on the path too). */
  readonly marks?: readonly number[];
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

interface Row {
  readonly text: string;
  readonly heading: boolean;
}

/**
 * The lines wrapped to `width` (continuations indented), as many whole lines as fit in `height`: the
 * least needed left out first; short of room, each heading leads the line after it in its short form.
 */
export function fittedRows(lines: readonly InspectorLine[], width: number, height: number, theme: Theme): Row[] {
  const full = wrapped(lines, width, theme);
  const count = (gs: ReturnType<typeof wrapped>) => gs.reduce((n, g) => n + g.rows.length, 0);
  if (count(full.filter((g) => g.line.rank <= 1)) <= height) return fitGroups(full, height);
  const kept = lines.filter((l) => l.rank <= 1);
  const led = kept.flatMap((l, i): InspectorLine[] => {
    const before = kept[i - 1];
    if (l.lead && kept[i + 1] && !kept[i + 1]!.heading) return [];
    return before?.lead && !l.heading ? [{ ...l, text: `${before.lead} ${l.text.trimStart()}` }] : [l];
  });
  return fitGroups(wrapped(led, width, theme), height);
}

function wrapped(lines: readonly InspectorLine[], width: number, theme: Theme) {
  return lines.map((l) => {
    const text = formulaText(l.text, theme);
    const body = text.trimStart();
    const indent = ' '.repeat(text.length - body.length);
    const first = wrap(body, width - indent.length)[0] ?? '';
    // A line too long for the width goes on under itself, indented a little more.
    const rest = body.length > first.length ? wrap(body.slice(first.length), width - indent.length - 4).map((r) => `${indent}    ${r}`) : [];
    return { line: l, rows: [`${indent}${first}`, ...rest].map((t) => ({ text: t, heading: !!l.heading })) };
  });
}

function fitGroups(groups: ReturnType<typeof wrapped>, height: number): Row[] {
  const kept = [...groups];
  const count = () => kept.reduce((n, g) => n + g.rows.length, 0);
  while (kept.length > 0 && count() > height) {
    const worst = Math.max(...kept.map((g) => g.line.rank));
    const at = kept.map((g) => g.line.rank).lastIndexOf(worst);
    kept.splice(at, 1);
  }
  return kept.flatMap((g) => g.rows);
}

export function Inspector({ inspection, setup, marks, theme, width, height }: InspectorProps) {
  const name = weightName(inspection.ref);
  const beside = width >= 64 && height >= 5;
  const chartWidth = beside ? Math.max(24, Math.min(48, Math.floor(width * 0.38))) : width;
  const textWidth = beside ? width - chartWidth - 2 : width;
  const lines = inspectorLines(inspection, setup);
  // Stacked: the text first; the chart below it when at least 4 lines are left for it.
  const textHeight = beside ? height - 1 : Math.min(height - 1, fittedRows(lines, textWidth, height, theme).length);
  const rows = fittedRows(lines, textWidth, textHeight, theme);
  const chartHeight = beside ? height : height - 1 - rows.length;
  const title = <Title title={`Inspect ${name}`} width={textWidth} theme={theme} right={[seg(`now ${num(inspection.value, 8, { sign: true, small: true })}`, 'label')]} />;
  const text = (
    <Box flexDirection="column" width={textWidth} height={beside ? height : 1 + rows.length}>
      {title}
      {rows.map((r, k) => (
        <Line key={k} segs={[seg(r.text, r.heading ? 'label' : undefined, r.heading)]} width={textWidth} theme={theme} />
      ))}
    </Box>
  );
  const chart = chartHeight >= 4 ? <PathChart inspection={inspection} name={name} setup={setup} marks={marks} theme={theme} width={chartWidth} height={chartHeight} /> : null;
  return (
    <Box flexDirection={beside ? 'row' : 'column'} width={width} height={height}>
      {text}
      {chart ? <Box marginLeft={beside ? 2 : 0}>{chart}</Box> : null}
    </Box>
  );
}

function PathChart(props: { inspection: Inspection; name: string; setup: TrainingSetup; marks?: readonly number[]; theme: Theme; width: number; height: number }) {
  const { inspection, name, setup, marks, theme, width, height } = props;
  const { path, stride, iteration } = inspection;
  // The path holds the start and every stride-th iteration: point p is iteration p × stride, drawn at
  // the chart's position p + 1. A change made after iteration m - 1 is marked at the last point before it.
  const points = Math.floor(setup.iterations / stride) + 1;
  const pathMarks = marks?.map((m) => Math.floor((m - 1) / stride) + 1);
  return (
    <LineChart
      titles={[`Path of ${name}`, name]}
      lines={[{ values: path, name, glyph: '', color: 'accent' }]}
      scale="linear"
      fit
      iterations={Math.max(points, path.length)}
      iteration={iteration}
      marks={pathMarks}
      empty="no iteration finished yet"
      diverged="diverged: the weight ran off to infinity or NaN"
      theme={theme}
      width={width}
      height={height}
    />
  );
}
