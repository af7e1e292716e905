/**
 * Building blocks the panels share: a line of coloured segments cut to a width, and a panel title
 * on a rule. Panels measure and cut their own lines instead of leaving it to Ink's wrapping, so
 * nothing wraps onto a second line and an --ascii screen never gets Ink's "…" ellipsis. Widths are
 * display widths: a title in Chinese takes two cells a character.
 */
import { Text } from 'ink';
import { displayWidth, sliceToWidth } from '../../terminal/displayWidth.js';
import type { ColorName, Theme } from '../theme.js';

export interface Seg {
  readonly text: string;
  readonly color?: ColorName;
  readonly bold?: boolean;
}

export const seg = (text: string, color?: ColorName, bold?: boolean): Seg => ({ text, color, bold });

export function segsLength(segs: readonly Seg[]): number {
  return segs.reduce((n, s) => n + displayWidth(s.text), 0);
}

/** Cuts a line of segments to `width` (the last visible segment gets the ellipsis). */
export function fitSegs(segs: readonly Seg[], width: number, ellipsis: string): Seg[] {
  if (segsLength(segs) <= width) return [...segs];
  const out: Seg[] = [];
  let left = width - displayWidth(ellipsis);
  for (const s of segs) {
    if (left <= 0) break;
    const text = sliceToWidth(s.text, left);
    out.push({ ...s, text });
    left -= displayWidth(s.text);
  }
  out.push({ text: sliceToWidth(ellipsis, Math.max(0, width - segsLength(out))), color: 'dim' });
  return out;
}

export function Line({ segs, width, theme }: { segs: readonly Seg[]; width: number; theme: Theme }) {
  // Neighbours that look the same become one string: fewer nodes for Ink to lay out each frame.
  const runs: { text: string; color: string | undefined; bold: boolean }[] = [];
  for (const s of fitSegs(segs, width, theme.glyphs.ellipsis)) {
    const color = s.color ? theme.colors[s.color] : undefined;
    const bold = (!!s.bold || (!!theme.boldLabels && s.color === 'label')) && s.text.trim() !== '';
    const last = runs[runs.length - 1];
    if (last && last.color === color && last.bold === bold) last.text += s.text;
    else if (s.text) runs.push({ text: s.text, color, bold });
  }
  if (runs.length === 0) return <Text> </Text>;
  if (runs.length === 1) {
    const only = runs[0]!;
    return (
      <Text wrap="truncate" color={only.color} bold={only.bold}>
        {only.text}
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      {runs.map((r, i) => (
        <Text key={i} color={r.color} bold={r.bold}>
          {r.text}
        </Text>
      ))}
    </Text>
  );
}

/** `─ Title ──────── right ─`: the first line of every panel. A right side that does not fit is left out. */
export function titleSegs(title: string, width: number, theme: Theme, right?: readonly Seg[]): Seg[] {
  const rule = theme.glyphs.rule;
  const head: Seg[] = title ? [seg(`${rule} `, 'dim'), seg(title, 'accent', true), seg(' ')] : [seg(rule, 'dim')];
  const tail: Seg[] = right && right.length > 0 ? [seg(' '), ...right, seg(` ${rule}`, 'dim')] : [];
  const fill = width - segsLength(head) - segsLength(tail);
  if (tail.length > 0 && fill >= 1) return [...head, seg(rule.repeat(fill), 'dim'), ...tail];
  return fitSegs([...head, seg(rule.repeat(Math.max(0, width - segsLength(head))), 'dim')], width, theme.glyphs.ellipsis);
}

/** Whether `title` with `right` fits a title line of `width` with at least one cell of rule between them. */
export function titleFits(title: string, right: readonly Seg[], width: number): boolean {
  const head = title ? 3 + displayWidth(title) : 1;
  const tail = right.length > 0 ? 3 + segsLength(right) : 0;
  return head + tail + 1 <= width;
}

export function Title(props: { title: string; width: number; theme: Theme; right?: readonly Seg[] }) {
  return <Line segs={titleSegs(props.title, props.width, props.theme, props.right)} width={props.width} theme={props.theme} />;
}
