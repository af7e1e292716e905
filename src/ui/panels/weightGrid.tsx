/**
 * The weights of a 3-layer net, laid out the way the signal flows: one column per hidden node;
 * weights_0_1 (a row per input lamp), the hidden layer (relu-off nodes say "off"), weights_1_2,
 * the output with its error, layer_2_delta, and the layer_1_delta passed back. Arrows mark the
 * weights that moved at the last update. Linear nets add their equivalent single layer.
 *
 * The lines are the ones panelSizes.gridLines lists, so the layout counts what is drawn. Every label
 * keeps its place whatever the values: the names never shorten from one step to the next.
 */
import { Box } from 'ink';
import { equivalentSingleLayer, hiddenDeltaParts } from '../../engine/network.js';
import type { WeightRef } from '../../engine/inspect.js';
import type { TrainerState } from '../../engine/trainer.js';
import { num, padLeft, short } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { GRID, gridColumnsFitting, gridLines, moreNote, type GridLine, type GridPage } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, segsLength, type Seg } from './line.js';
import { lampSeg } from './streetLights.js';

export interface WeightGridProps {
  readonly trainer: TrainerState;
  readonly detail: boolean;
  /** All the lines, or one page of them where the panel cannot hold both. */
  readonly page?: GridPage;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  readonly selected?: WeightRef;
}

const NUM = GRID.cell - 2;

export function WeightGrid({ trainer, detail, page = 'full', theme, width, height, selected }: WeightGridProps) {
  const { weights, previousWeights: before, trace, setup } = trainer;
  if (weights.layers !== 3 || before.layers !== 3) return null;
  const g = theme.glyphs;
  const relu = setup.activation === 'relu';
  const hidden = weights.weights_1_2.length;
  const fwd = trace?.forward;
  const cols = gridColumnsFitting(width, hidden);
  const lines = gridLines(!relu, detail, page);
  // The backward values are those of the update this row makes: the weights it started from, once it is applied.
  const used = trace?.applied === true ? before : weights;
  const parts =
    trace?.delta !== undefined && fwd?.hidden !== undefined && used.layers === 3
      ? hiddenDeltaParts(used.weights_1_2, trace.delta, fwd.hidden, setup.activation)
      : undefined;
  const wd = trace?.weightDeltas?.layers === 3 ? trace.weightDeltas : undefined;

  /** A cell: the text right-aligned, then one character for an arrow (or a space). */
  const cell = (text: string, color?: Seg['color'], mark: Seg = seg(' ')): Seg[] => [seg(padLeft(text, GRID.cell - 1), color), mark];
  const none = () => cell(g.none, 'dim');
  const signed = (x: number) => (x < 0 ? 'negative' : x > 0 ? 'positive' : undefined);
  const weightCell = (now: number, was: number, picked = false) => {
    const c = cell(num(now, NUM, { sign: true }), signed(now), now > was ? seg(g.up, 'positive') : now < was ? seg(g.down, 'negative') : seg(' '));
    // The inspector's cursor takes the cell's first column, which a number never fills: `▸+0.533↑`.
    return picked ? [seg(g.activeRow, 'active', true), { ...c[0]!, text: c[0]!.text.slice(1) }, ...c.slice(1)] : c;
  };
  const isOff = (j: number) => relu && fwd?.hidden !== undefined && fwd.hidden[j]! <= 0;

  const row = (label: Seg[], cells: (j: number) => Seg[]): Seg[] => {
    const segs = [...label];
    for (let j = 0; j < cols; j++) segs.push(...cells(j));
    return segs;
  };
  const label = (text: string, color: Seg['color'] = 'label') => [seg(padRight(text, GRID.label), color)];
  const values = (v: readonly number[] | undefined, offShown: boolean) => (j: number) =>
    v === undefined ? none() : offShown && isOff(j) ? cell(g.reluOff, 'label') : cell(num(v[j]!, NUM, { sign: true }));
  const value = (x: number | undefined, opts: { sign?: boolean; small?: boolean }) => (x === undefined ? g.none : num(x, 7, opts));

  const perLamp = lines.filter((l) => l === 'lamp' || l === 'weight_delta_0_1').length;
  const lampRows = Math.floor((height - (lines.length - perLamp) - (lines.includes('weight_delta_0_1') ? 1 : 0)) / Math.max(1, perLamp));
  const inputRows = windowAround([...weights.weights_0_1.keys()], lampRows, selected?.layer === 'weights_0_1' ? selected.row : undefined).items;
  const hiddenCols = hidden - cols;
  const hiddenLamps = weights.weights_0_1.length - inputRows.length;

  // A linear net is one layer in disguise: weights_0_1 · weights_1_2, under its full name when it fits.
  const equivalent = seg(`[${equivalentSingleLayer(weights).map((x) => num(x, 6, { sign: true })).join(' ')}]`, 'accent');
  const single = [`weights_0_1${g.dot}weights_1_2 `, 'as one layer  '].map((name) => [seg(name, 'label'), equivalent]).find((l) => segsLength(l) <= width) ?? [
    seg('as one layer  ', 'label'),
    equivalent,
  ];
  const p = fwd?.prediction;
  const draw: Record<Exclude<GridLine, 'title' | 'lamp'>, () => Seg[]> = {
    header: () => [
      ...row(label('weights_0_1'), (j) => cell(`h${j}`, isOff(j) ? 'label' : 'accent')),
      ...(hiddenCols > 0 ? [seg(moreNote(hiddenCols), 'warning')] : []),
    ],
    'before-relu': () => row(label('  before relu'), values(fwd?.hiddenRaw, false)),
    layer_1: () => row(label('layer_1'), values(fwd?.hidden, true)),
    weights_1_2: () => row(label('weights_1_2'), (j) => weightCell(weights.weights_1_2[j]![0]!, before.weights_1_2[j]![0]!, selected?.layer === 'weights_1_2' && selected.row === j)),
    change: () =>
      row(label('  change'), (j) => {
        const d = weights.weights_1_2[j]![0]! - before.weights_1_2[j]![0]!;
        return d === 0 ? none() : cell(num(d, NUM, { sign: true, small: true }), signed(d));
      }),
    output: () => [
      ...label('layer_2'),
      seg(padLeft(value(p, { sign: true }), GRID.cell - 1), undefined, true),
      seg('  error ', 'label'),
      seg(padLeft(value(trace?.error, { small: true }), 7)),
    ],
    layer_1_delta: () =>
      row(label('layer_1_delta'), (j) => {
        const d = trace?.hiddenDelta?.[j];
        // A node relu switched off passes nothing back: its delta is exactly 0.
        return d === undefined ? none() : isOff(j) ? cell('0', 'label') : cell(num(d, NUM, { sign: true, small: true }));
      }),
    layer_2_delta: () => [...label('layer_2_delta'), seg(padLeft(value(trace?.delta, { sign: true, small: true }), GRID.cell - 1))],
    // Each node's share of the error: layer_2_delta × its weights_1_2 weight, before the relu mask.
    share: () => row(label(theme.text(' ×weights_1_2')), (j) => (parts ? cell(num(parts.share[j]!, NUM, { sign: true, small: true })) : none())),
    relu2deriv: () => row(label(theme.text(' ×relu2deriv')), (j) => (parts ? cell(String(parts.slope[j]), parts.slope[j] === 0 ? 'warning' : undefined) : none())),
    // The book's weight_delta_1_2 = layer_1ᵀ · layer_2_delta, before alpha.
    weight_delta_1_2: () => row(label(theme.text('Δweights_1_2')), (j) => (wd ? cell(num(wd.weights_1_2[j]![0]!, NUM, { sign: true, small: true })) : none())),
    weight_delta_0_1: () => [],
    'single-layer': () => single,
  };

  // The title names the active row and its input, layer_0, as far as there is room.
  // Before the first row every part has its place already, holding the placeholder.
  const lamps = weights.weights_0_1.length;
  const input = `[${(trace ? trace.input.map((x) => short(x, 4)) : Array<string>(lamps).fill(g.none)).join(' ')}]`;
  const rowName = trace ? String(trace.row) : g.none;
  const goalText = trace ? short(trace.goal) : g.none;
  const titles: Seg[][] = [
    [seg(`row ${rowName}`, 'active'), seg(`  layer_0 ${input}`), seg(`  goal ${goalText}`, 'label')],
    [seg(`row ${rowName}`, 'active'), seg(` ${input}`), seg(`  goal ${goalText}`, 'label')],
    [seg(`row ${rowName}`, 'active'), seg(`  goal ${goalText}`, 'label')],
  ];
  // Lamps left out (a tall input layer in a short panel) are said once, first in the title.
  const lampsNote: Seg[] = hiddenLamps > 0 ? [seg(`+${hiddenLamps} lamps`, 'warning'), seg('  ')] : [];
  const right = [...lampsNote, ...(titles.find((t) => segsLength([...lampsNote, ...t]) + 'Network'.length + 8 <= width) ?? titles[titles.length - 1]!)];

  const out: Seg[][] = [];
  for (const line of lines) {
    if (line === 'title') continue;
    if (line === 'weight_delta_0_1') {
      // The book's weight_delta_0_1 = layer_0ᵀ · layer_1_delta, before alpha: a dark lamp's row is all 0,
      // a lit lamp's is layer_1_delta.
      out.push(label(theme.text('Δweights_0_1')));
      inputRows.forEach((i) => {
        out.push(
          row([seg(padRight(`  lamp ${i}`, GRID.label - 3), 'label'), lampSeg(trace?.input[i], theme), seg('  ')], (j) =>
            wd ? cell(num(wd.weights_0_1[i]![j]!, NUM, { sign: true, small: true })) : none(),
          ),
        );
      });
      continue;
    }
    if (line === 'lamp') {
      // Each input row starts with the active row's lamp: its value is what feeds these weights.
      inputRows.forEach((i) => {
        out.push(
          row([seg(padRight(`  lamp ${i}`, GRID.label - 3), 'label'), lampSeg(trace?.input[i], theme), seg('  ')], (j) =>
            weightCell(weights.weights_0_1[i]![j]!, before.weights_0_1[i]![j]!, selected?.layer === 'weights_0_1' && selected.row === i && selected.col === j),
          ),
        );
      });
      continue;
    }
    out.push(draw[line]());
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Network" width={width} theme={theme} right={right} />
      {out.map((segs, k) => (
        <Line key={k} segs={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}
