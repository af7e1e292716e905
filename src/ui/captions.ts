/**
 * The caption: one or two lines, in our own words, saying what the last key did to the network
 * and which lesson of the chapter the scenario shows. Pure: a function of the session alone.
 *
 * Rows are named by their index in the dataset ("row 2", as in the street-light panel) and hidden
 * nodes by their column in the network panel ("h1").
 */
import { singleLayerFloor } from '../engine/leastSquares.js';
import { rowsPerUpdate, type TrainerState } from '../engine/trainer.js';
import type { Mode } from '../engine/types.js';
import { SPEEDS, type SessionState } from '../session/state.js';
import { lessonText } from '../scenarios/lesson.js';
import { short, sig } from './format/numbers.js';
import { speedText } from './panels/statusLine.js';
import { shownViews, VIEW_NAMES } from './views.js';

/** Numbers in prose: three significant digits, so 0.000534 reads as 0.000534, not 0.001. */
const n = (x: number) => sig(x, 3);
const signed = (x: number) => (x > 0 ? `+${sig(x, 3)}` : sig(x, 3));
const goal = (x: number) => short(x);

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const FOCUS: Record<string, string> = {
  lights: 'Watch the predictions move toward their WALK/STOP goals.',
  network: 'Watch how each step moves the weights.',
  pressure: '+ pushes a weight up, - pushes it down, 0 leaves it alone (its lamp is off).',
  chart: 'Watch the error of each iteration in the chart.',
};

/**
 * The lesson the scenario shows, from its file (following the mode or activation chosen with keys); a
 * scenario without one gets a neutral line about what to watch, never another scenario's lesson.
 */
export function lessonFor(session: SessionState): string {
  const { scenario, trainer } = session;
  const text = lessonText(scenario, trainer.setup);
  return text !== undefined ? `Lesson: ${text}` : (FOCUS[scenario.focus] ?? FOCUS.lights!);
}

const MODE_TEXT: Record<Mode, (rows: number) => string> = {
  sgd: () => 'an update after every row',
  batch: (b) => (b === 1 ? 'an update after every row (a batch of 1)' : `one averaged update per ${b} rows`),
  full: (b) => (b === 1 ? 'one update per pass over its 1 row' : 'one averaged update per pass'),
};

/** Hidden nodes relu switched off for the active row. */
function offNodes(t: TrainerState): string[] {
  const hidden = t.trace?.forward?.hidden;
  if (t.setup.activation !== 'relu' || !hidden) return [];
  return hidden.flatMap((v, j) => (v <= 0 ? [`h${j}`] : []));
}

/**
 * Whether the error is running away: Infinity or NaN, or (over the last stretch of at least three
 * iterations) rising every iteration to above where it started. A diverging run is never a plateau.
 */
export function diverging(errors: { readonly length: number; at(i: number): number | undefined }): boolean {
  const last = errors.at(errors.length - 1);
  if (last === undefined) return false;
  if (!Number.isFinite(last)) return true;
  const span = Math.min(10, errors.length - 1);
  if (span < 2) return false;
  const first = errors.at(errors.length - 1 - span)!;
  for (let i = errors.length - span; i < errors.length; i++) if (!(errors.at(i)! > errors.at(i - 1)!)) return false;
  return last > first && last > errors.at(0)!;
}

/** How the run ended, as a sentence: learned, stuck on a plateau, memorised (held-out error high), or diverged. */
export function outcome(t: TrainerState): string {
  const errors = t.errors;
  const last = errors.last();
  if (last === undefined) return 'No iteration finished yet.';
  if (!Number.isFinite(last)) return `The error diverged to ${n(last)}: alpha ${t.setup.alpha} is too large for this data.`;
  if (diverging(errors)) return `The error diverged: it rose every iteration, to ${n(last)}; alpha ${t.setup.alpha} is too large for this data.`;
  const held = t.heldOutErrors.last();
  if (held !== undefined && last < 0.01 && held > 0.1) return `Trained rows' error ${n(last)}, held-out ${n(held)}: memorised.`;
  const back = errors.at(errors.length - 11);
  if (back !== undefined && last > 0.1 && back - last < 0.02 * last) {
    // The chart's dotted floor: where it is above 0, no weights of a single layer can do better.
    const floor = singleLayerFloor(t.setup);
    if (floor <= 1e-6) return `The error levelled off at ${n(last)}: a plateau above 0.`;
    // Short, so that at 80 columns the lesson keeps its line; the chart's legend names the dotted line.
    return `A plateau at ${n(last)}; no single layer gets below ${n(floor)}.`;
  }
  if (last < 0.01) return `Learned: the error is down to ${n(last)}.`;
  return `The error is ${n(last)} and still falling.`;
}

function phaseCaption(s: SessionState): string {
  const t = s.trainer;
  const tr = t.trace;
  if (!tr) return 'Nothing has been trained yet.';
  const deep = t.weights.layers === 3;
  const delta = deep ? 'layer_2_delta' : 'delta';
  switch (t.lastPhase) {
    case 'predict': {
      const p = n(tr.forward!.prediction);
      if (!deep) return `Predict: row ${tr.row}'s lamps times the weights, summed, give ${p} (goal ${goal(tr.goal)}).`;
      if (t.setup.activation === 'linear') return `Predict: row ${tr.row} flows to ${p}; with no activation every node passes its sum.`;
      const off = offNodes(t);
      if (off.length === 0) return `Predict: row ${tr.row} flows to ${p}; every hidden node is on (all sums above 0).`;
      return `Predict: row ${tr.row} flows to ${p}; relu switches ${list(off)} off (value 0).`;
    }
    case 'compare': {
      const d = tr.delta!;
      const verdict = d > 0 ? 'too high' : d < 0 ? 'too low' : 'spot on';
      return `Compare: predicted ${n(tr.forward!.prediction)}, goal ${goal(tr.goal)}: error ${n(tr.error!)}, ${delta} ${signed(d)} (${verdict}).`;
    }
    case 'backpropagate':
      return t.setup.activation === 'relu'
        ? 'Backpropagate: layer_1_delta = layer_2_delta × weights_1_2, and 0 at off nodes.'
        : 'Backpropagate: layer_1_delta = layer_2_delta × weights_1_2: every node shares.';
    case 'update': {
      const size = rowsPerUpdate(t.setup);
      if (deep && tr.applied === false) return `Update: row ${tr.row}'s weight deltas join the batch (${t.pendingCount} of ${size}); the weights wait.`;
      if (deep && size > 1) return "Update: the batch's weight deltas, averaged, move both weight matrices at once.";
      if (deep) return 'Update: each weight matrix moves by -α × its input layer × its delta.';
      if (tr.applied === false) return `Update: row ${tr.row}'s deltas join the batch (${t.pendingCount} of ${size}); the weights wait.`;
      if (size > 1) return "Update: batch complete; its rows' averaged deltas move the weights at once.";
      const unlit = tr.input.flatMap((x, i) => (x === 0 ? [`w${i}`] : []));
      const rest =
        unlit.length === 0
          ? 'every lamp is lit, so every weight moves'
          : `${list(unlit)} stay${unlit.length === 1 ? 's' : ''} put (${unlit.length === 1 ? 'its lamp is' : 'their lamps are'} off)`;
      return `Update: weight -= α × input × delta; ${rest}.`;
    }
    default:
      return 'Nothing has been trained yet.';
  }
}

function stepCaption(s: SessionState, step: string): string {
  const t = s.trainer;
  if (t.done && (step === 'end' || step === 'iteration' || step === 'play')) return `Finished ${t.iteration} iterations. ${outcome(t)}`;
  if (step === 'phase') return phaseCaption(s);
  if (step === 'row') {
    const tr = t.trace!;
    const moved = tr.applied === false ? 'its deltas wait for the batch' : 'the weights moved';
    return `Row ${tr.row}: predicted ${n(tr.forward!.prediction)} for goal ${goal(tr.goal)}, error ${n(tr.error!)}; ${moved}.`;
  }
  const e = t.errors.last();
  if (step === 'play') return `Playing at ${speedText(SPEEDS[s.speed]!)}: iteration ${t.iteration}${e === undefined ? '' : `, error ${n(e)}`}.`;
  if (e !== undefined && (!Number.isFinite(e) || diverging(t.errors))) return `Iteration ${t.iteration}: the error is diverging (${n(e)}); alpha ${t.setup.alpha} is too large here.`;
  // A whole iteration: its summed error, and which way it went.
  const before = t.errors.at(t.errors.length - 2);
  const trend = e === undefined || before === undefined ? '' : e < before ? `, down from ${n(before)}` : e > before ? `, up from ${n(before)}` : ', unchanged';
  const rows = t.setup.trainRows.length;
  return `Iteration ${t.iteration}: error ${e === undefined ? '?' : n(e)} over ${rows} row${rows === 1 ? '' : 's'}${trend}.`;
}

export function captionFor(session: SessionState): string[] {
  const t = session.trainer;
  const last = session.last;
  const where = t.trace && t.lastPhase ? `now after ${t.lastPhase} on row ${t.trace.row}` : 'back at the start';
  let first: string;
  switch (last.kind) {
    case 'opened': {
      const { title, summary } = session.scenario;
      const both = summary ? `${title}: ${summary}` : title;
      first = both.length <= 80 ? both : summary;
      break;
    }
    case 'step':
      first = stepCaption(session, last.step);
      break;
    case 'back':
      first = `Back one step, restored exactly: ${where}.`;
      break;
    case 'back-at-start':
      first = 'Nothing to go back to: this is the start.';
      break;
    case 'reset':
      first = 'Reset: the same starting weights; training begins again.';
      break;
    case 'mode':
      first = `Mode ${last.mode}: ${MODE_TEXT[last.mode](rowsPerUpdate(t.setup))}; restarted from the same weights.`;
      break;
    case 'activation':
      first =
        last.activation === 'relu'
          ? 'relu on: hidden sums below 0 switch their node off; restarted from the start.'
          : 'No activation: the hidden layer only mixes the lamps; restarted from the start.';
      break;
    case 'not-available':
      first =
        last.what === 'mode'
          ? `g switches gradient descent on 2-layer nets; this 3-layer net stays ${t.setup.mode}.`
          : last.what === 'activation'
            ? 'a switches relu on 3-layer nets; a 2-layer net has no hidden layer.'
            : 'No row is held out: every row already trains.';
      break;
    case 'finished':
      first = `Finished ${t.iteration} iterations. ${outcome(t)}`;
      break;
    case 'train-row':
      first = `Row ${last.row} joins the training rows: its pushes reach the weights again, and the equilibrium breaks.`;
      break;
    case 'view':
      first = `The side view now shows ${VIEW_NAMES[shownViews(session).side]} (v for the next).`;
      break;
    case 'network-page':
      first =
        session.networkPage === 'forward'
          ? 'The network shows its forward lines: the weights and the values the prediction flows through (w for the way back).'
          : 'The network shows the way back: each node\'s share of the error, the relu mask, the deltas and weight deltas (w for forward).';
      break;
    case 'running': {
      const run = session.running;
      first = run
        ? `Running to the end: iteration ${run.iteration} of ${t.setup.iterations}. Any key stops it at the end of an iteration.`
        : `Finished ${t.iteration} iterations. ${outcome(t)}`;
      break;
    }
    case 'stopped':
      first = `Stopped after iteration ${t.iteration} of ${t.setup.iterations}; b steps back through the run.`;
      break;
    case 'speed':
      first = `Play speed ${speedText(SPEEDS[session.speed]!)}${session.playing ? '' : ' (p plays)'}.`;
      break;
    case 'marker':
      first = session.recording
        ? `Marker ${session.markers} added to the recording.`
        : 'Nothing is being recorded: start with --record FILE.cast to keep markers.';
      break;
  }
  return [first, lessonFor(session)];
}
