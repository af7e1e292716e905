/**
 * What a recording marks, derived by comparing two app states: each scenario opened (or a talk's stop
 * arrived at), each iteration completed (with its error), and each press of the marker key. Every
 * label names where it is, so a player's chapter list reads as a table of contents:
 * "deep-net · opened", "deep-net · iteration 12 · error 0.0123…", "marker 2 · deep-net · iteration 12 ·
 * row 0 predict", "stop 3/9 · the stop's note".
 */
import { pyStr } from '../engine/pyfloat.js';
import type { AppState } from './app.js';
import type { SessionState } from './state.js';
import { stopMarker } from './talk.js';

/** More iterations than this in one step (a slice of a long run) get one marker for the stretch. */
export const MAX_ITERATION_MARKERS = 100;

/** Where a session is, as the status line counts: "deep-net · iteration 12 · row 0 predict", or "deep-net · start". */
export function placeLabel(session: SessionState): string {
  const t = session.trainer;
  const id = session.scenario.id;
  if (!t.trace || !t.lastPhase) return `${id} · start`;
  const inProgress = t.cursor > 0 || t.rowPhase !== undefined;
  const iteration = Math.min(t.setup.iterations, t.iteration + (inProgress && !t.done ? 1 : 0));
  return `${id} · iteration ${iteration} · row ${t.trace.row} ${t.lastPhase}`;
}

export function markerEvents(previous: AppState, next: AppState): string[] {
  const out: string[] = [];
  const session = next.session;
  if (next.opened > previous.opened && session) {
    out.push(next.talk && next.talk.openedAt === next.opened ? stopMarker(next.talk) : `${session.scenario.id} · opened`);
  }
  if (!session) return out;
  const before = previous.session;
  const sameRun = before && before.scenario === session.scenario && next.opened === previous.opened;
  const from = sameRun ? before.trainer.iteration : 0;
  const trainer = session.trainer;
  const id = session.scenario.id;
  if (sameRun && trainer.iteration > from) {
    // A marker per iteration, so a player can jump to each; a long run's slice gets one for its stretch.
    if (trainer.iteration - from > MAX_ITERATION_MARKERS) {
      out.push(`${id} · iterations ${from + 1}-${trainer.iteration} · error ${pyStr(trainer.errors.at(trainer.iteration - 1)!)}`);
    } else {
      for (let i = from + 1; i <= trainer.iteration; i++) out.push(`${id} · iteration ${i} · error ${pyStr(trainer.errors.at(i - 1)!)}`);
    }
  }
  if (sameRun && session.markers > before.markers) out.push(`marker ${session.markers} · ${placeLabel(session)}`);
  return out;
}
