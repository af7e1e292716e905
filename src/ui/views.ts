/**
 * Which views a scenario's screen has: the main chart, and the extra views the side slot takes turns
 * with (`v` cycles them; a big screen shows the next one too, in the extra slot). A pure function of
 * the session: the layout sizes the slot for the biggest of them, so cycling never moves a panel.
 */
import type { SessionState } from '../session/state.js';
import type { SideView } from './layout/panelSizes.js';

export type { SideView } from './layout/panelSizes.js';

export interface Views {
  /** What the chart slot draws: the error per iteration, or (a pressure lesson) the weights. */
  readonly chart: 'errors' | 'weights';
  /** The side slot's views, in the order `v` goes through them. */
  readonly side: readonly SideView[];
}

export function viewsOf(session: SessionState): Views {
  if (session.trainer.weights.layers === 3) return { chart: 'errors', side: ['pressure-now', 'intermediate'] };
  // Conflicting pressure is about how the weights move: their chart takes the main slot there.
  if (session.scenario.focus === 'pressure') return { chart: 'weights', side: ['pressure-book', 'pressure-now', 'errors'] };
  return { chart: 'errors', side: ['pressure-book', 'pressure-now', 'weights'] };
}

/** The view the side slot shows now, and the one the extra slot shows (the next). */
export function shownViews(session: SessionState): { side: SideView; extra: SideView } {
  const { side } = viewsOf(session);
  const at = session.view % side.length;
  return { side: side[at]!, extra: side[(at + 1) % side.length]! };
}

/** How the views read in a caption and the help: "the book's pressure table". */
export const VIEW_NAMES: Record<SideView, string> = {
  'pressure-book': "the book's pressure table (from the goals)",
  'pressure-now': 'the pushes at the weights now',
  intermediate: 'the intermediate dataset (layer_1 per row)',
  weights: 'the weights over the iterations',
  errors: 'the error over the iterations',
};
