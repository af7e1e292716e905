/**
 * The pressure table: for each training example and each weight, which way that example's next
 * update would push the weight with the current weights: + up, - down, 0 not at all (its input
 * is 0). The last line is the net push on each weight, summed over the examples.
 */
import { Box } from 'ink';
import { flatWeights } from '../../engine/network.js';
import { pressureTable, type Push } from '../../engine/pressure.js';
import type { TrainingSetup, Weights } from '../../engine/types.js';
import { num, padLeft } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { PRESSURE, columnsFitting, indexWidth, moreNote } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, type Seg } from './line.js';

export interface PressureTableProps {
  readonly setup: TrainingSetup;
  readonly weights: Weights;
  readonly activeRow: number | undefined;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const PUSH_COLOR = { '+': 'positive', '-': 'negative', '0': 'label' } as const;

export function PressureTable({ setup, weights, activeRow, theme, width, height }: PressureTableProps) {
  const table = pressureTable(setup, weights);
  // Once the weights are NaN (a diverged run) no push has a direction.
  const diverged = flatWeights(weights).some((w) => !Number.isFinite(w));
  const deep = table.target === 'weights_1_2';
  const count = table.net.length;
  const labelWidth = PRESSURE.label(setup.inputs.length);
  const cols = columnsFitting(width, labelWidth, PRESSURE.cell, count);
  const more = count - cols;
  const cells = (f: (j: number) => Seg): Seg[] => {
    const out: Seg[] = [];
    for (let j = 0; j < cols; j++) out.push(f(j));
    return out;
  };
  const iw = indexWidth(setup.inputs.length);
  const focus = table.rows.findIndex((r) => r.row === activeRow);
  const rows = windowAround(table.rows, height - PRESSURE.fixedLines, focus < 0 ? undefined : focus).items;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title={deep ? 'Pressure on weights_1_2' : 'Pressure on weights'} width={width} theme={theme} />
      <Line
        segs={[
          seg(' '.repeat(labelWidth)),
          ...cells((j) => seg(padLeft(`${deep ? 'h' : 'w'}${j}`, PRESSURE.cell), 'label')),
          // What is not shown is said once, here, not in every row.
          ...(more > 0 ? [seg(moreNote(more), 'warning')] : []),
        ]}
        width={width}
        theme={theme}
      />
      {rows.map(({ row, pushes }) => {
        const active = row === activeRow;
        const label: Seg[] = [
          seg(active ? theme.glyphs.activeRow : ' ', 'active', true),
          seg(padRight(` row ${padLeft(String(row), iw)}`, labelWidth - 1), active ? 'active' : 'label'),
        ];
        return (
          <Line
            key={row}
            segs={[
              ...label,
              ...cells((j) => (diverged ? seg(padLeft('?', PRESSURE.cell), 'warning') : seg(padLeft(pushes[j]!, PRESSURE.cell), PUSH_COLOR[pushes[j]! as Push], true))),
            ]}
            width={width}
            theme={theme}
          />
        );
      })}
      <Line
        segs={[
          seg(padRight('  net', labelWidth), 'label'),
          ...cells((j) => {
            const n = table.net[j]!;
            return seg(padLeft(num(n, PRESSURE.cell - 1, { sign: true, decimals: 2, small: true }), PRESSURE.cell), n > 0 ? 'positive' : n < 0 ? 'negative' : 'label');
          }),
        ]}
        width={width}
        theme={theme}
      />
    </Box>
  );
}
