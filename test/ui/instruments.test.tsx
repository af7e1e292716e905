/**
 * The instruments on screen: what the inspector, the lights editor and the comparison draw, with the
 * engine's numbers (each checked against the engine's state, written as the inspector writes them), at
 * 80x24 and 120x40, in colour and in plain ASCII, within the terminal.
 */
import { describe, expect, it } from 'vitest';
import { lastUpdate, nextUpdate, weightAt } from '../../src/engine/inspect.js';
import type { AppState } from '../../src/session/app.js';
import { cursorFor, inspection } from '../../src/session/inspect.js';
import type { Size } from '../../src/terminal/size.js';
import { factor, product, term } from '../../src/ui/format/formula.js';
import { num } from '../../src/ui/format/numbers.js';
import { CompareScreen } from '../../src/ui/screens/compareScreen.js';
import { TrainingScreen } from '../../src/ui/screens/trainingScreen.js';
import { toAscii, type Theme } from '../../src/ui/theme.js';
import { BUILT_IN_IDS, COLOR, PLAIN, THEMES, appAfter, frameAt, isPrintableAscii, lines, stringAt, widthOf } from './helpers.js';

/** The screen the root component draws for this app state. */
function screen(app: AppState, theme: Theme, size: Size) {
  const session = app.session!;
  return app.compare ? (
    <CompareScreen app={app} session={session} compare={app.compare} theme={theme} size={size} />
  ) : (
    <TrainingScreen app={app} session={session} theme={theme} size={size} />
  );
}

const SIZES: Size[] = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
];
const at80 = SIZES[0]!;

function expectFits(app: AppState, what: string) {
  for (const size of [...SIZES, { columns: 60, rows: 20 }]) {
    for (const [, theme] of THEMES) {
      const frame = stringAt(screen(app, theme, size), size.columns);
      const rows = lines(frame);
      expect(rows.length, `${what} at ${size.columns}x${size.rows}`).toBeLessThanOrEqual(size.rows - 1);
      for (const line of rows) expect(widthOf(line), `${what}: ${line}`).toBeLessThanOrEqual(size.columns);
      if (theme.ascii) expect(isPrintableAscii(frame), what).toBe(true);
    }
  }
}

/** A line as the inspector writes it, for a theme (ASCII: - and x). */
const written = (text: string, theme: Theme) => (theme.ascii ? toAscii(text.replace(/−/g, '-')) : text);

describe('the weight inspector on screen', () => {
  it('single-light after s s s i: 0.5 − 0.1 × 1 × (−0.2) = 0.52 on one line, the cursor on w0', () => {
    for (const [, theme] of THEMES) {
      const frame = frameAt(screen(appAfter('s s s i', 'single-light'), theme, at80), 80);
      const line = lines(frame).find((l) => l.includes(written('0.5 − 0.1 × 1 × (−0.2) = 0.52', theme)));
      expect(line, frame).toBeDefined();
      expect(frame).toContain(theme.ascii ? 'w0>' : 'w0▸');
      expect(frame).toContain('Inspect w0');
      expect(frame).toContain(written('w0 = w0 − α × input × delta', theme));
    }
  });

  // States across nets and modes; each shows its last update with the engine's numbers.
  const CASES: [string, string][] = [
    ['whole-dataset', 'n n n i right'],
    ['whole-dataset', 'space s s s i down down'],
    ['deep-net', 'space n i down right'],
    ['deep-net', 'space n i down down down right right'],
    ['linear-deep', 'n n i right'],
    ['attribution', 'n i down'],
  ];
  it.each(CASES)('%s after %s: the last update’s numbers are the engine’s', (id, keys) => {
    const app = appAfter(keys, id);
    const t = app.session!.trainer;
    const ref = cursorFor(app.inspect!, t.weights);
    const last = lastUpdate(t);
    if (last.kind !== 'update') throw new Error('no update to show');
    const row = last.rows[0]!;
    const [x, d] =
      ref.layer === 'weights'
        ? [row.input[ref.index]!, row.delta]
        : ref.layer === 'weights_1_2'
          ? [row.forward.hidden![ref.row]!, row.delta]
          : [row.input[ref.row]!, row.hiddenDelta![ref.col]!];
    const expected = `${term(weightAt(last.before, ref))} − ${factor(last.alpha)} × ${product(x, d)} = ${term(weightAt(last.after, ref))}`;
    expect(weightAt(last.after, ref)).toBe(weightAt(t.weights, ref));
    for (const size of SIZES) {
      const frame = stringAt(screen(app, COLOR, size), size.columns);
      expect(frame, `${size.columns}x${size.rows}`).toContain(expected);
      expect(frame).toContain(`now ${num(weightAt(t.weights, ref), 8, { sign: true, small: true })}`);
    }
  });

  it('batch mode: each row’s term, their mean and the averaged update, all the engine’s', () => {
    const app = appAfter('g n n i right', 'whole-dataset');
    const t = app.session!.trainer;
    const last = lastUpdate(t);
    if (last.kind !== 'update') throw new Error('no update');
    const frame = frameAt(screen(app, COLOR, SIZES[1]!), 120);
    const ref = { layer: 'weights', index: 1 } as const;
    for (const r of last.rows) expect(frame).toContain(`row ${r.row}: ${product(r.input[1]!, r.delta)} = ${term(weightAt(r.deltas, ref))}`);
    expect(frame).toContain(`mean over 2 rows: ${term(weightAt(last.mean, ref))}`);
    expect(frame).toContain(`${term(weightAt(last.before, ref))} − 0.1 × ${factor(weightAt(last.mean, ref))} = ${term(weightAt(t.weights, ref))}`);
    const next = nextUpdate(t)!;
    expect(frame).toContain(`Next update, if trained now: row ${next.term.row}, iteration 1`);
    expect(frame).toContain('joins the batch (1 of 2 rows); w1 waits');
  });

  it('says when there is no update yet, and when the run has finished', () => {
    expect(frameAt(screen(appAfter('i', 'whole-dataset'), COLOR, at80), 80)).toContain('Last update: none yet');
    expect(frameAt(screen(appAfter('e i', 'whole-dataset'), COLOR, at80), 80)).toContain('Next update: none, the run has finished');
  });

  it('draws the weight’s path: the chart’s legend holds its value after the last iteration', () => {
    const app = appAfter('space space space i', 'deep-net');
    const path = inspection(app.session!.trainer, app.live, app.inspect!).path!;
    const frame = frameAt(screen(app, COLOR, SIZES[1]!), 120);
    expect(frame).toMatch(/─ (Path of )?weights_0_1\[0]\[0] ─/);
    expect(frame).toMatch(new RegExp(`iter 3: +${num(path.at(2)!, 8, { small: true })} `));
  });

  it.each(BUILT_IN_IDS)('%s: the inspector fits, in every theme and size', (id) => {
    for (const keys of ['i', 's s i down right', 'space n i down down right', 'e i up']) expectFits(appAfter(keys, id), `${id} after ${keys}`);
  });
});

describe('the lights editor on screen', () => {
  it('brackets the lamp under the cursor and says what Enter will do', () => {
    for (const [, theme] of THEMES) {
      const frame = frameAt(screen(appAfter('d right space', 'whole-dataset'), theme, at80), 80);
      const g = theme.glyphs;
      expect(frame).toContain(`0  ${g.lampOn}[${g.lampOn}]${g.lampOn}  STOP`);
      expect(frame).toContain('Editing row 0, lamp 1 (1 lamp changed). Enter trains on from iteration 1.');
      expect(frame).toContain('Enter apply');
    }
  });

  it('shows added rows and the predictions the current weights make for them', () => {
    const frame = frameAt(screen(appAfter('space d o', 'whole-dataset'), PLAIN, at80), 80);
    expect(frame).toMatch(/> 1 \[\.]\. \.  STOP/);
    expect(frame).toContain('1 row added');
  });

  it.each(BUILT_IN_IDS)('%s: the editor fits, in every theme and size', (id) => {
    for (const keys of ['d', 'n d down right space o o', 'd x x down w', 'd esc']) expectFits(appAfter(keys, id), `${id} after ${keys}`);
  });
});

describe('the comparison on screen', () => {
  it('whole-dataset vs mode=full: each run’s weights and current error, both curves named in one legend', () => {
    for (const [, theme] of THEMES) {
      const app = appAfter('c right right enter space space', 'whole-dataset');
      if (app.compare?.kind !== 'runs') throw new Error('no comparison');
      const frame = frameAt(screen(app, theme, at80), 80);
      const a = app.session!.trainer.errors.last()!;
      const b = app.compare.other.trainer.errors.last()!;
      expect(frame).toMatch(new RegExp(`A  error ${num(a, 8, { small: true })} +iter 2/40 +sgd`));
      expect(frame).toMatch(new RegExp(`B  error ${num(b, 8, { small: true })} +iter 2/40 +full`));
      expect(frame).toContain(`A sgd ${num(a, 7, { small: true })}`);
      expect(frame).toContain(`${theme.glyphs.chartSecond} B full ${num(b, 7, { small: true })}`);
      expect(frame).toContain('Iteration 2: error A (sgd)');
    }
  });

  it('deep-net vs linear at 80x24: all four hidden nodes of both nets, and the linear net’s single layer', () => {
    const app = appAfter('c down down right enter space', 'deep-net');
    const frame = frameAt(screen(app, COLOR, at80), 80);
    expect(lines(frame)[3]).toMatch(/weights_0_1 +h0 +h1 +h2 +h3 +weights_0_1 +h0 +h1 +h2 +h3/);
    expect(frame).toContain('as one layer');
    expect(frame).toContain('B linear');
  });

  it('at 120x40 the full grids, with their extra lines', () => {
    const frame = frameAt(screen(appAfter('c down right enter space', 'deep-net'), COLOR, SIZES[1]!), 120);
    expect(frame.match(/before relu/g)).toHaveLength(2);
    expect(frame.match(/layer_1_delta/g)).toHaveLength(2);
  });

  it('the menu lists the settings that apply, with A’s and B’s values', () => {
    const frame = frameAt(screen(appAfter('c right', 'whole-dataset'), COLOR, at80), 80);
    expect(frame).toContain('Compare with a second run');
    expect(frame).toMatch(/▸ mode +A sgd +B batch +changed/);
    expect(frame).not.toContain('activation');
    const deep = frameAt(screen(appAfter('c', 'deep-net'), COLOR, at80), 80);
    for (const name of ['mode', 'alpha', 'activation', 'hidden', 'seed', 'batch-size', 'iterations']) expect(deep).toContain(name);
  });

  it.each(BUILT_IN_IDS)('%s: the comparison fits, in every theme and size', (id) => {
    for (const keys of ['c', 'c down right enter', 'c down right enter s s', 'c right enter n space', 'c right enter e', 'c down right enter ?']) {
      expectFits(appAfter(keys, id), `${id} after ${keys}`);
    }
  });
});

describe('a comparison after its first iteration', () => {
  it('draws both runs in the chart, each a single point so far', () => {
    for (const [, theme] of THEMES) {
      const frame = frameAt(screen(appAfter('c down down right enter space', 'deep-net'), theme, at80), 80);
      const plot = frame.split('\n').filter((l) => /^ *-?[\d.]+[┤┼|+]/.test(l) || /^ *-?[\d.]+[|+]/.test(l));
      // B (linear) is far above A: its glyph stands right of the axis on its own row.
      expect(plot.some((l) => new RegExp(`^ *[\\d.]+[┤|]${theme.glyphs.chartSecond.replace(/[*+.]/g, '\\$&')}`).test(l))).toBe(true);
    }
  });
});
