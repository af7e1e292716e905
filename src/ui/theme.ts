/**
 * The one theme: semantic colour names mapped once to Ink's 16 colours, and the glyphs in a
 * Unicode and a plain-ASCII set. Views ask for "positive weight" or "lamp on", never for "green"
 * or "●", so colour-off and --ascii are choices made here, not `if`s scattered through the panels.
 *
 * Without colour the screen must still read correctly, so meaning is always carried by a sign,
 * a glyph or a word as well (+0.12 / -0.12, ● / ○, WALK / STOP, "off", "held out").
 */

/** Ink colour names from the basic 16, so any terminal that has colour at all can show them. */
type InkColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white' | 'gray';

export interface ThemeColors {
  readonly positive: InkColor | undefined;
  readonly negative: InkColor | undefined;
  readonly active: InkColor | undefined;
  readonly heldOut: InkColor | undefined;
  readonly dim: InkColor | undefined;
  readonly walk: InkColor | undefined;
  readonly stop: InkColor | undefined;
  readonly lampOn: InkColor | undefined;
  readonly lampOff: InkColor | undefined;
  readonly warning: InkColor | undefined;
  readonly accent: InkColor | undefined;
}

export type ColorName = keyof ThemeColors;

export interface Glyphs {
  readonly lampOn: string;
  readonly lampDim: string;
  readonly lampOff: string;
  /** A full bar cell and a half cell (the half grows away from the axis). */
  readonly barFull: string;
  readonly barHalfRight: string;
  readonly barHalfLeft: string;
  /** The empty part of a bar (a faint track, so the bar's length reads against its width). */
  readonly barTrack: string;
  /** The zero line of a signed bar. */
  readonly axis: string;
  readonly up: string;
  readonly down: string;
  readonly right: string;
  /** Marks the row being trained (street lights, pressure table). */
  readonly activeRow: string;
  /** What a hidden node switched off by relu shows instead of its value. */
  readonly reluOff: string;
  readonly play: string;
  readonly pause: string;
  /** The horizontal rule that panel titles sit on. */
  readonly rule: string;
  readonly ellipsis: string;
  /** A separator between items on one line. */
  readonly dot: string;
  readonly alpha: string;
  /** Placeholder for a value not computed yet. */
  readonly none: string;
  /** asciichart's ten symbols: ┼ ┤ ╶ ╴ ─ ╰ ╭ ╮ ╯ │ or their ASCII stand-ins. */
  readonly chart: readonly [string, string, string, string, string, string, string, string, string, string];
  /** The line glyph of the second chart series (held-out error). */
  readonly chartSecond: string;
  readonly border: 'round' | 'classic';
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  readonly colors: ThemeColors;
  readonly glyphs: Glyphs;
  /** Text for the screen: in ASCII mode, the few non-ASCII characters used in prose become ASCII. */
  readonly text: (s: string) => string;
}

const COLORS: ThemeColors = {
  positive: 'green',
  negative: 'red',
  active: 'cyan',
  heldOut: 'magenta',
  dim: 'gray',
  walk: 'green',
  stop: 'red',
  lampOn: 'yellow',
  lampOff: 'gray',
  warning: 'yellow',
  accent: 'cyan',
};

const NO_COLORS: ThemeColors = Object.fromEntries(Object.keys(COLORS).map((k) => [k, undefined])) as unknown as ThemeColors;

const UNICODE: Glyphs = {
  lampOn: '●',
  lampDim: '◐',
  lampOff: '○',
  barFull: '█',
  barHalfRight: '▌',
  barHalfLeft: '▐',
  barTrack: '·',
  axis: '│',
  up: '↑',
  down: '↓',
  right: '→',
  activeRow: '▸',
  reluOff: 'off',
  play: '▶',
  pause: '‖',
  rule: '─',
  ellipsis: '…',
  dot: '·',
  alpha: 'α',
  none: '·',
  chart: ['┼', '┤', '╶', '╴', '─', '╰', '╭', '╮', '╯', '│'],
  chartSecond: '•',
  border: 'round',
};

const ASCII: Glyphs = {
  lampOn: '#',
  lampDim: '+',
  lampOff: '.',
  barFull: '#',
  barHalfRight: '=',
  barHalfLeft: '=',
  barTrack: '.',
  axis: '|',
  up: '^',
  down: 'v',
  right: '>',
  activeRow: '>',
  reluOff: 'off',
  play: '>',
  pause: '||',
  rule: '-',
  ellipsis: '~',
  dot: '.',
  alpha: 'alpha',
  none: '-',
  chart: ['+', '|', '-', '-', '-', "'", '.', '.', "'", '|'],
  chartSecond: '*',
  border: 'classic',
};

/** Prose characters and their ASCII spellings (captions, help rows, descriptions). */
const ASCII_TEXT: readonly [RegExp, string][] = [
  [/↑↓/g, 'up/down'],
  [/ · /g, ' - '],
  [/←/g, '<-'],
  [/→/g, '->'],
  [/↔/g, '<->'],
  [/↑/g, 'up'],
  [/↓/g, 'down'],
  [/[·•]/g, '.'],
  [/×/g, 'x'],
  [/ᵀ/g, '.T'],
  [/α/g, 'alpha'],
  [/Δ/g, 'change '],
  [/[—–]/g, '-'],
  [/…/g, '...'],
  [/≈/g, '~'],
  [/[‘’]/g, "'"],
  [/[“”]/g, '"'],
  [/²/g, '^2'],
];

export function toAscii(s: string): string {
  let out = s;
  for (const [pattern, replacement] of ASCII_TEXT) out = out.replace(pattern, replacement);
  // Anything else outside printable ASCII would break an --ascii screen: replace it visibly.
  return out.replace(/[^\x20-\x7e]/g, '?');
}

export function createTheme(opts: { color: boolean; ascii: boolean }): Theme {
  return {
    color: opts.color,
    ascii: opts.ascii,
    colors: opts.color ? COLORS : NO_COLORS,
    glyphs: opts.ascii ? ASCII : UNICODE,
    text: opts.ascii ? toAscii : (s) => s,
  };
}

/**
 * True when the locale says the terminal is not UTF-8 (LANG=C, POSIX, ISO-8859-1...). The first
 * of LC_ALL, LC_CTYPE, LANG that is set decides, as it does for the C library; no locale at all
 * is taken as UTF-8, which is what terminals default to today.
 */
export function wantsAscii(env: NodeJS.ProcessEnv): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return false;
  return !/utf-?8/i.test(locale);
}

// ---------------------------------------------------------------------------------------------
// Numbers on screen. The exact Python spelling of numbers belongs to the --print path; panels show
// a fixed, readable precision instead, and never "-0".

/** `x` with `decimals` places, `-0.000` shown as `0.000`, non-finite values spelled out. */
export function fixed(x: number, decimals = 3): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const s = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * `x` in at most `width` characters: as many decimals (up to `decimals`) as fit, then an
 * exponent form for very large or very small magnitudes. With `sign`, positive values get a '+'
 * so the sign reads without colour; with `small`, tiny non-zero values use the exponent form.
 */
export function num(x: number, width = 6, opts: { decimals?: number; sign?: boolean; small?: boolean } = {}): string {
  const decimals = opts.decimals ?? 3;
  const withSign = (s: string) => (opts.sign && !s.startsWith('-') && !/^0\.?0*$/.test(s) && s !== 'NaN' ? `+${s}` : s);
  if (!Number.isFinite(x)) return withSign(fixed(x));
  // With `small`, a value too small for the decimals (an error of 7.7e-5) keeps its digits.
  const tooSmall = opts.small && x !== 0 && Math.abs(x) < 0.5 * 10 ** -decimals;
  for (let d = tooSmall ? -1 : decimals; d >= 0; d--) {
    const s = withSign(fixed(x, d));
    // Keep at least one decimal unless the number is large: 0.0004 must not read as "0".
    if (s.length <= width && (d > 0 || Math.abs(x) >= 1 || x === 0)) return s;
  }
  for (let d = 2; d >= 0; d--) {
    const s = withSign(x.toExponential(d).replace('e+', 'e'));
    if (s.length <= width) return s;
  }
  return withSign(x.toExponential(0).replace('e+', 'e'));
}

/** Pads `s` on the left to `width` (right-aligns numbers in columns). */
export function padLeft(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

export function padRight(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** A data value (an input, a goal): whole numbers as they are (`1`, `0`), others with `num`. */
export function short(x: number, width = 6): string {
  return Number.isInteger(x) && String(x).length <= width ? String(x) : num(x, width, { decimals: 2 });
}
