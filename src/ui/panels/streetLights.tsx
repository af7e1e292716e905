/**
 * Street lights: every row of the dataset drawn as a light (lamps on, off or dimmed for a
 * fractional input), its WALK/STOP goal, and the network's current prediction as a number and a
 * bar. The row being trained is marked, and rows kept out of training say "held out".
 */
import { Box } from 'ink';
import type { Matrix, Vector } from '../../engine/types.js';
import { num, padLeft, plural } from '../format/numbers.js';
import { windowAround } from '../format/text.js';
import { LIGHTS, indexWidth } from '../layout/panelSizes.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, titleFits, type Seg } from './line.js';

export interface StreetLightsProps {
  readonly inputs: Matrix;
  readonly labels: Vector;
  /** Each row's prediction with the weights in force now. */
  readonly predictions: readonly (number | undefined)[];
  /** A second prediction per row, in its own column (a linear net's single-layer equivalent). */
  readonly also?: { readonly name: string; readonly predictions: readonly number[] };
  /** The row being trained (or trained last). */
  readonly activeRow: number | undefined;
  readonly heldOutRows: readonly number[];
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
  /** The lights editor's cursor: a lamp of a row, drawn between brackets `[●]`. */
  readonly cursor?: { readonly row: number; readonly lamp: number };
}

/**
 * A lamp as a glyph: off, on, and in between a glyph per brightness step (a quarter, a half, three
 * quarters, nearest), so 0.9 and 0.1 look different (dimmer lights: Matrix A).
 */
export function lampSeg(value: number | undefined, theme: Theme): Seg {
  const g = theme.glyphs;
  if (value === undefined) return seg(g.none, 'dim');
  if (value >= 1) return seg(g.lampOn, 'lampOn');
  if (value <= 0) return seg(g.lampOff, 'lampOff');
  const step = Math.min(g.lampLevels.length - 1, Math.max(0, Math.round(value * 4) - 1));
  return seg(g.lampLevels[step]!, 'lampOn');
}

/**
 * The lamps of a row with the two spaces either side: `  ● ○ ●  `. The editor's cursor turns the
 * spaces around its lamp into brackets, `  ●[○]●  `, so the row keeps its width.
 */
export function lampSegs(values: readonly number[], cursorLamp: number | undefined, theme: Theme): Seg[] {
  const gap = (after: number) => (after === cursorLamp ? ']' : after + 1 === cursorLamp ? '[' : ' ');
  const mark = (text: string) => seg(text, text.trim() ? 'active' : undefined, text.trim() !== '');
  const out: Seg[] = [mark(` ${gap(-1)}`)];
  values.forEach((v, i) => {
    if (i > 0) out.push(mark(gap(i - 1)));
    out.push(lampSeg(v, theme));
  });
  out.push(mark(`${gap(values.length - 1)} `));
  return out;
}

export function isWalk(label: number): boolean {
  return label >= 0.5;
}

/** A bar of `width` cells for a prediction, 0 empty and 1 full (values outside are clamped). */
function barSegs(p: number | undefined, width: number, theme: Theme): Seg[] {
  const g = theme.glyphs;
  const cells = p === undefined || !Number.isFinite(p) ? 0 : Math.max(0, Math.min(1, p)) * width;
  const full = Math.floor(cells);
  const half = cells - full >= 0.5 && full < width;
  const used = full + (half ? 1 : 0);
  return [seg(g.barFull.repeat(full) + (half ? g.barHalfRight : ''), 'accent'), seg(g.barTrack.repeat(width - used), 'dim')];
}

/** What the panel leaves out, said once in its title: "+4 lamps, rows 3-6 of 10". */
export function hiddenNote(lampsLeftOut: number, rows: { start: number; shown: number; total: number }): string {
  const parts: string[] = [];
  if (lampsLeftOut > 0) parts.push(`+${plural(lampsLeftOut, 'lamp')}`);
  if (rows.shown < rows.total) parts.push(`rows ${rows.start}-${rows.start + rows.shown - 1} of ${rows.total}`);
  return parts.join(', ');
}

/** The title's right side: what is left out (shortened until it fits), else what the columns are. */
function titleRight(note: string, also: string | undefined, width: number): Seg[] {
  if (!note) return [seg(also ? `goal, now, ${also}` : 'goal, prediction now', 'label')];
  const short = note.replace(/ lamps?/, '').replace(/, rows .*/, '');
  const fits = [note, note.replace(/, rows .*/, ''), short].find((n) => titleFits('Street lights', [seg(n)], width)) ?? short;
  return [seg(fits, 'warning')];
}

export function StreetLights({ inputs, labels, predictions, also, activeRow, heldOutRows, theme, width, height, cursor }: StreetLightsProps) {
  const heldOut = new Set(heldOutRows);
  const anyHeldOut = heldOut.size > 0;
  const lampCount = inputs[0]?.length ?? 0;
  const iw = indexWidth(inputs.length);
  const lampsShown = LIGHTS.lampsFitting(width - (also ? LIGHTS.also : 0), inputs.length, lampCount, anyHeldOut);
  const alsoWidth = also ? LIGHTS.also : 0;
  const base = LIGHTS.base(inputs.length, lampsShown, anyHeldOut) + alsoWidth;
  const barWidth = Math.min(LIGHTS.barMax, width - base - 1);
  const showBar = barWidth >= LIGHTS.barMin;
  const rows = windowAround(inputs.map((_, i) => i), height - 1, cursor?.row ?? activeRow);
  const note = hiddenNote(lampCount - lampsShown, { start: rows.start, shown: rows.items.length, total: inputs.length });

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Street lights" width={width} theme={theme} right={titleRight(note, also?.name, width)} />
      {rows.items.map((row) => {
        const active = row === activeRow;
        const input = inputs[row]!;
        const lamps = lampSegs(input.slice(0, lampsShown), cursor?.row === row ? cursor.lamp : undefined, theme);
        const walk = isWalk(labels[row]!);
        const p = predictions[row];
        const segs: Seg[] = [
          seg(active ? theme.glyphs.activeRow : ' ', 'active', true),
          seg(' '),
          seg(padLeft(String(row), iw), active ? 'active' : 'label', active),
          ...lamps,
          seg(walk ? 'WALK' : 'STOP', walk ? 'walk' : 'stop', true),
          seg('  '),
          seg(padLeft(p === undefined ? theme.glyphs.none : num(p, 6), 6), p === undefined ? 'dim' : undefined, active),
          ...(also ? [seg(padLeft(num(also.predictions[row]!, 6), alsoWidth), 'accent')] : []),
          ...(showBar ? [seg(' '), ...barSegs(p, barWidth, theme)] : []),
          ...(heldOut.has(row) ? [seg(LIGHTS.heldOutTag, 'heldOut')] : []),
        ];
        return <Line key={row} segs={segs} width={width} theme={theme} />;
      })}
    </Box>
  );
}
