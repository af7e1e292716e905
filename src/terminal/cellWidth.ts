/**
 * Which characters take exactly one terminal cell, as one table for everyone who needs to know: the
 * string-width fast path (what Ink measures lines with) and the frame differ (which may only place
 * characters whose width is certain). A test checks every code point of the table against string-width.
 */

/** Code point ranges, inclusive, whose characters are one column wide for string-width and terminals. */
export const ONE_COLUMN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // printable ASCII
  [0xa0, 0xac], // Latin-1 punctuation (0xAD, the soft hyphen, has no width)
  [0xae, 0x2ff], // Latin-1 letters, Latin Extended-A and -B, IPA, spacing modifiers
  [0x391, 0x3c9], // Greek letters (α)
  [0x2010, 0x2027], // dashes, quotes, bullets, ‖, …
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators (×, ·)
  [0x2500, 0x25fc], // box drawing, block elements, geometric shapes (◽ and ◾ are emoji: two columns)
  [0x25ff, 0x25ff],
];

/** Code points below this are answered by a lookup table; the rest by the ranges. */
const TABLE_SIZE = 0x2600;
const TABLE = new Uint8Array(TABLE_SIZE);
for (const [from, to] of ONE_COLUMN) for (let c = from; c <= Math.min(to, TABLE_SIZE - 1); c++) TABLE[c] = 1;

/** True when the code point is certainly one cell wide. */
export function isOneColumn(code: number): boolean {
  return code < TABLE_SIZE && TABLE[code] === 1;
}
