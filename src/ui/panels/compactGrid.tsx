/**
 * A 3-layer net's weights in little room, for the comparison's narrow columns: weights_0_1 a row per
 * lamp, weights_1_2 under it, a column per hidden node (as many as fit, the header says how many are
 * left out), then the active row's output and error; a linear net adds its single-layer equivalent.
 * The full grid (weightGrid.tsx) needs 46 columns for the book's four hidden nodes; this needs 39.
 */
import { Box } from 'ink';
import { equivalentSingleLayer } from '../../engine/network.js';
import type { TrainerState } from '../../engine/trainer.js';
import { num, padLeft } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { COMPACT, compactGridLines } from '../layout/compareLayout.js';
import { columnsFitting, moreNote } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, type Seg } from './line.js';

export function CompactGrid({ trainer, theme, width, height }: { trainer: TrainerState; theme: Theme; width: number; height: number }) {
  const w = trainer.weights;
  if (w.layers !== 3) return null;
  const g = theme.glyphs;
  const hidden = w.weights_1_2.length;
  const cols = columnsFitting(width, COMPACT.label, COMPACT.cell, hidden);
  const linear = trainer.setup.activation === 'linear';
  const cell = (x: number): Seg => seg(padLeft(num(x, COMPACT.cell - 1, { sign: true }), COMPACT.cell), x < 0 ? 'negative' : x > 0 ? 'positive' : undefined);
  const row = (label: string, values: (j: number) => Seg): Seg[] => [seg(padRight(label, COMPACT.label), 'label'), ...Array.from({ length: cols }, (_, j) => values(j))];
  const lampRows = windowAround([...w.weights_0_1.keys()], height - compactGridLines(0, linear), undefined).items;
  const tr = trainer.trace;
  const value = (x: number | undefined, opts: { sign?: boolean; small?: boolean }) => padLeft(x === undefined ? g.none : num(x, 7, opts), 7);
  const lines: Seg[][] = [
    [...row('weights_0_1', (j) => seg(padLeft(`h${j}`, COMPACT.cell), 'accent')), ...(cols < hidden ? [seg(moreNote(hidden - cols), 'warning')] : [])],
    ...lampRows.map((i) => row(`  lamp ${i}`, (j) => cell(w.weights_0_1[i]![j]!))),
    row('weights_1_2', (j) => cell(w.weights_1_2[j]![0]!)),
    [seg(padRight('layer_2', COMPACT.label), 'label'), seg(value(tr?.forward?.prediction, { sign: true })), seg('  error ', 'label'), seg(value(tr?.error, { small: true }))],
    ...(linear ? [[seg('as one layer ', 'label'), seg(`[${equivalentSingleLayer(w).map((x) => num(x, 6, { sign: true })).join(' ')}]`, 'accent')]] : []),
  ];
  const right = tr ? [seg(`row ${tr.row}`, 'active')] : [seg(`row ${g.none}`, 'active')];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Network" width={width} theme={theme} right={right} />
      {lines.map((segs, k) => (
        <Line key={k} segs={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}
