/**
 * A screen as an SVG still: monospace text on the palette's background, one <text> per row and one
 * <tspan> per piece of text in one style. Each piece is placed at its column and fitted to exactly its
 * cells (textLength), so columns line up whatever monospace font the viewer has; backgrounds are
 * rectangles under the text. The result is plain XML, for slides and handouts.
 */
import type { CellStyle, Screen } from './markerScreens.js';
import { PALETTE, type Palette } from './palette.js';

/** Cell size in SVG units: a 14 px monospace font (0.6 em wide), lines a little apart as on a terminal. */
const CELL_WIDTH = 8.4;
const CELL_HEIGHT = 18;
const FONT_SIZE = 14;
const PADDING = 12;
/** The baseline sits about four fifths down the cell, as a terminal draws it. */
const BASELINE = 0.78 * CELL_HEIGHT;
/** Where cells are, for whoever reads a still back (the tests). */
export const SVG_LAYOUT = { cellWidth: CELL_WIDTH, cellHeight: CELL_HEIGHT, padding: PADDING, baseline: BASELINE } as const;
const FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

/** Text safe inside XML: markup escaped, and characters XML 1.0 forbids (controls, lone surrogates) dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const sameStyle = (a: CellStyle, b: CellStyle) =>
  a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline && a.strike === b.strike;

interface Piece {
  readonly column: number;
  /** Cells covered (a wide character counts two). */
  readonly span: number;
  readonly text: string;
  readonly style: CellStyle;
}

/**
 * A row's text in pieces of one style, each placed at its own column: a piece never starts or ends
 * with a space, nor holds two in a row. Renderers collapse white space in SVG text (Chrome ignores
 * xml:space on a group; programs that import SVG differ), so nothing may rely on it: a single space
 * between two words is all a piece holds, and collapsing leaves that as it is.
 */
function piecesOf(row: Screen['cells'][number]): Piece[] {
  const pieces: { column: number; span: number; text: string; style: CellStyle }[] = [];
  let spaces = 0;
  row.forEach((cell, column) => {
    const last = pieces.at(-1);
    if (cell.width === 0) {
      // The right half of a wide character: the piece that holds its left half covers it.
      if (last && spaces === 0) last.span += 1;
      return;
    }
    if (cell.char === ' ') {
      spaces++;
      return;
    }
    if (last && spaces <= 1 && sameStyle(last.style, cell.style) && last.column + last.span + spaces === column) {
      last.text += ' '.repeat(spaces) + cell.char;
      last.span += spaces + 1;
    } else pieces.push({ column, span: 1, text: cell.char, style: cell.style });
    spaces = 0;
  });
  return pieces;
}

/** Runs of cells with one background colour other than the screen's: [first column, cells, colour]. */
function backgroundsOf(row: Screen['cells'][number]): [number, number, string][] {
  const runs: [number, number, string][] = [];
  row.forEach((cell, column) => {
    const last = runs.at(-1);
    if (cell.style.bg === undefined) return;
    if (last && last[2] === cell.style.bg && last[0] + last[1] === column) last[1] += 1;
    else runs.push([column, 1, cell.style.bg]);
  });
  return runs;
}

const num = (n: number) => String(Math.round(n * 100) / 100);

function textAttributes(style: CellStyle, palette: Palette): string {
  const attributes: string[] = [];
  if (style.fg !== palette.foreground) attributes.push(`fill="${style.fg}"`);
  if (style.bold) attributes.push('font-weight="bold"');
  if (style.italic) attributes.push('font-style="italic"');
  if (style.dim) attributes.push('opacity="0.5"');
  const decorations = [style.underline && 'underline', style.strike && 'line-through'].filter(Boolean);
  if (decorations.length > 0) attributes.push(`text-decoration="${decorations.join(' ')}"`);
  return attributes.map((a) => ` ${a}`).join('');
}

export interface SvgOptions {
  /** A title for the still (the marker's label): a <title>, which viewers show as its name. */
  readonly title?: string;
  readonly palette?: Palette;
}

export function svgStill(screen: Screen, { title, palette = PALETTE }: SvgOptions = {}): string {
  const width = screen.columns * CELL_WIDTH + 2 * PADDING;
  const height = screen.rows * CELL_HEIGHT + 2 * PADDING;
  const backgrounds: string[] = [];
  const rows: string[] = [];
  screen.cells.forEach((row, y) => {
    const top = PADDING + y * CELL_HEIGHT;
    for (const [column, span, color] of backgroundsOf(row)) {
      backgrounds.push(`<rect x="${num(PADDING + column * CELL_WIDTH)}" y="${num(top)}" width="${num(span * CELL_WIDTH)}" height="${CELL_HEIGHT}" fill="${color}"/>`);
    }
    const spans = piecesOf(row).map(
      (p) => `<tspan x="${num(PADDING + p.column * CELL_WIDTH)}" textLength="${num(p.span * CELL_WIDTH)}"${textAttributes(p.style, palette)}>${xmlText(p.text)}</tspan>`,
    );
    if (spans.length > 0) rows.push(`<text y="${num(top + BASELINE)}">${spans.join('')}</text>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">`,
    ...(title === undefined ? [] : [`<title>${xmlText(title)}</title>`]),
    `<rect width="100%" height="100%" rx="6" fill="${palette.background}"/>`,
    ...backgrounds,
    `<g font-family="${xmlText(FONT)}" font-size="${FONT_SIZE}" fill="${palette.foreground}">`,
    ...rows,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
