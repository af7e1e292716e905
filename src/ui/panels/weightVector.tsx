/**
 * The weights of a 2-layer net: one line per weight with its value, a signed bar (left of the
 * axis for negative, right for positive, so sign and size read without colour) and its change at
 * the last update; then the active row's prediction, error and delta.
 *
 * The bars' scale comes from a short ladder (1, 2, 5, 10, ...) so the axis keeps its labels from
 * one step to the next and changes only when a weight leaves it.
 */
import { Box } from 'ink';
import type { WeightRef } from '../../engine/inspect.js';
import { rowsPerUpdate, type TrainerState } from '../../engine/trainer.js';
import { num, padLeft, short } from '../format/numbers.js';
import { padRight, windowAround } from '../format/text.js';
import { WEIGHTS, indexWidth, vectorLines } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, segsLength, type Seg } from './line.js';
import { lampSeg } from './streetLights.js';

export interface WeightVectorProps {
  readonly trainer: TrainerState;
  readonly detail: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  readonly selected?: WeightRef;
}

/** The smallest scale of the ladder 1, 2, 5, 10, 20, 50... that holds `magnitude`. */
export function axisScale(magnitude: number): number {
  if (!Number.isFinite(magnitude) || magnitude <= 1) return 1;
  let step = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * step >= magnitude) return m * step;
    step *= 10;
  }
}

/** A bar of `half` cells each side of an axis; `scale` is the magnitude that fills one side. */
export function signedBar(value: number, half: number, scale: number, theme: Theme): Seg[] {
  const g = theme.glyphs;
  // NaN (a diverged run) draws no bar; ±Infinity a full one.
  const cells = Number.isNaN(value) ? 0 : Number.isFinite(value) ? Math.min(half, (Math.abs(value) / scale) * half) : half;
  const full = Math.floor(cells);
  const part = cells - full >= 0.5 && full < half;
  const used = full + (part ? 1 : 0);
  const empty = ' '.repeat(half - used);
  if (value < 0) {
    return [seg(empty), seg((part ? g.barHalfLeft : '') + g.barFull.repeat(full), 'negative'), seg(g.axis, 'dim'), seg(' '.repeat(half))];
  }
  return [seg(' '.repeat(half)), seg(g.axis, 'dim'), seg(g.barFull.repeat(full) + (part ? g.barHalfRight : ''), 'positive'), seg(empty)];
}

/** `↑+0.050` / `↓-0.050` / the placeholder: how a weight moved, right-aligned in `width`. */
export function changeSegs(change: number, width: number, theme: Theme): Seg[] {
  const g = theme.glyphs;
  if (change === 0 || Number.isNaN(change)) return [seg(padLeft(g.none, width), 'dim')];
  const up = change > 0;
  const text = (up ? g.up : g.down) + num(change, width - 2, { sign: true, small: true });
  return [seg(padLeft(text, width), up ? 'positive' : 'negative')];
}

export function WeightVector({ trainer, detail, theme, width, height, selected }: WeightVectorProps) {
  const { weights, previousWeights, trace, setup } = trainer;
  if (weights.layers !== 2 || previousWeights.layers !== 2) return null;
  const w = weights.weights;
  const g = theme.glyphs;
  const label = WEIGHTS.label(w.length);
  const withChange = width >= WEIGHTS.width(w.length, WEIGHTS.barMin);
  const half = Math.max(1, Math.min(WEIGHTS.barMax, Math.floor((width - label - WEIGHTS.value - 2 - (withChange ? WEIGHTS.change : 0)) / 2)));
  const scale = axisScale(Math.max(...w.map((x) => (Number.isFinite(x) ? Math.abs(x) : 0))));
  const iw = indexWidth(w.length);
  const weightLines = height - (vectorLines(detail).length - 1);
  const shown = windowAround(w.map((_, i) => i), weightLines, selected?.layer === 'weights' ? selected.index : undefined);
  const leftOut = w.length - shown.items.length;

  const header: Seg[] = [
    seg(' '.repeat(label)),
    seg(padLeft('weight', WEIGHTS.value - 1), 'label'),
    seg(' '),
    seg(padRight(`-${scale}`, half) + '0' + padLeft(`+${scale}`, half), 'label'),
    seg(' '),
    // The change at the last update (which may be an earlier row's, while this row is predicted).
    ...(withChange ? [seg(padLeft(theme.ascii ? 'changed' : 'last Δ', WEIGHTS.change), 'label')] : []),
  ];

  const p = trace?.forward?.prediction;
  // Before the first row every part has its place already, holding the placeholder.
  const inputText = `[${(trace ? trace.input.map((x) => short(x, 4)) : w.map(() => g.none)).join(' ')}]`;
  // After the update the sum is the one made before it ("was"): the weights above have moved since.
  const stale = trainer.lastPhase === 'update' && trace?.applied === true;
  const sum: Seg[] = [seg(`${inputText}${g.dot}w ${stale ? 'was' : '  ='} `), seg(padLeft(p === undefined ? g.none : num(p, 6), 6)), seg(`  goal ${trace ? short(trace.goal) : g.none}`)];
  const rowLabel = seg(`row ${trace ? trace.row : g.none} `, 'active');
  // "row 2 [1 0 1]·w = 0.203  goal 0", without "row 2" when narrow (the street lights mark it).
  const prediction: Seg[] = segsLength([rowLabel, ...sum]) <= width ? [rowLabel, ...sum] : sum;
  const size = rowsPerUpdate(setup);
  const errorLine: Seg[] = [
    seg('error ', 'label'),
    seg(padLeft(trace?.error === undefined ? g.none : num(trace.error, 7, { small: true }), 7)),
    seg('  delta ', 'label'),
    seg(padLeft(trace?.delta === undefined ? g.none : num(trace.delta, 7, { sign: true, small: true }), 7), trace?.delta === undefined ? 'dim' : undefined),
    // Batch and full modes: rows' deltas wait until the batch closes; the count always has its place.
    ...(size > 1 ? [seg('  batch ', 'label'), seg(`${trainer.pendingCount}/${size}`, trainer.pendingCount > 0 ? 'warning' : undefined)] : []),
  ];
  // The update's weight deltas before alpha, input × delta (the book: weights -= alpha * (input * delta)).
  const wd = trace?.weightDeltas?.layers === 2 ? trace.weightDeltas.weights : undefined;
  const weightDeltaLine: Seg[] = [
    seg(theme.ascii ? 'input*delta ' : 'input×delta ', 'label'),
    ...shown.items.map((i) => seg(padLeft(wd ? num(wd[i]!, 6, { sign: true, small: true }) : g.none, 7), wd ? undefined : 'dim')),
  ];
  const title: Seg[] = leftOut > 0 ? [seg(`+${leftOut} more`, 'warning'), seg(`  ${g.alpha} ${setup.alpha}`, 'label')] : [seg(`${g.alpha} ${setup.alpha}`, 'label')];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Weights" width={width} theme={theme} right={title} />
      {detail ? <Line segs={header} width={width} theme={theme} /> : null}
      {shown.items.map((i) => {
        const segs: Seg[] = [
          // The inspector's cursor takes the space after the name: `w1▸● +0.480`.
          ...(selected?.layer === 'weights' && selected.index === i
            ? [seg(`w${padLeft(String(i), iw)}`, 'label'), seg(g.activeRow, 'active', true)]
            : [seg(padRight(`w${padLeft(String(i), iw)}`, label - 2), 'label')]),
          lampSeg(trace?.input[i], theme),
          seg(' '),
          seg(padLeft(num(w[i]!, 6, { sign: true }), WEIGHTS.value - 1), w[i]! < 0 ? 'negative' : w[i]! > 0 ? 'positive' : undefined, true),
          seg(' '),
          ...signedBar(w[i]!, half, scale, theme),
          seg(' '),
          ...(withChange ? changeSegs(w[i]! - previousWeights.weights[i]!, WEIGHTS.change, theme) : []),
        ];
        return <Line key={i} segs={segs} width={width} theme={theme} />;
      })}
      <Line segs={prediction} width={width} theme={theme} />
      <Line segs={errorLine} width={width} theme={theme} />
      <Line segs={weightDeltaLine} width={width} theme={theme} />
    </Box>
  );
}
