/**
 * Random key sequences through the app reducer and the real keymap, drawing the screen after every key:
 * whatever order the instruments' keys come in (mid-row, mid-batch, after a live change, while
 * comparing, over the help), nothing throws and every frame fits the terminal.
 */
import { describe, expect, it } from 'vitest';
import { mersenneTwister } from '../../src/engine/random.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { appReducer, initialApp, type AppState } from '../../src/session/app.js';
import { CompareScreen } from '../../src/ui/screens/compareScreen.js';
import { TrainingScreen } from '../../src/ui/screens/trainingScreen.js';
import { COLOR, lines, stringAt, widthOf } from './helpers.js';

// Weighted toward the keys that change things, so edits get applied and comparisons started mid-row.
const KEYS = ['s', 's', 'n', 'n', 'space', 'b', 'b', 'e', 'r', 'i', 'd', 'd', 'c', '[', ']', 'up', 'down', 'left', 'right', 'enter', 'enter', 'esc', 'w', 'w', 'o', 'x', 'space', 'g', 'a', 'l', '?', 'X', 'W'];

function draw(app: AppState): string {
  const size = { columns: 80, rows: 24 };
  if (!app.session || app.screen !== 'training') return '';
  const node = app.compare ? (
    <CompareScreen app={app} session={app.session} compare={app.compare} theme={COLOR} size={size} />
  ) : (
    <TrainingScreen app={app} session={app.session} theme={COLOR} size={size} />
  );
  return stringAt(node, size.columns);
}

describe('random keys through the instruments', () => {
  it('a change applied after a row step leaves a caption that needs no row (n d w enter, then l)', () => {
    let app = initialApp(BUILT_INS, { open: findBuiltIn('whole-dataset') });
    for (const name of ['n', 'd', 'w', 'enter', 'l']) app = appReducer(app, { type: 'key', name });
    expect(draw(app)).toContain('the middle weight wins');
  });

  it.each(['single-light', 'whole-dataset', 'batch-gd', 'overfit', 'deep-net', 'attribution', 'dimmer-lights'])('%s: 200 keys, a frame after each', (id) => {
    const rng = mersenneTwister(id.length * 7919);
    let app = initialApp(BUILT_INS, { open: findBuiltIn(id) });
    const typed: string[] = [];
    for (let k = 0; k < 200; k++) {
      const name = KEYS[Math.floor(rng.nextDouble() * KEYS.length)]!;
      typed.push(name);
      // Esc on the plain training screen goes to the picker: open the scenario again.
      app = appReducer(app, { type: 'key', name });
      if (app.screen !== 'training') app = appReducer(app, { type: 'open', scenario: findBuiltIn(id)! });
      while (app.session?.running || (app.compare?.kind === 'runs' && app.compare.other.running)) app = appReducer(app, { type: 'run-slice' });
      app = { ...app, effects: [] };
      let frame = '';
      expect(() => (frame = draw(app)), typed.join(' ')).not.toThrow();
      const rows = lines(frame);
      expect(rows.length, typed.join(' ')).toBeLessThanOrEqual(23);
      for (const line of rows) expect(widthOf(line), typed.join(' ')).toBeLessThanOrEqual(80);
    }
  });
});
