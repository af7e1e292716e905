/**
 * Comparing two runs of one scenario (`--compare KEY=VALUE,…`, or `c` and its menu): run A is the
 * session as it was opened, run B the same with a few settings changed. Both start from the same
 * start and move in lockstep: every step key steps both. A run that has finished (B may have fewer
 * iterations) stays where it is, and the back key takes back only what each step moved (`trail`).
 */
import type { Mode } from '../engine/types.js';
import { LIMITS } from '../scenarios/limits.js';
import type { Scenario } from '../scenarios/schema.js';
import { isDeep, type Overrides } from '../scenarios/setup.js';
import { ALPHA_LADDER } from './live.js';
import { openSession, sessionReducer, type SessionAction, type SessionState } from './state.js';

/** The settings a comparison may change, in the order of the menu and of `--compare`'s help. */
export const COMPARE_KEYS = ['mode', 'alpha', 'activation', 'hidden', 'seed', 'batchSize', 'iterations'] as const;
export type CompareKey = (typeof COMPARE_KEYS)[number];

/** A setting's name on the command line (`--compare batch-size=3`). */
export function optionName(key: CompareKey): string {
  return key === 'batchSize' ? 'batch-size' : key;
}

/** The settings a scenario's runs can differ in (a 2-layer net has no activation; given weights no seed). */
export function comparableKeys(scenario: Scenario): CompareKey[] {
  const n = scenario.network;
  const drawn = n.layers === 3 ? n.weights_0_1 === undefined : n.weights === undefined;
  return COMPARE_KEYS.filter((k) => (k === 'activation' ? isDeep(scenario) : k === 'hidden' ? isDeep(scenario) && drawn : k === 'seed' ? drawn : true));
}

/** Run A's value of each setting. */
export function settingsOf(session: SessionState): Required<Overrides> {
  const { setup } = session.trainer;
  const n = session.scenario.network;
  return {
    mode: setup.mode,
    alpha: setup.alpha,
    activation: setup.activation,
    hidden: session.overrides.hidden ?? (n.layers === 3 ? n.hidden : 0),
    seed: session.overrides.seed ?? n.seed ?? 1,
    batchSize: setup.batchSize,
    iterations: setup.iterations,
  };
}

/** How a setting reads in a legend or label: "full", "α 0.5", "hidden 8", "20 iterations". */
export function settingText(key: CompareKey, value: Overrides[CompareKey]): string {
  switch (key) {
    case 'mode':
    case 'activation':
      return String(value);
    case 'alpha':
      return `α ${value}`;
    case 'batchSize':
      return `batch ${value}`;
    case 'iterations':
      return `${value} iterations`;
    default:
      return `${key} ${value}`;
  }
}

/** `mode=full,alpha=0.5`, as `--compare` takes it. */
export function settingsArgument(settings: Overrides): string {
  return COMPARE_KEYS.filter((k) => settings[k] !== undefined)
    .map((k) => `${optionName(k)}=${settings[k]}`)
    .join(',');
}

export interface CompareMenu {
  readonly kind: 'menu';
  readonly keys: readonly CompareKey[];
  /** The highlighted setting. */
  readonly index: number;
  /** Run B's settings as chosen so far (they start as run A's). */
  readonly values: Required<Overrides>;
}

export interface CompareRuns {
  readonly kind: 'runs';
  readonly other: SessionState;
  /** What run B changes. */
  readonly settings: Overrides;
  /** Which run each step moved, newest last: the back key takes back only those. */
  readonly trail: readonly (readonly [boolean, boolean])[];
}

export type CompareState = CompareMenu | CompareRuns;

export function openMenu(session: SessionState): CompareMenu {
  return { kind: 'menu', keys: comparableKeys(session.scenario), index: 0, values: settingsOf(session) };
}

const MODES: readonly Mode[] = ['sgd', 'batch', 'full'];
const ITERATION_LADDER = [1, 2, 5, 10, 20, 40, 50, 60, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 1_000_000];

/** The next (`by` 1) or previous value of a ladder of values, with `current` on it. */
function along(ladder: readonly number[], current: number, by: 1 | -1): number {
  const values = [...new Set([...ladder, current])].sort((a, b) => a - b);
  const i = values.indexOf(current);
  return values[Math.max(0, Math.min(values.length - 1, i + by))]!;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function changeMenuValue(menu: CompareMenu, by: 1 | -1, rows: number): CompareMenu {
  const key = menu.keys[menu.index]!;
  const v = menu.values;
  const next: Required<Overrides> = { ...v };
  if (key === 'mode') next.mode = MODES[(MODES.indexOf(v.mode) + by + MODES.length) % MODES.length]!;
  else if (key === 'alpha') next.alpha = along(ALPHA_LADDER, v.alpha, by);
  else if (key === 'activation') next.activation = v.activation === 'relu' ? 'linear' : 'relu';
  else if (key === 'hidden') next.hidden = clamp(v.hidden + by, 1, LIMITS.hidden);
  else if (key === 'seed') next.seed = clamp(v.seed + by, 0, LIMITS.seed);
  else if (key === 'batchSize') next.batchSize = clamp(v.batchSize + by, 1, Math.max(1, rows));
  else next.iterations = along(ITERATION_LADDER, v.iterations, by);
  return { ...menu, values: next };
}

export function moveMenu(menu: CompareMenu, by: 1 | -1): CompareMenu {
  return { ...menu, index: clamp(menu.index + by, 0, menu.keys.length - 1) };
}

/** The settings the menu changed from run A's. */
export function menuSettings(menu: CompareMenu, session: SessionState): Overrides {
  const a = settingsOf(session);
  return Object.fromEntries(menu.keys.filter((k) => menu.values[k] !== a[k]).map((k) => [k, menu.values[k]]));
}

/**
 * Both runs from the start: A with its own overrides, B with `settings` on top. Throws a UsageError
 * (from buildSetup) when B's settings do not apply to the scenario.
 */
export function startRuns(session: SessionState, settings: Overrides): { first: SessionState; runs: CompareRuns } {
  const keep = (s: SessionState): SessionState => ({ ...s, speed: session.speed, chartScale: session.chartScale, markers: session.markers });
  const first = keep(openSession(session.scenario, session.overrides, session.recording));
  const other = keep(openSession(session.scenario, { ...session.overrides, ...settings }, false));
  return { first, runs: { kind: 'runs', other, settings, trail: [] } };
}

/** Steps both runs with one action; `back` undoes the last step of each run that it moved. */
export function lockstep(first: SessionState, runs: CompareRuns, action: SessionAction): { first: SessionState; runs: CompareRuns } {
  if (action.type === 'back') {
    const [a, b] = runs.trail.at(-1) ?? [true, true];
    return {
      first: a ? sessionReducer(first, action) : first,
      runs: { ...runs, other: b ? sessionReducer(runs.other, action) : runs.other, trail: runs.trail.slice(0, -1) },
    };
  }
  const a = sessionReducer(first, action);
  const b = sessionReducer(runs.other, action);
  const moved: [boolean, boolean] = [a.trainer !== first.trainer, b.trainer !== runs.other.trainer];
  const stepped = (action.type === 'step' || action.type === 'play-tick') && (moved[0] || moved[1]);
  const trail = action.type === 'reset' ? [] : stepped ? [...runs.trail, moved].slice(-10_000) : runs.trail;
  return { first: a, runs: { ...runs, other: b, trail } };
}
