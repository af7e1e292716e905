/**
 * The weights of a 2-layer net: one line per weight with its value, a signed bar (left of the
 * axis for negative, right for positive, so sign and size read without colour) and its change at
 * the last update; then the active row's prediction, error and delta.
 */
import { Box } from 'ink';
import { rowsPerUpdate, type TrainerState } from '../../engine/trainer.js';
import { WEIGHTS, indexWidth } from '../layout.js';
import { num, padLeft, padRight, short, type Theme } from '../theme.js';
import { Line, Title, seg, segsLength, windowAround, type Seg } from './line.js';
import { lampSeg } from './streetLights.js';

export interface WeightVectorProps {
  readonly trainer: TrainerState;
  readonly detail: boolean;
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
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

/** `↑+0.050` / `↓-0.050` / `·`: how a weight moved, right-aligned in `width`. */
export function changeSegs(change: number, width: number, theme: Theme): Seg[] {
  const g = theme.glyphs;
  if (change === 0 || Number.isNaN(change)) return [seg(padLeft(g.none, width), 'dim')];
  const up = change > 0;
  const text = (up ? g.up : g.down) + num(change, width - 2, { sign: true, small: true });
  return [seg(padLeft(text, width), up ? 'positive' : 'negative')];
}

export function WeightVector({ trainer, detail, theme, width, height }: WeightVectorProps) {
  const { weights, previousWeights, trace } = trainer;
  if (weights.layers !== 2 || previousWeights.layers !== 2) return null;
  const w = weights.weights;
  const g = theme.glyphs;
  const label = WEIGHTS.label(w.length);
  const withChange = width >= WEIGHTS.width(w.length, WEIGHTS.barMin);
  const half = Math.max(1, Math.min(WEIGHTS.barMax, Math.floor((width - label - WEIGHTS.value - 2 - (withChange ? WEIGHTS.change : 0)) / 2)));
  const scale = Math.max(1, ...w.map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const iw = indexWidth(w.length);

  const footerLines = 2;
  const headerLines = detail ? 1 : 0;
  const shown = windowAround(w.map((_, i) => i), height - 1 - headerLines - footerLines, undefined);

  const header: Seg[] = [
    seg(' '.repeat(label)),
    seg(padLeft('weight', WEIGHTS.value - 1), 'dim'),
    seg(' '),
    seg(padRight(`-${scale === 1 ? '1' : num(scale, 4)}`, half) + '0' + padLeft(`+${scale === 1 ? '1' : num(scale, 4)}`, half), 'dim'),
    seg(' '),
    ...(withChange ? [seg(padLeft('change', WEIGHTS.change), 'dim')] : []),
  ];

  const p = trace?.forward?.prediction;
  const inputText = trace ? `[${trace.input.map((x) => short(x, 4)).join(' ')}]` : '';
  const sum: Seg[] = trace ? [seg(`${inputText}${g.dot}w = `), seg(p === undefined ? g.none : num(p, 7)), seg(`  goal ${short(trace.goal)}`)] : [];
  const rowLabel = seg(`row ${trace?.row} `, 'active');
  // "row 2 [1 0 1]·w = 0.203  goal 0", without "row 2" when narrow (the street lights mark it).
  const prediction: Seg[] = !trace
    ? [seg('no row predicted yet', 'dim')]
    : segsLength([rowLabel, ...sum]) <= width
      ? [rowLabel, ...sum]
      : sum;
  const waiting = trace?.applied === false;
  const errorLine: Seg[] = [
    seg('error '),
    seg(trace?.error === undefined ? g.none : num(trace.error, 7, { small: true })),
    seg('  delta '),
    seg(trace?.delta === undefined ? g.none : num(trace.delta, 7, { sign: true, small: true }), trace?.delta === undefined ? 'dim' : undefined),
    // Batch and full modes: this row's deltas wait until the batch closes.
    ...(waiting ? [seg(`  batch ${trainer.pendingCount}/${rowsPerUpdate(trainer.setup)}`, 'warning')] : []),
  ];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Weights" width={width} theme={theme} right={[seg(`${g.alpha} ${trainer.setup.alpha}`, 'dim')]} />
      {detail ? <Line segs={header} width={width} theme={theme} /> : null}
      {shown.items.map((i) => {
        const segs: Seg[] = [
          seg(padRight(`w${padLeft(String(i), iw)}`, label - 2)),
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
    </Box>
  );
}
