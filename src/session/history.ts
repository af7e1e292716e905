/**
 * The back key's memory, newest last: earlier trainer snapshots, and stretches of a run to the end
 * (a LongRun rebuilds any iteration of its stretch from its checkpoints, so `b` after `e` steps back
 * one iteration at a time instead of jumping to where `e` was pressed).
 *
 * Bounded in memory, not only in count: each entry is weighed (a snapshot by an estimate of its own
 * arrays for the run's shape; a run's stretch by its checkpoints and the weights its last rebuild
 * keeps), and the oldest entries are dropped once the total passes HISTORY_BYTES or the count
 * HISTORY_MAX_ENTRIES. `b` then stops at the oldest state still held, and says so.
 */
import type { LongRun } from '../engine/longRun.js';
import type { TrainerState } from '../engine/trainer.js';
import type { TrainingSetup } from '../engine/types.js';

export const HISTORY_BYTES = 64 * 1024 * 1024;
export const HISTORY_MAX_ENTRIES = 5000;
/** What a LongRun's last rebuild may keep besides its checkpoints (longRun.ts's default). */
const REBUILD_BYTES = 4 * 1024 * 1024;

/** Iterations `from` to `to` of a run to the end, each rebuilt on demand. */
export interface RunStretch {
  readonly run: LongRun;
  readonly from: number;
  readonly to: number;
}

type Entry = { readonly state: TrainerState } | { readonly stretch: RunStretch };

export interface History {
  readonly entries: readonly Entry[];
  readonly bytes: number;
  /** Bytes one snapshot is taken to hold, for this run's shape. */
  readonly snapshotBytes: number;
}

/** A generous estimate of one snapshot's own memory: the arrays a step allocates anew. */
export function snapshotBytes(setup: TrainingSetup): number {
  const w = setup.initialWeights;
  const weightCount = w.layers === 2 ? w.weights.length : w.weights_0_1.length * (w.weights_0_1[0]?.length ?? 0) + w.weights_1_2.length;
  const hidden = w.layers === 3 ? w.weights_1_2.length : 0;
  const rows = w.layers === 3 ? w.weights_0_1.length + 1 : 1;
  // Numbers are 8 bytes; each JS array adds a header. A step copies the predictions, and may hold new
  // weights, a row's weight deltas and the batch's pending sums (three weight-shaped sets), and a trace.
  return 8 * (setup.inputs.length + 3 * weightCount + 4 * hidden) + 64 * (3 * rows + 8) + 512;
}

export function emptyHistory(setup: TrainingSetup): History {
  return { entries: [], bytes: 0, snapshotBytes: snapshotBytes(setup) };
}

const weigh = (h: History, e: Entry) => ('state' in e ? h.snapshotBytes : e.stretch.run.checkpoints.bytes + REBUILD_BYTES);

function push(h: History, entry: Entry): History {
  const entries = [...h.entries, entry];
  let bytes = h.bytes + weigh(h, entry);
  let drop = 0;
  while (entries.length - drop > 1 && (bytes > HISTORY_BYTES || entries.length - drop > HISTORY_MAX_ENTRIES)) bytes -= weigh(h, entries[drop++]!);
  return { ...h, entries: drop > 0 ? entries.slice(drop) : entries, bytes };
}

export function pushHistory(h: History, state: TrainerState): History {
  return push(h, { state });
}

/** After a run to the end (finished or stopped): the state it started from, then its iterations before the last. */
export function pushRun(h: History, run: LongRun): History {
  const withStart = push(h, { state: run.start });
  const from = run.start.iteration + 1;
  const to = run.iteration - 1;
  return to >= from ? push(withStart, { stretch: { run, from, to } }) : withStart;
}

/** The newest state and the history without it; undefined when empty. */
export function popHistory(h: History): { state: TrainerState; history: History } | undefined {
  const top = h.entries[h.entries.length - 1];
  if (!top) return undefined;
  const rest = h.entries.slice(0, -1);
  if ('state' in top) return { state: top.state, history: { ...h, entries: rest, bytes: h.bytes - weigh(h, top) } };
  const { run, from, to } = top.stretch;
  const state = run.stateAt(to);
  if (to - 1 >= from) return { state, history: { ...h, entries: [...rest, { stretch: { run, from, to: to - 1 } }] } };
  return { state, history: { ...h, entries: rest, bytes: h.bytes - weigh(h, top) } };
}

/** How many steps back the history holds (a run's stretch counts each iteration). */
export function historyDepth(h: History): number {
  return h.entries.reduce((n, e) => n + ('state' in e ? 1 : e.stretch.to - e.stretch.from + 1), 0);
}
