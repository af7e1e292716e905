/** One line of the most useful keys, as many as fit, always ending with "? help". */
import type { Theme } from '../theme.js';
import { Line, seg, segsLength, type Seg } from './line.js';

export interface KeyHintsProps {
  /** A 3-layer net: `a` switches the activation; otherwise `g` switches gradient descent. */
  readonly deep: boolean;
  readonly theme: Theme;
  readonly width: number;
}

export function hintList(deep: boolean): [string, string][] {
  return [
    ['s', 'phase'],
    ['n', 'row'],
    ['space', 'iteration'],
    ['b', 'back'],
    ['p', 'play'],
    ['e', 'end'],
    ['r', 'reset'],
    deep ? ['a', 'relu/linear'] : ['g', 'sgd/batch/full'],
    ['+/-', 'speed'],
    ['l', 'log'],
    ['Esc', 'list'],
    ['q', 'quit'],
  ];
}

export function KeyHints({ deep, theme, width }: KeyHintsProps) {
  const item = ([key, what]: [string, string]): Seg[] => [seg(key, 'accent', true), seg(` ${what}`, 'dim')];
  const help = item(['?', 'help']);
  const hints = hintList(deep);
  let segs: Seg[] = help;
  for (let count = hints.length; count >= 0; count--) {
    segs = [...hints.slice(0, count).flatMap((h) => [...item(h), seg('  ')]), ...help];
    if (segsLength(segs) <= width) break;
  }
  return <Line segs={segs} width={width} theme={theme} />;
}
