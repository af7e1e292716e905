/**
 * From the command line to what a screen path needs (boot.ts's ScreenOptions): the scenario or the
 * talk, the theme, and the command line that starts this same app again, which a recording's header
 * carries so that `replay` can run its keys again. Shared by the entry (cli.tsx) and replay.
 */
import type { CliOptions } from '../cli/args.js';
import { UsageError } from '../errors.js';
import { joinWords } from '../record/shellWords.js';
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import type { ThemeName } from '../session/talk.js';
import type { ScreenOptions } from './boot.js';

/** The environment variable that picks the theme when neither --theme nor the talk file does. */
export const THEME_VARIABLE = 'STREETLIGHT_THEME';

export function themeFromEnv(env: NodeJS.ProcessEnv): ThemeName | undefined {
  const value = env[THEME_VARIABLE];
  if (value === undefined || value === '') return undefined;
  if (value === 'default' || value === 'high-contrast') return value;
  throw new UsageError(`${THEME_VARIABLE}: expected default or high-contrast, got '${value}'`);
}

const OVERRIDE_OPTIONS: readonly [keyof Overrides, string][] = [
  ['alpha', '--alpha'],
  ['iterations', '--iterations'],
  ['mode', '--mode'],
  ['batchSize', '--batch-size'],
  ['seed', '--seed'],
  ['hidden', '--hidden'],
  ['activation', '--activation'],
];

/** The arguments that open the same thing: the talk or the scenario as given, and the overrides. */
export function appArguments(options: Pick<CliOptions, 'talk' | 'scenario' | 'overrides'> & Partial<Pick<CliOptions, 'compare'>>): string[] {
  const words = options.talk !== undefined ? ['--talk', options.talk] : options.scenario !== undefined ? [options.scenario] : [];
  for (const [key, option] of OVERRIDE_OPTIONS) {
    const value = options.overrides[key];
    // String(number) is the shortest text that reads back as the same number, so --alpha round-trips exactly.
    if (value !== undefined) words.push(option, String(value));
  }
  // The second run of --compare, in the KEY=VALUE,… form that parseCompare reads back.
  const compared = OVERRIDE_OPTIONS.flatMap(([key, option]) => {
    const value = options.compare?.[key];
    return value === undefined ? [] : [`${option.slice(2)}=${String(value)}`];
  });
  if (compared.length > 0) words.push('--compare', compared.join(','));
  return words;
}

/** `streetlight-tui deep-net --alpha 0.5 --ascii`: the header's command for a session shown with `ascii`. */
export function castCommand(options: ScreenOptions, ascii: boolean): string {
  return joinWords([
    'streetlight-tui',
    ...(options.args ?? []),
    ...(ascii ? ['--ascii'] : []),
    ...(options.theme === 'high-contrast' ? ['--theme', 'high-contrast'] : []),
  ]);
}

/**
 * The screen options for a command line whose scenario (if any) is already resolved and checked: the
 * talk loaded (every problem of its file refused here, before any screen), and the theme: --theme,
 * else the talk's, else STREETLIGHT_THEME.
 */
export async function screenOptionsFrom(options: CliOptions, scenario: Scenario | undefined, env: NodeJS.ProcessEnv): Promise<ScreenOptions> {
  const talk = options.talk === undefined ? undefined : await (await import('../talks/talkLoader.js')).loadTalk(options.talk);
  const theme = options.theme ?? talk?.theme ?? themeFromEnv(env);
  return {
    scenario,
    overrides: options.overrides,
    ascii: options.ascii,
    record: options.record,
    talk,
    theme,
    compare: options.compare,
    args: appArguments(options),
  };
}
