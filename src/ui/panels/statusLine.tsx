/**
 * The status line: scenario, iteration i/N, row, phase, alpha, mode, activation, whether training
 * plays or waits, and the play speed. Every field has a fixed width for the run (the phase word is
 * padded to the longest phase, numbers to their largest value), so nothing after it moves from one
 * step to the next. Rows are named by their index in the dataset, from 0, as everywhere else; the
 * count of training rows follows in brackets. On a narrow screen the least needed fields go first:
 * which ones depends on the width alone, never on the values.
 */
import { phasesOf } from '../../engine/trainer.js';
import { SPEEDS, type SessionState } from '../../session/state.js';
import { padLeft, plural } from '../format/numbers.js';
import { padRight } from '../format/text.js';
import type { Theme } from '../theme.js';
import { Line, seg, segsLength, type Seg } from './line.js';

export interface StatusLineProps {
  readonly session: SessionState;
  readonly theme: Theme;
  readonly width: number;
}

interface Item {
  /** The item's forms, longest first. */
  readonly forms: readonly Seg[][];
  /** When the line is too narrow: the order (highest first) in which items take their shorter form... */
  readonly shortenAt?: number;
  /** ...or go; items without one always stay. */
  readonly dropAt?: number;
}

/** "1 row/s", "8 rows/s". */
export function speedText(rowsPerSecond: number): string {
  return `${plural(rowsPerSecond, 'row')}/s`;
}

/** A field padded to a fixed width with spaces after it. */
const fixedWidth = (segs: Seg[], width: number): Seg[] => {
  const used = segs.reduce((n, x) => n + x.text.length, 0);
  return used >= width ? segs : [...segs, seg(' '.repeat(width - used))];
};

export function statusItems(session: SessionState, theme: Theme): Item[] {
  const t = session.trainer;
  const { setup } = t;
  const g = theme.glyphs;
  const inProgress = t.cursor > 0 || t.rowPhase !== undefined;
  const iteration = Math.min(setup.iterations, t.iteration + (inProgress && !t.done ? 1 : 0));
  const rowCount = setup.trainRows.length;
  const rowWidth = String(Math.max(0, setup.inputs.length - 1)).length;
  const deep = t.weights.layers === 3;
  const phaseWidth = Math.max(...phasesOf(setup).map((p) => p.length));
  const speed = speedText(SPEEDS[session.speed]!);
  const speedWidth = speedText(SPEEDS[SPEEDS.length - 1]!).length;
  const state = session.running
    ? seg(`${g.play} running`, 'warning', true)
    : t.done
      ? seg('finished', 'positive', true)
      : session.playing
        ? seg(`${g.play} playing`, 'positive', true)
        : seg(`${g.pause} paused`, 'label');
  const stateWidth = Math.max('finished'.length, `${g.play} playing`.length, `${g.play} running`.length, `${g.pause} paused`.length);
  const iterText = `${iteration}/${setup.iterations}`;
  const iterWidth = 2 * String(setup.iterations).length + 1;
  const row = seg(t.trace ? String(t.trace.row) : g.none, undefined, true);
  const phase = seg(padRight(t.lastPhase ?? g.none, phaseWidth), 'active');
  // Narrowing, in order: the log note goes, the phase loses its label, the speed goes, the row its
  // count, then alpha, mode and activation, then the phase itself.
  const items: Item[] = [
    { forms: [[seg(session.scenario.id, 'accent', true)]] },
    { forms: [fixedWidth([seg('iter ', 'label'), seg(iterText, undefined, true)], 5 + iterWidth)] },
    {
      forms: [fixedWidth([seg('row ', 'label'), row, seg(` (of ${rowCount})`, 'label')], 4 + rowWidth + 5 + String(rowCount).length), fixedWidth([seg('row ', 'label'), row], 4 + rowWidth)],
      shortenAt: 5,
    },
    { forms: [[seg('phase ', 'label'), phase], [phase]], shortenAt: 7, dropAt: 1 },
    { forms: [[seg(`${g.alpha} `, 'label'), seg(String(setup.alpha))]], dropAt: 4 },
    { forms: [[seg(setup.mode === 'batch' ? `batch ${setup.batchSize}` : setup.mode)]], dropAt: 3 },
  ];
  if (deep) items.push({ forms: [[seg(setup.activation)]], dropAt: 2 });
  items.push({ forms: [fixedWidth([state], stateWidth)] });
  items.push({ forms: [fixedWidth([seg(speed, 'label')], speedWidth)], dropAt: 6 });
  items.push({ forms: [[seg(session.chartScale === 'log' ? 'log chart' : ' '.repeat('log chart'.length), 'label')]], dropAt: 8 });
  return items;
}

/**
 * The line at `width`: every item in its longest form if that fits, else the narrowing steps in their
 * order until it does. Widths are fixed for the run, so the choice depends on the width alone and is
 * the same at every step: nothing moves.
 */
export function statusSegs(session: SessionState, theme: Theme, width: number): Seg[] {
  const items = statusItems(session, theme);
  const form = new Map<Item, number>(items.map((i) => [i, 0]));
  const kept = new Set(items);
  const line = () => items.filter((i) => kept.has(i)).flatMap((item, i) => (i === 0 ? [] : [seg('  ')]).concat(item.forms[form.get(item)!]!));
  const steps = items
    .flatMap((item) => [
      ...(item.shortenAt !== undefined ? [{ at: item.shortenAt, apply: () => form.set(item, item.forms.length - 1) }] : []),
      ...(item.dropAt !== undefined ? [{ at: item.dropAt, apply: () => kept.delete(item) }] : []),
    ])
    .sort((a, b) => b.at - a.at);
  for (const step of steps) {
    if (segsLength(line()) <= width) break;
    step.apply();
  }
  return line();
}

export function StatusLine({ session, theme, width }: StatusLineProps) {
  return <Line segs={statusSegs(session, theme, width)} width={width} theme={theme} />;
}
