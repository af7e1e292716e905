/**
 * string-width, as Ink measures every line of every frame with it, with a fast path for the
 * glyphs this app draws.
 *
 * string-width is exact for any text but slow beyond printable ASCII (it splits graphemes with
 * Intl.Segmenter and tests emoji properties), and merely loading it builds an Intl.Segmenter and a
 * regular expression of every emoji: together a tenth of the time to the first frame. Every line
 * here is ASCII plus box drawing, blocks, geometric shapes, arrows, Greek and a little punctuation,
 * all one column wide, so for text made only of those (after removing colour codes) the width is the
 * length; anything else goes to string-width. A test checks that both agree on every code point
 * the fast path accepts.
 */

/** Code point ranges, inclusive, whose characters are one column wide for string-width. */
export const ONE_COLUMN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // printable ASCII
  [0xa0, 0xac], // Latin-1 punctuation (0xAD, the soft hyphen, has no width)
  [0xae, 0xff],
  [0x391, 0x3c9], // Greek letters (α)
  [0x2010, 0x2027], // dashes, quotes, bullets, ‖, …
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators (×, ·)
  [0x2500, 0x25fc], // box drawing, block elements, geometric shapes (◽ and ◾ are emoji: two columns)
  [0x25ff, 0x25ff],
];

const SGR_OR_CSI = /\x1b\[[0-9;:?]*[ -/]*[@-~]/g;

function oneColumn(code: number): boolean {
  for (const [from, to] of ONE_COLUMN) if (code >= from && code <= to) return true;
  return false;
}

export type StringWidth = (text: string, options?: object) => number;

/** The width of `text`; `slow` returns string-width itself, for text outside the fast path. */
export function fastStringWidth(text: string, options: object | undefined, slow: () => StringWidth): number {
  if (options !== undefined) return slow()(text, options);
  const plain = text.includes('\x1b') ? text.replace(SGR_OR_CSI, '') : text;
  if (plain.includes('\x1b')) return slow()(text);
  for (let i = 0; i < plain.length; i++) {
    if (!oneColumn(plain.charCodeAt(i))) return slow()(text);
  }
  return plain.length;
}
