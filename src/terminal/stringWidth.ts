/**
 * string-width, as Ink measures every line of every frame with it, with a fast path for the
 * glyphs this app draws.
 *
 * string-width is exact for any text but slow beyond printable ASCII (it splits graphemes with
 * Intl.Segmenter and tests emoji properties), and merely loading it builds an Intl.Segmenter and a
 * regular expression of every emoji: together a tenth of the time to the first frame. Almost every
 * line here is made of one-column characters (cellWidth.ts), so for text made only of those (after
 * removing colour codes) the width is the length; anything else goes to string-width.
 */
import { isOneColumn } from './cellWidth.js';

const SGR_OR_CSI = /\x1b\[[0-9;:?]*[ -/]*[@-~]/g;

export type StringWidth = (text: string, options?: object) => number;

/** The width of `text`; `slow` returns string-width itself, for text outside the fast path. */
export function fastStringWidth(text: string, options: object | undefined, slow: () => StringWidth): number {
  if (options !== undefined) return slow()(text, options);
  const plain = text.includes('\x1b') ? text.replace(SGR_OR_CSI, '') : text;
  if (plain.includes('\x1b')) return slow()(text);
  for (let i = 0; i < plain.length; i++) {
    if (!isOneColumn(plain.charCodeAt(i))) return slow()(text);
  }
  return plain.length;
}
