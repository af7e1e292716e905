/**
 * The one keymap: a command table per context. Key handling (the app reducer), the hint line, the
 * help overlay, the picker's hint and the README's key table are all made from these tables, so none
 * of them can disagree with what a key does.
 */
import type { AppState } from '../app.js';
import type { Command, CommandTable, Context } from './command.js';
import { HELP_COMMANDS } from './helpKeys.js';
import { keyLabel } from './keyNames.js';
import { PICKER_COMMANDS } from './pickerKeys.js';
import { TRAINING_COMMANDS } from './trainingKeys.js';

export type { Command, Context } from './command.js';

export const KEYMAP: Readonly<Record<Context, CommandTable>> = {
  picker: PICKER_COMMANDS,
  training: TRAINING_COMMANDS,
  help: HELP_COMMANDS,
};

/** Which table the keys go to now. The help is modal: over any screen, only its own keys act. */
export function contextOf(state: AppState): Context {
  if (state.help) return 'help';
  return state.screen === 'training' && state.session ? 'training' : 'picker';
}

export function commandFor(context: Context, keyName: string): Command | undefined {
  return KEYMAP[context].find((c) => c.keys.includes(keyName) || c.aliases?.includes(keyName));
}

/** The keys of a command as the screen names them: "space →", "q Ctrl+C". */
export function keysLabel(command: Command): string {
  return command.keys.map(keyLabel).join(' ');
}

export interface Hint {
  readonly key: string;
  readonly hint: string;
}

/** The hint line's items, most useful first; the last is always the help key. */
export function hintsFor(context: Context, state: AppState): Hint[] {
  const offered = KEYMAP[context].filter((c) => c.hint && (!c.offered || c.offered(state)));
  const help = offered.filter((c) => c.action.type === 'toggle-help');
  return [...offered.filter((c) => !help.includes(c)), ...help].map((c) => ({ key: c.hintKey ?? keyLabel(c.keys[0]!), hint: c.hint! }));
}

export interface HelpRow {
  readonly keys: string;
  readonly description: string;
}

/** The help overlay's rows for the screen under it. */
export function helpRows(context: Exclude<Context, 'help'>, state: AppState): HelpRow[] {
  return KEYMAP[context].filter((c) => !c.offered || c.offered(state)).map((c) => ({ keys: keysLabel(c), description: c.description }));
}

/** The README's key table (a test keeps the README's copy equal to this). */
export function keyTableMarkdown(): string {
  const section = (title: string, table: CommandTable) => [
    `**${title}**`,
    '',
    '| key | does |',
    '|---|---|',
    ...table.map((c) => `| ${c.keys.map((k) => `\`${keyLabel(k)}\``).join(' ')} | ${c.description} |`),
    '',
  ];
  return [...section('Training screen', TRAINING_COMMANDS), ...section('Scenario list', PICKER_COMMANDS), ...section('Help (modal)', HELP_COMMANDS)].join('\n');
}
