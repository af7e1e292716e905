/**
 * What the comparison screen says: what the last key did to both runs, in our own words, and the
 * lesson of the setting compared. Pure: a function of the two sessions.
 */
import type { CompareRuns } from '../session/compare.js';
import { COMPARE_KEYS, settingsArgument, settingsOf, settingText, type CompareKey } from '../session/compare.js';
import type { SessionState } from '../session/state.js';
import { short, sig } from './format/numbers.js';

const n = (x: number | undefined) => (x === undefined ? '·' : sig(x, 3));

/** The settings compared, in the menu's order. */
export function comparedKeys(runs: CompareRuns): CompareKey[] {
  return COMPARE_KEYS.filter((k) => runs.settings[k] !== undefined);
}

/** Each run's name in legends and labels: its values of the compared settings ("sgd" / "full"). */
export function runNames(first: SessionState, runs: CompareRuns): [string, string] {
  const keys = comparedKeys(runs);
  const name = (s: SessionState) => keys.map((k) => settingText(k, settingsOf(s)[k])).join(' ') || 'as opened';
  return [name(first), name(runs.other)];
}

const LESSONS: Record<CompareKey, string> = {
  mode: 'the same data and start; only how often the weights move differs.',
  alpha: 'larger steps learn faster, until a step overshoots and diverges.',
  activation: 'without relu, the hidden layer is one layer in disguise.',
  hidden: 'more hidden nodes: more ways to combine the lamps.',
  seed: 'other starting weights can end up somewhere else.',
  batchSize: 'the batch size: how many rows each averaged step waits for.',
  iterations: 'the same run, stopped at another point.',
};

function phaseWords(s: SessionState): string {
  const t = s.trainer;
  const tr = t.trace;
  if (!tr) return 'nothing yet';
  switch (t.lastPhase) {
    case 'predict':
      return `predicts ${n(tr.forward?.prediction)}`;
    case 'compare':
      return `error ${n(tr.error)}`;
    case 'backpropagate':
      return 'passes its delta back';
    case 'update':
      return tr.applied === false ? 'waits for its batch' : 'moves its weights';
    default:
      return 'nothing yet';
  }
}

function lastError(s: SessionState): number | undefined {
  return s.trainer.errors.last();
}

function verdict(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return '';
  return a < b ? ': A is lower' : b < a ? ': B is lower' : ': the same';
}

function firstLine(first: SessionState, runs: CompareRuns): string {
  const b = runs.other;
  const [nameA, nameB] = runNames(first, runs);
  const last = first.last;
  const errors = `A (${nameA}) ${n(lastError(first))}, B (${nameB}) ${n(lastError(b))}`;
  switch (last.kind) {
    case 'opened':
      return `Comparing ${first.scenario.id} with ${settingsArgument(runs.settings)}: both from the same start; every step key moves both.`;
    case 'back':
      return `Back one step in each run: iteration ${first.trainer.iteration} and ${b.trainer.iteration}.`;
    case 'back-at-start':
      return 'Nothing to go back to: both runs are at the start.';
    case 'reset':
      return 'Both runs start again from the same start.';
    case 'running':
      return `Running both to the end: iteration ${first.trainer.iteration}. Any key stops them.`;
    case 'finished':
    case 'stopped':
      return `After ${first.trainer.iteration} and ${b.trainer.iteration} iterations: ${errors}${verdict(lastError(first), lastError(b))}.`;
    case 'step': {
      const tr = first.trainer.trace;
      if (last.step === 'row' && tr) return `Row ${tr.row}: A predicted ${n(tr.forward?.prediction)}, B ${n(b.trainer.trace?.forward?.prediction)} (goal ${short(tr.goal)}).`;
      if (last.step === 'phase' && tr) return `Row ${tr.row}, ${first.trainer.lastPhase}: A ${phaseWords(first)}; B ${phaseWords(b)}.`;
      return `Iteration ${first.trainer.iteration}: error ${errors}${verdict(lastError(first), lastError(b))}.`;
    }
    default:
      return `Iteration ${first.trainer.iteration}: error ${errors}.`;
  }
}

export function compareCaption(first: SessionState, runs: CompareRuns): string[] {
  const key = comparedKeys(runs)[0];
  return [firstLine(first, runs), `Lesson: ${key ? LESSONS[key] : 'two runs of the same scenario, side by side.'}`];
}
