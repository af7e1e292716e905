/**
 * The colours of an exported recording, shared by the SVG stills and the HTML player's theme, so a
 * still and the page it sits beside look alike. The app draws with the 16 ANSI colours only (Ink's
 * names: its "gray", the dim text, is bright black); a terminal decides their RGB, so the export picks
 * one set: a dark background, and a bright black light enough to read on a projector.
 */
export interface Palette {
  readonly foreground: string;
  readonly background: string;
  /** ANSI 0–15: black, red, green, yellow, blue, magenta, cyan, white, then their bright versions. */
  readonly ansi: readonly string[];
}

export const PALETTE: Palette = {
  foreground: '#d7dae0',
  background: '#181a1f',
  ansi: [
    '#2a2d33', '#e05561', '#8cc265', '#e6b450', '#4aa5f0', '#c162de', '#42b3c2', '#d7dae0',
    '#8a909b', '#ff616e', '#a5e075', '#f0c060', '#4dc4ff', '#de73ff', '#4cd1e0', '#ffffff',
  ],
};

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
const rgb = (r: number, g: number, b: number) => `#${hex2(r)}${hex2(g)}${hex2(b)}`;

/** Colour `index` of the 256-colour palette: the 16 above, xterm's 6×6×6 cube, then 24 greys. */
export function paletteColor(index: number, palette: Palette = PALETTE): string {
  if (index < 16) return palette.ansi[index]!;
  if (index < 232) {
    const level = (n: number) => (n === 0 ? 0 : 55 + 40 * n);
    const i = index - 16;
    return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
  }
  const grey = 8 + 10 * (index - 232);
  return rgb(grey, grey, grey);
}

/** A 24-bit colour as xterm.js stores it (0xRRGGBB). */
export const rgbColor = (value: number) => `#${value.toString(16).padStart(6, '0')}`;

/** The player's theme (its CSS custom properties) for the same colours. */
export function playerThemeCss(name: string, palette: Palette = PALETTE): string {
  const vars = [
    `--term-color-foreground: ${palette.foreground};`,
    `--term-color-background: ${palette.background};`,
    ...palette.ansi.map((color, i) => `--term-color-${i}: ${color};`),
  ];
  return `.asciinema-player-theme-${name} { ${vars.join(' ')} }`;
}
