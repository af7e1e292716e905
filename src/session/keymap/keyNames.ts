/**
 * The key vocabulary, shared by the keymap (what a key does), the help and hint lines (how a key is
 * named on screen), and the `--keys` language (what bytes a scripted key sends). A key is a name: a
 * printable character stands for itself ("n", "?", "+", "X"); the others have the names below.
 */

/** The subset of Ink's `Key` flags this module reads (kept here so the session needs no Ink import). */
export interface KeyFlags {
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly return?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

export interface NamedKey {
  /** What a terminal in its usual (non-application) cursor mode sends for the key. */
  readonly bytes: string;
  /** How the screen names it; arrows become words in --ascii through the theme. */
  readonly label: string;
}

export const NAMED_KEYS = {
  space: { bytes: ' ', label: 'space' },
  enter: { bytes: '\r', label: 'Enter' },
  esc: { bytes: '\x1b', label: 'Esc' },
  tab: { bytes: '\t', label: 'Tab' },
  backspace: { bytes: '\x7f', label: 'Backspace' },
  up: { bytes: '\x1b[A', label: '↑' },
  down: { bytes: '\x1b[B', label: '↓' },
  right: { bytes: '\x1b[C', label: '→' },
  left: { bytes: '\x1b[D', label: '←' },
  home: { bytes: '\x1b[H', label: 'Home' },
  end: { bytes: '\x1b[F', label: 'End' },
  pageup: { bytes: '\x1b[5~', label: 'PgUp' },
  pagedown: { bytes: '\x1b[6~', label: 'PgDn' },
  'ctrl+c': { bytes: '\x03', label: 'Ctrl+C' },
  'ctrl+l': { bytes: '\x0c', label: 'Ctrl+L' },
  // A clicker's "start / stop the slide show" button: F5 and Shift+F5 (and Esc). The app binds neither;
  // they are here so a key script can send what a clicker sends.
  f5: { bytes: '\x1b[15~', label: 'F5' },
  'shift+f5': { bytes: '\x1b[15;2~', label: 'Shift+F5' },
} as const satisfies Record<string, NamedKey>;

export type NamedKeyName = keyof typeof NAMED_KEYS;

const FLAG_NAMES: readonly [keyof KeyFlags, NamedKeyName][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'esc'],
  ['tab', 'tab'],
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  ['backspace', 'backspace'],
  ['delete', 'backspace'],
];

/**
 * The names of the keys in one input event as Ink reports it. Keys typed quickly (or over a slow SSH
 * link) arrive together as one string: each character is a key of its own. Escape sequences Ink has
 * already split into events of their own.
 */
export function keyNamesOf(input: string, key: KeyFlags): string[] {
  if (key.ctrl) return input.length === 1 ? [`ctrl+${input.toLowerCase()}`] : [];
  for (const [flag, name] of FLAG_NAMES) if (key[flag]) return [name];
  if (key.meta) return [];
  return [...input].map(charName);
}

/** A character of a burst: the few control characters a burst can carry get their key's name. */
function charName(ch: string): string {
  if (ch === ' ') return 'space';
  if (ch === '\r' || ch === '\n') return 'enter';
  if (ch === '\t') return 'tab';
  if (ch === '\x7f') return 'backspace';
  const code = ch.charCodeAt(0);
  return code < 0x20 ? `ctrl+${String.fromCharCode(code + 96)}` : ch;
}

/** How the screen names a key: "space", "Enter", "↑", "q". */
export function keyLabel(name: string): string {
  return (NAMED_KEYS as Record<string, NamedKey>)[name]?.label ?? name;
}

/** The bytes of a key name (named keys, or a single character as typed); undefined for anything else. */
export function keyBytes(name: string): string | undefined {
  const named = (NAMED_KEYS as Record<string, NamedKey>)[name.toLowerCase()];
  if (named) return named.bytes;
  return [...name].length === 1 ? name : undefined;
}
