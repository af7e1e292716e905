/**
 * The intermediate dataset the chapter builds (a 3-layer net): for every training row its lamps
 * (layer_0), its hidden values (layer_1) and its goal; under them, how each hidden node and each lamp
 * correlates with WALK (Pearson's r over the rows; the placeholder where a column never changes), and
 * the least error any single layer reaches on the lamps against on layer_1. At the end of deep-net it
 * shows the chapter's point: no lamp correlates with WALK, some hidden nodes do.
 */
import { Box } from 'ink';
import { intermediateDataset } from '../../engine/correlation.js';
import type { TrainerState } from '../../engine/trainer.js';
import { num, padLeft, short } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { INTERMEDIATE, columnsFitting, indexWidth, moreNote } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, type Seg } from './line.js';
import { lampSeg } from './streetLights.js';

export interface IntermediateDatasetProps {
  readonly trainer: TrainerState;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

export function IntermediateDataset({ trainer: t, theme, width, height }: IntermediateDatasetProps) {
  if (t.weights.layers !== 3) return null;
  const g = theme.glyphs;
  const data = intermediateDataset(t.setup, t.weights);
  const lamps = t.setup.inputs[0]?.length ?? 0;
  const hidden = t.weights.weights_1_2.length;
  const label = INTERMEDIATE.label(t.setup.inputs.length);
  const lampWidth = 2 * lamps;
  const cols = columnsFitting(width, label + lampWidth + INTERMEDIATE.goal, INTERMEDIATE.cell, hidden);
  const more = hidden - cols;
  const iw = indexWidth(t.setup.inputs.length);
  const r = (x: number | undefined) => (x === undefined ? g.none : num(x, INTERMEDIATE.cell - 1, { sign: true, decimals: 2 }));
  const rColor = (x: number | undefined): Seg['color'] => (x === undefined ? 'dim' : Math.abs(x) >= 0.5 ? 'accent' : 'label');
  const hiddenCells = (f: (j: number) => Seg): Seg[] => Array.from({ length: cols }, (_, j) => f(j));
  const activeRow = t.trace?.row;
  const focus = data.rows.indexOf(activeRow ?? -1);
  const shown = windowAround([...data.rows.keys()], height - INTERMEDIATE.fixedLines, focus < 0 ? undefined : focus).items;

  const lines: Seg[][] = [
    [
      seg(padRight('', label + lampWidth)),
      ...hiddenCells((j) => seg(padLeft(`h${j}`, INTERMEDIATE.cell), 'accent')),
      seg(padLeft('goal', INTERMEDIATE.goal), 'label'),
      ...(more > 0 ? [seg(moreNote(more), 'warning')] : []),
    ],
    ...shown.map((k) => {
      const row = data.rows[k]!;
      const active = row === activeRow;
      const lampSegs: Seg[] = [];
      t.setup.inputs[row]!.forEach((x, i) => {
        if (i > 0) lampSegs.push(seg(' '));
        lampSegs.push(lampSeg(x, theme));
      });
      return [
        seg(active ? g.activeRow : ' ', 'active', true),
        seg(padRight(` row ${padLeft(String(row), iw)}`, label - 1), active ? 'active' : 'label', active),
        ...lampSegs,
        seg(' '),
        ...hiddenCells((j) => {
          const v = data.hidden[k]![j]!;
          return seg(padLeft(v === 0 && t.setup.activation === 'relu' ? g.reluOff : num(v, INTERMEDIATE.cell - 1, { decimals: 2 }), INTERMEDIATE.cell), v === 0 ? 'label' : undefined);
        }),
        seg(padLeft(short(data.goals[k]!), INTERMEDIATE.goal)),
      ];
    }),
    // How each hidden node goes with WALK, over the rows...
    [seg(padRight('  r(WALK)', label + lampWidth), 'label'), ...hiddenCells((j) => seg(padLeft(r(data.hiddenCorrelation[j]), INTERMEDIATE.cell), rColor(data.hiddenCorrelation[j])))],
    // ...and each lamp's...
    [seg(theme.text('  lamps r(WALK): '), 'label'), ...data.lampCorrelation.flatMap((x, i) => [seg(i === 0 ? '' : ' '), seg(r(x).trim(), rColor(x))])],
  ];
  // ...and, where there is a line to spare, the least error a single layer reaches on the lamps, against on layer_1.
  if (height > INTERMEDIATE.fixedLines + shown.length) {
    lines.push([seg(theme.text(`  one layer at best: lamps ${num(data.lampFloor, 5, { small: true })}, layer_1 ${num(data.hiddenFloor, 6, { small: true })}`), 'label')]);
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Intermediate dataset" width={width} theme={theme} right={[seg('layer_1 per row', 'label')]} />
      {lines.map((segs, i) => (
        <Line key={i} segs={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}
