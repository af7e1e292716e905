/**
 * What a recording marks, derived by comparing two app states: each scenario opened, each
 * iteration completed (with its error), and each press of the marker key.
 */
import { pyStr } from '../engine/pyfloat.js';
import type { AppState } from './app.js';

/** More iterations than this in one step (a slice of a long run) get one marker for the stretch. */
export const MAX_ITERATION_MARKERS = 100;

export function markerEvents(previous: AppState, next: AppState): string[] {
  const out: string[] = [];
  const session = next.session;
  if (next.opened > previous.opened && session) out.push(`scenario ${session.scenario.id}`);
  if (!session) return out;
  const before = previous.session;
  const sameRun = before && before.scenario === session.scenario && next.opened === previous.opened;
  const from = sameRun ? before.trainer.iteration : 0;
  const trainer = session.trainer;
  if (sameRun && trainer.iteration > from) {
    // A marker per iteration, so a player can jump to each; a long run's slice gets one for its stretch.
    if (trainer.iteration - from > MAX_ITERATION_MARKERS) {
      out.push(`iterations ${from + 1}-${trainer.iteration} error ${pyStr(trainer.errors.at(trainer.iteration - 1)!)}`);
    } else {
      for (let i = from + 1; i <= trainer.iteration; i++) out.push(`iteration ${i} error ${pyStr(trainer.errors.at(i - 1)!)}`);
    }
  }
  if (sameRun && session.markers > before.markers) out.push(`marker ${session.markers}`);
  return out;
}
