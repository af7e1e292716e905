/**
 * Fitting text into the cells a panel has: word-wrapping, cutting with an ellipsis, and a window of
 * a list that keeps one item in view. Widths are display widths (a CJK character takes two cells).
 */
import { displayWidth, padEndTo, sliceToWidth } from '../../terminal/displayWidth.js';

export { displayWidth, padEndTo as padRight } from '../../terminal/displayWidth.js';

/** Word-wraps `text` to `width` cells; a word wider than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = displayWidth(word);
    if (!line) [line, lineWidth] = [word, w];
    else if (lineWidth + 1 + w <= width) [line, lineWidth] = [`${line} ${word}`, lineWidth + 1 + w];
    else {
      out.push(line);
      [line, lineWidth] = [word, w];
    }
  }
  if (line) out.push(line);
  return out.map((l) => sliceToWidth(l, width));
}

/** Cuts `s` to `width` cells, ending with the theme's ellipsis when something was cut. */
export function fitText(s: string, width: number, ellipsis: string): string {
  if (displayWidth(s) <= width) return s;
  const e = displayWidth(ellipsis);
  if (width <= e) return sliceToWidth(s, Math.max(0, width));
  return sliceToWidth(s, width - e) + ellipsis;
}

/** `s` exactly `width` cells wide: cut with the ellipsis, or padded with spaces. */
export function fitTo(s: string, width: number, ellipsis: string): string {
  return padEndTo(fitText(s, width, ellipsis), width);
}

/** The first `count` items of a list, or a window of them that keeps `focus` in view. */
export function windowAround<T>(items: readonly T[], count: number, focus: number | undefined): { start: number; items: T[] } {
  if (items.length <= count) return { start: 0, items: [...items] };
  const n = Math.max(0, count);
  const start = focus === undefined ? 0 : Math.max(0, Math.min(items.length - n, focus - Math.floor(n / 2)));
  return { start, items: items.slice(start, start + n) };
}
