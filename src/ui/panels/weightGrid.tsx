/**
 * The weights of a 3-layer net, laid out the way the signal flows: one column per hidden node;
 * weights_0_1 (a row per input lamp), the hidden layer (relu-off nodes say "off"), weights_1_2,
 * the output with its error and layer_2_delta, and the layer_1_delta passed back. Arrows mark
 * the weights that moved at the last update. Linear nets add their equivalent single layer.
 */
import { Box } from 'ink';
import { equivalentSingleLayer } from '../../engine/network.js';
import type { TrainerState } from '../../engine/trainer.js';
import { GRID } from '../layout.js';
import { num, padLeft, padRight, short, type Theme } from '../theme.js';
import { Line, Title, seg, segsLength, windowAround, type Seg } from './line.js';
import { lampSeg } from './streetLights.js';

export interface WeightGridProps {
  readonly trainer: TrainerState;
  readonly detail: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const NUM = GRID.cell - 2;

export function WeightGrid({ trainer, detail, theme, width, height }: WeightGridProps) {
  const { weights, previousWeights: before, trace, setup } = trainer;
  if (weights.layers !== 3 || before.layers !== 3) return null;
  const g = theme.glyphs;
  const relu = setup.activation === 'relu';
  const hidden = weights.weights_1_2.length;
  const fwd = trace?.forward;
  // Hidden columns that fit; when some do not, the last column says how many are left out.
  const fit = Math.max(1, Math.floor((width - GRID.label) / GRID.cell));
  const cols = hidden <= fit ? hidden : Math.max(1, fit - 1);

  /** A cell: the text right-aligned, then one character for an arrow (or a space). */
  const cell = (text: string, color?: Seg['color'], mark: Seg = seg(' ')): Seg[] => [seg(padLeft(text, GRID.cell - 1), color), mark];
  const none = () => cell(g.none, 'dim');
  const signed = (x: number) => (x < 0 ? 'negative' : x > 0 ? 'positive' : undefined);
  const weightCell = (now: number, was: number) =>
    cell(num(now, NUM, { sign: true }), signed(now), now > was ? seg(g.up, 'positive') : now < was ? seg(g.down, 'negative') : seg(' '));
  const isOff = (j: number) => relu && fwd?.hidden !== undefined && fwd.hidden[j]! <= 0;

  const row = (label: Seg[], cells: (j: number) => Seg[]): Seg[] => {
    const segs = [...label];
    for (let j = 0; j < cols; j++) segs.push(...cells(j));
    if (cols < hidden) segs.push(seg(padLeft(`+${hidden - cols}`, GRID.cell - 1), 'dim'));
    return segs;
  };
  const label = (text: string, color?: Seg['color']) => [seg(padRight(text, GRID.label), color)];
  const values = (v: readonly number[] | undefined, offShown: boolean) => (j: number) =>
    v === undefined ? none() : offShown && isOff(j) ? cell(g.reluOff, 'dim') : cell(num(v[j]!, NUM, { sign: true }));

  const fixedLines = 6 + (detail ? (relu ? 2 : 1) : 0) + (relu ? 0 : 1);
  const inputRows = windowAround([...weights.weights_0_1.keys()], height - fixedLines, undefined).items;
  const p = fwd?.prediction;
  // The output line, with shorter names if the full ones do not fit.
  const footerWith = (errorName: string, deltaName: string): Seg[] => [
    seg('layer_2 ', 'dim'),
    seg(p === undefined ? g.none : num(p, 7, { sign: true }), undefined, true),
    seg(`  ${errorName} `, 'dim'),
    seg(trace?.error === undefined ? g.none : num(trace.error, 7, { small: true })),
    seg(`  ${deltaName} `, 'dim'),
    seg(trace?.delta === undefined ? g.none : num(trace.delta, 7, { sign: true, small: true })),
  ];
  const footer =
    [footerWith('error', 'layer_2_delta'), footerWith('error', 'l2_delta'), footerWith('err', 'l2_delta')].find((f) => segsLength(f) <= width) ??
    footerWith('err', 'l2_delta');
  // A linear net is one layer in disguise: weights_0_1 · weights_1_2, under its full name when it fits.
  const equivalent = seg(`[${equivalentSingleLayer(weights).map((x) => num(x, 6, { sign: true })).join(' ')}]`, 'accent');
  const single = [`weights_0_1${g.dot}weights_1_2 `, 'as one layer  '].map((name) => [seg(name, 'dim'), equivalent]).find((l) => segsLength(l) <= width) ?? [
    seg('as one layer  ', 'dim'),
    equivalent,
  ];
  // The title names the active row and its input, layer_0, as far as there is room.
  const input = trace ? `[${trace.input.map((x) => short(x, 4)).join(' ')}]` : '';
  const titles: Seg[][] = trace
    ? [
        [seg(`row ${trace.row}`, 'active'), seg(`  layer_0 ${input}`), seg(`  goal ${short(trace.goal)}`, 'dim')],
        [seg(`row ${trace.row}`, 'active'), seg(` ${input}`), seg(`  goal ${short(trace.goal)}`, 'dim')],
        [seg(`row ${trace.row}`, 'active'), seg(`  goal ${short(trace.goal)}`, 'dim')],
      ]
    : [[seg('no row yet', 'dim')]];
  const right = titles.find((t) => segsLength(t) + 'Network'.length + 8 <= width) ?? titles[titles.length - 1]!;

  const lines: Seg[][] = [
    row(label('weights_0_1', 'dim'), (j) => cell(`h${j}`, isOff(j) ? 'dim' : 'accent')),
    // Each input row starts with the active row's lamp: its value is what feeds these weights.
    ...inputRows.map((i) =>
      row([seg(padRight(`  lamp ${i}`, GRID.label - 3)), lampSeg(trace?.input[i], theme), seg('  ')], (j) =>
        weightCell(weights.weights_0_1[i]![j]!, before.weights_0_1[i]![j]!),
      ),
    ),
    ...(detail && relu ? [row(label('  before relu', 'dim'), values(fwd?.hiddenRaw, false))] : []),
    row(label('layer_1'), values(fwd?.hidden, true)),
    row(label('weights_1_2'), (j) => weightCell(weights.weights_1_2[j]![0]!, before.weights_1_2[j]![0]!)),
    ...(detail
      ? [
          row(label('  change', 'dim'), (j) => {
            const d = weights.weights_1_2[j]![0]! - before.weights_1_2[j]![0]!;
            return d === 0 ? none() : cell(num(d, NUM, { sign: true, small: true }), signed(d));
          }),
        ]
      : []),
    footer,
    row(label('layer_1_delta'), (j) => {
      const d = trace?.hiddenDelta?.[j];
      // A node relu switched off passes nothing back: its delta is exactly 0.
      return d === undefined ? none() : isOff(j) ? cell('0', 'dim') : cell(num(d, NUM, { sign: true, small: true }));
    }),
    ...(relu ? [] : [single]),
  ];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title
        title="Network"
        width={width}
        theme={theme}
        right={right}
      />
      {lines.map((segs, k) => (
        <Line key={k} segs={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}
