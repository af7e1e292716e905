/** One line of the keys that matter most here (from the keymap), as many as fit, always ending with the help key. */
import type { Hint } from '../../session/keymap/index.js';
import type { Theme } from '../theme.js';
import { Line, seg, segsLength, type Seg } from './line.js';

export interface KeyHintsProps {
  /** From the keymap, most useful first; the last one is the help key, which always stays. */
  readonly hints: readonly Hint[];
  readonly theme: Theme;
  readonly width: number;
}

export function hintSegs(hints: readonly Hint[], theme: Theme, width: number): Seg[] {
  const item = (h: Hint): Seg[] => [seg(theme.text(h.key), 'accent', true), seg(` ${theme.text(h.hint)}`, 'label')];
  const help = hints.slice(-1);
  const rest = hints.slice(0, -1);
  for (let count = rest.length; count >= 0; count--) {
    const segs = [...rest.slice(0, count), ...help].flatMap((h, i) => (i === 0 ? item(h) : [seg('  '), ...item(h)]));
    if (segsLength(segs) <= width || count === 0) return segs;
  }
  return [];
}

export function KeyHints({ hints, theme, width }: KeyHintsProps) {
  return <Line segs={hintSegs(hints, theme, width)} width={width} theme={theme} />;
}
