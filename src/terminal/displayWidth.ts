/**
 * Text measured the way the terminal (and Ink) will draw it: in cells, not UTF-16 units. A title in
 * Chinese or with an emoji takes two cells a character; combining accents take none. Everything that
 * fits, pads or wraps text for the screen measures with these.
 *
 * `string-width` is what Ink itself measures with; the build aliases it to the fast path in
 * stringWidthForInk.ts, so the common one-column case costs a loop over the characters.
 */
import stringWidth from 'string-width';
import { isOneColumn } from './cellWidth.js';

function allOneColumn(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isOneColumn(s.charCodeAt(i))) return false;
  return true;
}

export function displayWidth(s: string): number {
  return allOneColumn(s) ? s.length : stringWidth(s);
}

let segmenter: Intl.Segmenter | undefined;

/** The user-perceived characters of `s` (grapheme clusters), each with its width. */
function clusters(s: string): { text: string; width: number }[] {
  segmenter ??= new Intl.Segmenter();
  return [...segmenter.segment(s)].map(({ segment }) => ({ text: segment, width: stringWidth(segment) }));
}

/** The longest start of `s` that fits in `width` cells (a wide character that would straddle the edge is left out). */
export function sliceToWidth(s: string, width: number): string {
  if (width <= 0) return '';
  if (allOneColumn(s)) return s.slice(0, width);
  let out = '';
  let used = 0;
  for (const c of clusters(s)) {
    if (used + c.width > width) break;
    out += c.text;
    used += c.width;
  }
  return out;
}

export function padEndTo(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

export function padStartTo(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : ' '.repeat(width - w) + s;
}
