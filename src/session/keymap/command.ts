/** What the keymap is made of: contexts (what the screen is in), and per context a table of commands. */
import type { AppAction, AppState } from '../app.js';

/** Where the keys go: the picker, the training screen, the help over either, a run to the end in progress. Later modes add theirs. */
export type Context = 'picker' | 'training' | 'help' | 'running' | 'talk' | 'focus' | 'inspect' | 'edit' | 'compare' | 'compare-menu';

/** The key name a command may bind to mean "any other key". */
export const ANY_KEY = '*';

export interface Command {
  /** The key names that run it (see keyNames.ts); the first one is the one hints show. */
  readonly keys: readonly string[];
  /** More keys that run it without being shown ("=" for "+": the same key without Shift). */
  readonly aliases?: readonly string[];
  /** What it does, for the help overlay (short: two columns of it fit at 80 columns) and the README. */
  readonly description: string;
  /** More words for the README's key table, where the short description leaves something out. */
  readonly details?: string;
  /** A word or two for the bottom hint line; commands without one are only in the help. */
  readonly hint?: string;
  /** How the hint line names the keys, when not by the first key ("↑↓" for a pair of commands). */
  readonly hintKey?: string;
  readonly action: AppAction;
  /** Whether the hint line and help list it in this state (it still runs: its caption may explain why not). */
  readonly offered?: (state: AppState) => boolean;
}

export type CommandTable = readonly Command[];
