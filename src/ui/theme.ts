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
  /** Labels and axis numbers: the terminal's own text colour, never the faint grey. */
  readonly label: InkColor | undefined;
  /** Decoration only (rules, bar tracks, placeholders): the one place the faint grey is used. */
  readonly dim: InkColor | undefined;
  readonly positive: InkColor | undefined;
  readonly negative: InkColor | undefined;
  readonly active: InkColor | undefined;
  readonly heldOut: InkColor | undefined;
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
  /** Lamps on a dimmer, a quarter to nearly full (dimmer lights: 0.1 and 0.9 must differ). */
  readonly lampLevels: readonly string[];
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
  /** Placeholder for a value this phase has not computed: never a character a number could contain. */
  readonly none: string;
  /** asciichart's ten symbols: ┼ ┤ ╶ ╴ ─ ╰ ╭ ╮ ╯ │ or their ASCII stand-ins. */
  readonly chart: readonly [string, string, string, string, string, string, string, string, string, string];
  /** The line glyph of the second chart series (held-out error). */
  readonly chartSecond: string;
  /** More series: a previous run, a compared run, more weights. */
  readonly chartThird: string;
  readonly chartFourth: string;
  /** A level drawn across a chart (the best a single layer can do). */
  readonly floor: string;
  /** A vertical mark at an iteration (alpha changed there). */
  readonly mark: string;
  readonly border: 'round' | 'classic';
}

export interface Theme {
  readonly color: boolean;
  readonly ascii: boolean;
  readonly colors: ThemeColors;
  readonly glyphs: Glyphs;
  /** Labels in bold (the projector theme): weight carries the hierarchy where colour cannot. */
  readonly boldLabels?: boolean;
  /** Text for the screen: in ASCII mode, the few non-ASCII characters used in prose become ASCII. */
  readonly text: (s: string) => string;
}

const COLORS: ThemeColors = {
  label: undefined,
  dim: 'gray',
  positive: 'green',
  negative: 'red',
  active: 'cyan',
  heldOut: 'magenta',
  walk: 'green',
  stop: 'red',
  lampOn: 'yellow',
  lampOff: 'gray',
  warning: 'yellow',
  accent: 'cyan',
};

/**
 * For a projector: no faint grey anywhere (it washes out to nothing on a bright wall), so decoration
 * and dark lamps take the terminal's own colour, and labels are bold (`boldLabels`).
 */
const HIGH_CONTRAST_COLORS: ThemeColors = { ...COLORS, dim: undefined, lampOff: undefined };

const NO_COLORS: ThemeColors = Object.fromEntries(Object.keys(COLORS).map((k) => [k, undefined])) as unknown as ThemeColors;

const UNICODE: Glyphs = {
  lampOn: '●',
  lampDim: '◐',
  lampOff: '○',
  lampLevels: ['◔', '◑', '◕'],
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
  chartThird: '∘',
  chartFourth: '×',
  floor: '┄',
  mark: '┆',
  border: 'round',
};

const ASCII: Glyphs = {
  lampOn: '#',
  lampDim: '+',
  lampOff: '.',
  lampLevels: [':', '+', '*'],
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
  none: '_',
  chart: ['+', '|', '-', '-', '-', "'", '.', '.', "'", '|'],
  chartSecond: '*',
  chartThird: 'o',
  chartFourth: 'x',
  floor: ':',
  mark: '!',
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
  [/Δ/g, 'd'],
  [/[—–]/g, '-'],
  [/…/g, '...'],
  [/≈/g, '~'],
  [/[‘’]/g, "'"],
  [/[“”]/g, '"'],
  [/²/g, '^2'],
  [/±/g, '+-'],
  [/Σ/g, 'sum'],
  [/δ/g, 'delta'],
  [/−/g, '-'],
  [/÷/g, '/'],
];

export function toAscii(s: string): string {
  let out = s;
  for (const [pattern, replacement] of ASCII_TEXT) out = out.replace(pattern, replacement);
  // Anything else outside printable ASCII would break an --ascii screen: replace it visibly.
  return out.replace(/[^\x20-\x7e]/g, '?');
}

export function createTheme(opts: { color: boolean; ascii: boolean; highContrast?: boolean }): Theme {
  return {
    color: opts.color,
    ascii: opts.ascii,
    colors: opts.color ? (opts.highContrast ? HIGH_CONTRAST_COLORS : COLORS) : NO_COLORS,
    glyphs: opts.ascii ? ASCII : UNICODE,
    ...(opts.highContrast ? { boldLabels: true } : {}),
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
