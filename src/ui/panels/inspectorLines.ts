/**
 * The inspector's text: the arithmetic of one weight's last update and of the next one, written with
 * the engine's numbers (session/inspect.ts gathers them) under the book's names. Pure: lines of text,
 * each with a rank, so the panel can leave out the least needed first when it is short of lines
 * (the names written out go before the numbers do).
 */
import type { NextUpdate, RowTerm, WeightRef } from '../../engine/inspect.js';
import { weightAt } from '../../engine/inspect.js';
import type { TrainingSetup, Weights } from '../../engine/types.js';
import type { Inspection } from '../../session/inspect.js';
import { weightName } from '../../session/inspect.js';
import { factor, product, term } from '../format/formula.js';

export interface InspectorLine {
  readonly text: string;
  /** A heading ("Last update …"), drawn as a label. */
  readonly heading?: boolean;
  /** 0: always kept; higher ranks are left out first when lines are short. */
  readonly rank: number;
  /** A heading's short form, which can lead the line after it when lines are short: "Last, row 0:". */
  readonly lead?: string;
}

/** The names of what multiplies α for this weight, and their values in one row's term. */
function parts(ref: WeightRef, t: RowTerm): { input: string; delta: string; x: number; d: number } {
  if (ref.layer === 'weights') return { input: 'input', delta: 'delta', x: t.input[ref.index]!, d: t.delta };
  if (ref.layer === 'weights_1_2') return { input: `layer_1[${ref.row}]`, delta: 'layer_2_delta', x: t.forward.hidden![ref.row]!, d: t.delta };
  return { input: `layer_0[${ref.row}]`, delta: `layer_1_delta[${ref.col}]`, x: t.input[ref.row]!, d: t.hiddenDelta![ref.col]! };
}

/** weights_0_1: how the row's layer_1_delta of the weight's hidden node came about. */
function hiddenDeltaLines(ref: WeightRef, t: RowTerm, setup: TrainingSetup, indent: string): InspectorLine[] {
  if (ref.layer !== 'weights_0_1' || t.weights.layers !== 3) return [];
  const h = ref.col;
  const w12 = t.weights.weights_1_2[h]![0]!;
  const relu = setup.activation === 'relu';
  const names = `layer_1_delta[${h}] = layer_2_delta × weights_1_2[${h}]${relu ? ` × relu2deriv(layer_1[${h}])` : ''}`;
  const values = [term(t.delta), ...(relu ? [w12, t.slope![h]!] : [w12]).map(factor)].join(' × ');
  return [
    { text: `${indent}${names}`, rank: 3 },
    { text: `${indent}${values} = ${term(t.hiddenDelta![h]!)}${relu && t.slope![h] === 0 ? ' (relu: node off)' : ''}`, rank: 2 },
  ];
}

function rowsText(rows: readonly RowTerm[]): string {
  const first = rows[0]!.row;
  const last = rows[rows.length - 1]!.row;
  const consecutive = rows.every((r, i) => r.row === first + i);
  return rows.length === 1 ? `row ${first}` : consecutive ? `rows ${first}–${last}` : `${rows.length} rows`;
}

/** `w − α × x × d = new` with the numbers, and the names above it (a 3-layer weight is `w` there: the title names it). */
function updateLines(name: string, ref: WeightRef, t: RowTerm, before: number, alpha: number, after: number, indent: string): InspectorLine[] {
  const p = parts(ref, t);
  return [
    { text: `${indent}${name} = ${name} − α × ${p.input} × ${p.delta}`, rank: 3 },
    { text: `${indent}${term(before)} − ${factor(alpha)} × ${product(p.x, p.d)} = ${term(after)}`, rank: 0 },
  ];
}

/** A batch's update: each row's term, their mean, and `w − α × mean = new`. */
function batchLines(name: string, ref: WeightRef, rows: readonly RowTerm[], mean: Weights, before: number, alpha: number, after: number): InspectorLine[] {
  const first = parts(ref, rows[0]!);
  const m = weightAt(mean, ref);
  return [
    { text: `  ${name} = ${name} − α × mean(${first.input} × ${first.delta})`, rank: 3 },
    ...rows.map((r) => {
      const p = parts(ref, r);
      return { text: `  row ${r.row}: ${product(p.x, p.d)} = ${term(weightAt(r.deltas, ref))}`, rank: 4 };
    }),
    { text: `  mean over ${rows.length} rows: ${term(m)}`, rank: 1 },
    { text: `  ${term(before)} − ${factor(alpha)} × ${factor(m)} = ${term(after)}`, rank: 0 },
  ];
}

/** The weight in a formula: `w1` for a 2-layer net, `w` in a 3-layer one (the panel's title names it in full). */
function symbol(ref: WeightRef): string {
  return ref.layer === 'weights' ? weightName(ref) : 'w';
}

function lastLines(i: Inspection, setup: TrainingSetup): InspectorLine[] {
  const name = symbol(i.ref);
  const last = i.last;
  if (last.kind === 'none') return [{ text: 'Last update: none yet (the first comes at the first update step)', heading: true, rank: 0 }];
  if (last.kind === 'changed-since') return [{ text: 'Last update: made before a live change; the next step shows one', heading: true, rank: 0 }];
  const before = weightAt(last.before, i.ref);
  const after = weightAt(last.after, i.ref);
  const heading = { text: `Last update: ${rowsText(last.rows)}, iteration ${last.iteration}`, heading: true, rank: 1, lead: `Last, ${rowsText(last.rows)}:` };
  if (last.rows.length === 1 && setup.mode === 'sgd') {
    const t = last.rows[0]!;
    return [heading, ...hiddenDeltaLines(i.ref, t, setup, '  '), ...updateLines(name, i.ref, t, before, last.alpha, after, '  ')];
  }
  return [{ ...heading, text: `${heading.text}, averaged` }, ...batchLines(name, i.ref, last.rows, last.mean, before, last.alpha, after)];
}

function nextLines(i: Inspection, next: NextUpdate | undefined, setup: TrainingSetup): InspectorLine[] {
  if (!next) return [{ text: 'Next update: none, the run has finished', heading: true, rank: 0 }];
  const name = symbol(i.ref);
  const t = next.term;
  const heading = { text: `Next update, if trained now: row ${t.row}, iteration ${next.iteration}`, heading: true, rank: 1, lead: `Next, row ${t.row}:` };
  const now = weightAt(t.weights, i.ref);
  const p = parts(i.ref, t);
  const hidden = hiddenDeltaLines(i.ref, t, setup, '  ').map((l) => ({ ...l, rank: l.rank + 1 }));
  if (next.size === 1) return [heading, ...hidden, ...updateLines(name, i.ref, t, now, setup.alpha, weightAt(next.after, i.ref), '  ').map((l) => ({ ...l, rank: l.rank === 0 ? 0 : 4 }))];
  const joins = { text: `  ${p.input} × ${p.delta} = ${product(p.x, p.d)} = ${term(weightAt(t.deltas, i.ref))}`, rank: 2 };
  if (!next.closes || !next.mean) {
    return [heading, ...hidden, joins, { text: `  joins the batch (${next.waiting + 1} of ${next.size} rows); ${name} waits`, rank: 0 }];
  }
  const m = weightAt(next.mean, i.ref);
  return [
    heading,
    ...hidden,
    joins,
    { text: `  closes the batch: mean over ${next.waiting + 1} rows ${term(m)}`, rank: 1 },
    { text: `  ${term(now)} − ${factor(setup.alpha)} × ${factor(m)} = ${term(weightAt(next.after, i.ref))}`, rank: 0 },
  ];
}

/** Every line of the inspector's text, top to bottom. */
export function inspectorLines(i: Inspection, setup: TrainingSetup): InspectorLine[] {
  const last = lastLines(i, setup);
  // The names written out once are enough: the next update's are left out when they repeat the last's.
  const said = new Set(last.filter((l) => l.rank > 0).map((l) => l.text));
  return [...last, ...nextLines(i, i.next, setup).filter((l) => l.rank === 0 || !said.has(l.text))];
}
