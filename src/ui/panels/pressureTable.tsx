/**
 * Weight pressure, in two views (engine/pressure.ts computes both):
 * - the book's table, read off the data: for each training row and weight, `+` where the lamp is lit
 *   and the goal is WALK (pressure toward 1), `-` where it is lit and the goal is STOP (toward 0), `0`
 *   where the lamp is dark; it never changes, and its counts per column are what the chapter reasons
 *   with. A column pushed as often up as down (conflicting pressure) is marked.
 * - the pushes at the weights: the sign of -input × delta for each row, what an update would do. At an
 *   update phase they are taken at the weights that update started from, and the sum is over the rows
 *   it used, so the change of each weight reads as alpha × that sum (÷ the rows, in batch and full mode).
 *   A dark lamp (or a relu-off node) is `off`; a row predicted exactly is `0`: the two differ.
 * For a 3-layer net only the second view exists, about weights_1_2, whose inputs are the hidden values.
 */
import { Box } from 'ink';
import { rowsPerUpdate, type TrainerState } from '../../engine/trainer.js';
import { flatWeights } from '../../engine/network.js';
import { bookPressure, pressureTable, type PushKind } from '../../engine/pressure.js';
import { num, padLeft } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { PRESSURE, columnsFitting, indexWidth, moreNote } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, type Seg } from './line.js';

export type PressureView = 'book' | 'now';

export interface PressureTableProps {
  readonly trainer: TrainerState;
  readonly view: PressureView;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const KIND: Record<PushKind, { text: string; color: Seg['color'] }> = {
  up: { text: '+', color: 'positive' },
  down: { text: '-', color: 'negative' },
  off: { text: 'off', color: 'label' },
  still: { text: '0', color: 'label' },
  unknown: { text: '?', color: 'warning' },
};

/** The training rows the update just made used (sgd: the row; batch: its batch; full: every row), or none. */
export function rowsOfLastUpdate(t: TrainerState): readonly number[] {
  const tr = t.trace;
  if (t.lastPhase !== 'update' || !tr || tr.applied !== true) return [];
  const rows = t.setup.trainRows;
  const size = rowsPerUpdate(t.setup);
  const at = rows.indexOf(tr.row);
  return rows.slice(at - (at % size), at + 1);
}

/** The longest legend that fits the width, as the theme spells it. */
function legendFitting(theme: Theme, width: number, perRows: string): string {
  const choices = [`  Σ of −input × δ; update: α × Σ${perRows}`, `  Σ of −input×δ; update α×Σ${perRows}`, '  Σ of −input × δ', '  Σ of −input×δ'].map(theme.text);
  return choices.find((c) => c.length <= width) ?? choices[choices.length - 1]!;
}

export function PressureTable({ trainer: t, view: asked, theme, width, height }: PressureTableProps) {
  const deep = t.weights.layers === 3;
  const view: PressureView = deep ? 'now' : asked;
  const setup = t.setup;
  const count = deep ? (t.weights.layers === 3 ? t.weights.weights_1_2.length : 0) : (setup.inputs[0]?.length ?? 0);
  const labelWidth = PRESSURE.label(setup.inputs.length);
  const cols = columnsFitting(width, labelWidth, PRESSURE.cell, count);
  const more = count - cols;
  const cells = (f: (j: number) => Seg): Seg[] => Array.from({ length: cols }, (_, j) => f(j));
  const cell = (text: string, color?: Seg['color'], bold?: boolean) => seg(padLeft(text, PRESSURE.cell), color, bold);
  const iw = indexWidth(setup.inputs.length);
  const activeRow = t.trace?.row;
  const rowLabel = (row: number, marked: boolean): Seg[] => [
    seg(marked ? theme.glyphs.activeRow : ' ', 'active', true),
    seg(padRight(` row ${padLeft(String(row), iw)}`, labelWidth - 1), marked ? 'active' : 'label', marked),
  ];
  const lineOf = (label: string, rest: Seg[], color: Seg['color'] = 'label') => [seg(padRight(label, labelWidth), color), ...rest];
  const rowRoom = height - PRESSURE.fixedLines;
  let lines: Seg[][];
  let title: string;
  // Rows left out of a short panel are said in the title, as the street lights do.
  let note = '';
  const window = <T,>(items: readonly T[], focus: number) => {
    const w = windowAround(items, rowRoom, focus < 0 ? undefined : focus);
    if (w.items.length < items.length) note = `rows ${w.start + 1}-${w.start + w.items.length} of ${items.length}`;
    return w.items;
  };

  if (view === 'book') {
    const book = bookPressure(setup);
    // The chapter's conflicting pressure: a column pushed up as often as down.
    const conflict = (j: number) => book.counts[j]!.up > 0 && book.counts[j]!.up === book.counts[j]!.down;
    const focus = book.rows.findIndex((r) => r.row === activeRow);
    const shown = window(book.rows, focus);
    title = 'Pressure from the goals';
    lines = [
      [
        seg(' '.repeat(labelWidth)),
        ...cells((j) => cell(theme.text(`${conflict(j) ? '±' : ''}w${j}`), conflict(j) ? 'warning' : 'label', conflict(j))),
        ...(more > 0 ? [seg(moreNote(more), 'warning')] : []),
      ],
      ...shown.map(({ row, marks }) => [
        ...rowLabel(row, row === activeRow),
        ...cells((j) => {
          const m = marks[j]!;
          return cell(m, m === '+' ? 'positive' : m === '-' ? 'negative' : 'label', m !== '0');
        }),
      ]),
      lineOf('  up', cells((j) => cell(String(book.counts[j]!.up), conflict(j) ? 'warning' : 'positive', conflict(j)))),
      lineOf('  down', cells((j) => cell(String(book.counts[j]!.down), conflict(j) ? 'warning' : 'negative', conflict(j)))),
    ];
  } else {
    const used = rowsOfLastUpdate(t);
    // At an update, the pushes it applied: at the weights it started from, summed over the rows it used.
    const weights = used.length > 0 ? t.previousWeights : t.weights;
    const table = pressureTable(setup, weights);
    const usedTable = used.length > 0 ? pressureTable(setup, weights, { rows: used }) : table;
    const diverged = flatWeights(weights).some((w) => !Number.isFinite(w));
    const focus = table.rows.findIndex((r) => r.row === activeRow);
    const shown = window(table.rows, focus);
    const size = rowsPerUpdate(setup);
    title = deep ? 'Pushes on weights_1_2' : 'Pushes on the weights';
    // Which pushes, said beside the title (its words stay put): the update just made, or the weights now.
    if (!note) note = used.length > 0 ? 'that update' : 'now';
    lines = [
      [seg(' '.repeat(labelWidth)), ...cells((j) => cell(`${deep ? 'h' : 'w'}${j}`, 'label')), ...(more > 0 ? [seg(moreNote(more), 'warning')] : [])],
      ...shown.map(({ row, kinds }) => [
        ...rowLabel(row, used.length > 0 ? used.includes(row) : row === activeRow),
        ...cells((j) => {
          const k = KIND[diverged ? 'unknown' : kinds[j]!];
          return cell(k.text, k.color, k.text.length === 1);
        }),
      ]),
      lineOf(
        theme.text(used.length > 0 ? '  Σ used' : '  Σ all'),
        cells((j) => {
          const n = usedTable.net[j]!;
          return cell(num(n, PRESSURE.cell - 1, { sign: true, decimals: 2, small: true }), n > 0 ? 'positive' : n < 0 ? 'negative' : 'label');
        }),
      ),
      // One legend for every phase (the words keep their place): what Σ is, and how an update uses it.
      [seg(legendFitting(theme, width, size > 1 ? ' ÷ rows' : ''), 'label')],
    ];
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title={title} width={width} theme={theme} right={note ? [seg(note, note.startsWith('rows') ? 'warning' : 'label')] : undefined} />
      {lines.map((segs, i) => (
        <Line key={i} segs={segs} width={width} theme={theme} />
      ))}
    </Box>
  );
}
