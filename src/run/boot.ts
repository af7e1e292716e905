/**
 * What every screen path (interactive, scripted) does before the app starts, written once: the
 * scenario list and the initial state, the theme, the cast's title, and importing Ink only after the
 * environment it reads at import time has been settled.
 */
import type { AppState } from '../session/app.js';
import { initialApp } from '../session/app.js';
import { listScenarios } from '../scenarios/loader.js';
import type { Scenario } from '../scenarios/schema.js';
import type { Overrides } from '../scenarios/setup.js';
import type { Talk, ThemeName } from '../session/talk.js';

/** What a screen path needs to know of the command line. */
export interface ScreenOptions {
  /** The scenario to open at once; without one the picker starts. */
  readonly scenario: Scenario | undefined;
  readonly overrides: Overrides;
  /** `--ascii` (the interactive path also honours a non-UTF-8 locale). */
  readonly ascii: boolean;
  /** `--record FILE.cast`. */
  readonly record: string | undefined;
  /** `--talk`: start at its first stop. */
  readonly talk?: Talk;
  readonly theme?: ThemeName;
  /** The arguments that open the same app again (screenPlan.ts), for the recording's header. */
  readonly args?: readonly string[];
  /** `--compare KEY=VALUE,…`: open the scenario compared with a second run of these settings. */
  readonly compare?: Overrides;
}

export async function initialAppState(options: ScreenOptions): Promise<AppState> {
  const { scenarios, problems } = await listScenarios();
  return initialApp(scenarios, { overrides: options.overrides, open: options.scenario, problems, recording: options.record !== undefined, talk: options.talk, compare: options.compare });
}

export function castTitle(scenario: Scenario | undefined, talk?: Talk): string {
  if (talk) return `streetlight-tui: ${talk.title}`;
  return scenario ? `streetlight-tui ${scenario.id}` : 'streetlight-tui';
}

/**
 * Imports the app's Ink half (mountApp.tsx) with the environment pinned as the path needs it:
 * - `CI`: Ink draws only the last frame when it is set; every screen path wants every frame.
 * - `FORCE_COLOR`: chalk picks the colour depth at import; NO_COLOR means none, and a scripted run
 *   pins 16 colours (with TERM=dumb while importing) so its bytes do not depend on the terminal.
 * - `fetch`: Ink's layout engine (yoga) checks for it to load its WebAssembly; in Node 20 merely
 *   touching it loads the whole HTTP client, a third of a bare start. The screen never fetches: hide it.
 */
export async function importScreen(pin: 'interactive' | 'scripted') {
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';
  else if (pin === 'scripted') process.env.FORCE_COLOR = '1';
  Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const term = process.env.TERM;
  if (pin === 'scripted') process.env.TERM = 'dumb';
  try {
    return await import('./mountApp.js');
  } finally {
    if (pin === 'scripted') {
      if (term === undefined) delete process.env.TERM;
      else process.env.TERM = term;
    }
  }
}
