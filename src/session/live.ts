/**
 * Changes made to a run while it trains: an edit of the lights (edit.ts) or a step of the alpha ladder.
 * Each is made at an iteration boundary (engine/liveChange.ts: the iteration in progress finishes first),
 * goes into the back key's history like a step, and is logged here, so that the error chart can mark it
 * and the inspector can train the path of the weights again with the setup each stretch had.
 *
 * The log needs no care when the back key or a reset leaves a change behind: a change is in effect while
 * the trainer still trains with the setup it made (setups are never edited, so identity says it), and
 * `changesInEffect` drops the ones that are not.
 */
import { changeLive } from '../engine/liveChange.js';
import type { TrainerState } from '../engine/trainer.js';
import type { TrainingSetup } from '../engine/types.js';
import { pushHistory } from './history.js';
import type { SessionState } from './state.js';

export interface LoggedChange {
  /** Iterations completed when the change was made: it trains iteration `iteration + 1` on. */
  readonly iteration: number;
  readonly before: TrainingSetup;
  readonly setup: TrainingSetup;
  readonly what: 'alpha' | 'data';
}

export type LiveLog = readonly LoggedChange[];

/** The changes the trainer's run still carries, oldest first. */
export function changesInEffect(log: LiveLog | undefined, trainer: TrainerState): LoggedChange[] {
  const out = [...(log ?? [])];
  while (out.length > 0 && out[out.length - 1]!.setup !== trainer.setup) out.pop();
  return out;
}

/** A stretch of a run: `setup` trains the iterations after `from` (until the next segment's `from`). */
export interface Segment {
  readonly setup: TrainingSetup;
  readonly from: number;
}

/** The run as stretches of one setup each: which setup trained which iteration (the inspector's last update). */
export function segmentsOf(log: LiveLog | undefined, trainer: TrainerState): Segment[] {
  const changes = changesInEffect(log, trainer);
  const first = changes[0]?.before ?? trainer.setup;
  return [{ setup: first, from: 0 }, ...changes.map((c) => ({ setup: c.setup, from: c.iteration }))];
}

/** The setup iteration `k` (from 1) was trained with. */
export function setupOfIteration(segments: readonly Segment[], k: number): TrainingSetup {
  let setup = segments[0]!.setup;
  for (const s of segments) if (s.from < k) setup = s.setup;
  return setup;
}

/** Where the error chart marks a change: at the first iteration trained with it. */
export function changeMarks(log: LiveLog | undefined, trainer: TrainerState): number[] {
  return changesInEffect(log, trainer).map((c) => c.iteration + 1);
}

/** The alpha ladder of `[` and `]`: steps of 1, 2, 5 from 0.001 to 2 (the divergence lesson is at the top). */
export const ALPHA_LADDER = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2] as const;

/** The ladder's next value above (`by` 1) or below (-1) `alpha`, or undefined at its end. */
export function nextAlpha(alpha: number, by: 1 | -1): number | undefined {
  return by > 0 ? ALPHA_LADDER.find((a) => a > alpha) : [...ALPHA_LADDER].reverse().find((a) => a < alpha);
}

/** The iterations the session's run was opened with (a finished run changed live goes on for as many more). */
export function runLength(session: SessionState): number {
  return session.overrides.iterations ?? session.scenario.training.iterations;
}

export interface Applied {
  readonly session: SessionState;
  readonly log: LiveLog;
  /** Iterations completed when the change took effect. */
  readonly iteration: number;
  /** Whether the iteration in progress was finished first (with the setup it began with). */
  readonly finishedIteration: boolean;
  /** Iterations added because the run had finished (0 when it had not). */
  readonly extended: number;
}

/** When a change took effect, for its caption: "from iteration 4 on (iteration 3 was finished first)". */
export function whenText(a: Applied): string {
  const from = `from iteration ${a.iteration + 1} on`;
  if (a.extended > 0) return `${from}: the run had finished, so it goes on for ${a.extended} more iterations`;
  return a.finishedIteration ? `${from} (iteration ${a.iteration} was finished first, as it began)` : from;
}

/**
 * Makes a live change: at the iteration boundary (finishing the iteration in progress), keeping the
 * weights; a finished run is given `runLength` more iterations so that the change can show. The state
 * before goes into the history, so `b` undoes the change.
 */
export function applyLiveChange(session: SessionState, log: LiveLog | undefined, what: LoggedChange['what'], make: (setup: TrainingSetup) => TrainingSetup): Applied {
  let extended = 0;
  const change = changeLive(session.trainer, (boundary) => {
    const setup = make(boundary.setup);
    if (boundary.iteration < setup.iterations) return setup;
    extended = runLength(session);
    return { ...setup, iterations: boundary.iteration + extended };
  });
  const iteration = change.boundary.iteration;
  const logged: LoggedChange = { iteration, before: change.boundary.setup, setup: change.state.setup, what };
  return {
    // The caption of the key before may describe a row the change left behind: the notice (the caller's)
    // says what happened, and under it the scenario's own first line stands.
    session: { ...session, trainer: change.state, history: pushHistory(session.history, session.trainer), playing: false, last: { kind: 'opened' } },
    log: [...changesInEffect(log, session.trainer), logged],
    iteration,
    finishedIteration: change.finishedIteration,
    extended,
  };
}
