/**
 * The one keymap: a command table per context. Key handling (the app reducer), the hint line, the
 * help overlay, the picker's hint and the README's key table are all made from these tables, so none
 * of them can disagree with what a key does.
 */
import type { AppState } from '../app.js';
import type { Command, CommandTable, Context } from './command.js';
import { FOCUS_COMMANDS } from './focusKeys.js';
import { HELP_COMMANDS } from './helpKeys.js';
import { keyLabel } from './keyNames.js';
import { PICKER_COMMANDS } from './pickerKeys.js';
import { RUNNING_COMMANDS } from './runningKeys.js';
import { TALK_COMMANDS } from './talkKeys.js';
import { TRAINING_COMMANDS } from './trainingKeys.js';
import { ANY_KEY } from './command.js';
import { instrumentContexts } from '../instruments.js';
import { COMPARE_COMMANDS, COMPARE_MENU_COMMANDS } from './compareKeys.js';
import { EDIT_COMMANDS } from './editKeys.js';
import { INSPECT_COMMANDS } from './inspectKeys.js';

export type { Command, Context } from './command.js';

export const KEYMAP: Readonly<Record<Context, CommandTable>> = {
  picker: PICKER_COMMANDS,
  training: TRAINING_COMMANDS,
  help: HELP_COMMANDS,
  running: RUNNING_COMMANDS,
  talk: TALK_COMMANDS,
  focus: FOCUS_COMMANDS,
  inspect: INSPECT_COMMANDS,
  edit: EDIT_COMMANDS,
  compare: COMPARE_COMMANDS,
  'compare-menu': COMPARE_MENU_COMMANDS,
};

/**
 * The tables the keys go to now, most specific first: a mode layered over the training screen (an
 * inspector, an editor, a talk) takes its own keys first and leaves the rest to the screen under it.
 * The help is modal: over any screen, only its own keys act.
 */
export function contextsOf(state: AppState): Context[] {
  // A talk's clicker keys go first everywhere, over the help too (see talkKeys.ts).
  const talk: Context[] = state.talk ? ['talk'] : [];
  if (state.help) return [...talk, 'help'];
  if (state.screen !== 'training' || !state.session) return [...talk, 'picker'];
  const instruments = instrumentContexts(state);
  if (instruments) return [...talk, ...instruments];
  if (state.session.running) return [...talk, 'running'];
  return [...talk, ...(state.focus ? (['focus'] as const) : []), 'training'];
}

/** The command a key runs in the first of `contexts` that binds it. */
export function commandFor(contexts: Context | readonly Context[], keyName: string): Command | undefined {
  for (const context of typeof contexts === 'string' ? [contexts] : contexts) {
    const table = KEYMAP[context];
    const command = table.find((c) => c.keys.includes(keyName) || c.aliases?.includes(keyName)) ?? table.find((c) => c.keys.includes(ANY_KEY));
    if (command) return command;
  }
  return undefined;
}

/** The keys of a command as the screen names them: "space →", "q Ctrl+C". */
export function keysLabel(command: Command): string {
  return command.keys.map((k) => (k === ANY_KEY ? 'any other key' : keyLabel(k))).join(' ');
}

export interface Hint {
  readonly key: string;
  readonly hint: string;
}

/** The hint line's items for the contexts (most specific first), most useful first; the last is always the help key. */
export function hintsFor(contexts: Context | readonly Context[], state: AppState): Hint[] {
  const list = typeof contexts === 'string' ? [contexts] : contexts;
  const seen = new Set<string>();
  // A key a more specific context binds is hinted there, not again for the context under it.
  const offered = list.flatMap((context) =>
    KEYMAP[context].filter((c) => {
      if (!c.hint || (c.offered && !c.offered(state)) || c.keys.some((k) => seen.has(k))) return false;
      return true;
    }).map((c) => {
      for (const k of c.keys) seen.add(k);
      return c;
    }),
  );
  const help = offered.filter((c) => c.action.type === 'toggle-help');
  return [...offered.filter((c) => !help.includes(c)), ...help].map((c) => ({ key: c.hintKey ?? keyLabel(c.keys[0]!), hint: c.hint! }));
}

export interface HelpRow {
  readonly keys: string;
  readonly description: string;
}

/** The help overlay's rows for the screen under it (its contexts, most specific first). */
export function helpRows(contexts: Context | readonly Context[], state: AppState): HelpRow[] {
  const list = typeof contexts === 'string' ? [contexts] : contexts;
  // A command whose every key a more specific context takes (the picker's PgDn under a talk) is not listed.
  const taken = new Set<string>();
  return list.flatMap((context) => {
    const table = KEYMAP[context];
    const rows = table.filter((c) => (!c.offered || c.offered(state)) && !c.keys.every((k) => taken.has(k))).map((c) => ({ keys: keysLabel(c), description: c.description }));
    for (const c of table) for (const k of c.keys) if (k !== ANY_KEY) taken.add(k);
    return rows;
  });
}

/** The contexts under the help: what its rows describe. */
export function contextsUnderHelp(state: AppState): Context[] {
  return contextsOf({ ...state, help: false });
}

/** The README's key table (a test keeps the README's copy equal to this). */
export function keyTableMarkdown(): string {
  const section = (title: string, table: CommandTable) => [
    `**${title}**`,
    '',
    '| key | does |',
    '|---|---|',
    ...table.map((c) => `| ${c.keys.map((k) => (k === ANY_KEY ? 'any other key' : `\`${keyLabel(k)}\``)).join(' ')} | ${c.details ?? c.description} |`),
    '',
  ];
  return [
    ...section('Training screen', TRAINING_COMMANDS),
    ...section('While a long run to the end trains', RUNNING_COMMANDS),
    ...section('Weight inspector (`i`; the training keys go on working)', INSPECT_COMMANDS),
    ...section('Editing the lights (`d`)', EDIT_COMMANDS),
    ...section('Comparing two runs (`--compare`, or `c` and its menu)', COMPARE_COMMANDS),
    ...section('The comparison menu (`c`)', COMPARE_MENU_COMMANDS),
    ...section('Focus (`z`: one panel alone)', FOCUS_COMMANDS),
    ...section('In a talk (`--talk`), over every screen', TALK_COMMANDS),
    ...section('Scenario list', PICKER_COMMANDS),
    ...section('Help (modal)', HELP_COMMANDS),
  ].join('\n');
}
