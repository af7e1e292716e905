/** A talk through the built CLI: the clicker keys move between stops, back to the exact screen; a recording marks each stop. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, markersOf, parseCastStrict, runCli, tempDir } from '../support/index.js';

ensureBuilt();
const tmp = tempDir();
const screen = (keys: string, size = '80x24') => {
  const run = runCli(['--talk', 'chapter-6', '--keys', keys, '--size', size]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
};

describe('--talk chapter-6', () => {
  it('opens at stop 1 with its note, PageDown goes on, PageUp comes back to the same screen', () => {
    const first = screen('');
    expect(first.split('\n')[0]).toMatch(/^single-light {2}iter 3\/20/);
    expect(first).toContain("Stop 1/9: One light: lamps [1 0 1] mean STOP. Each iteration moves the lit");
    expect(first.trimEnd().split('\n').at(-1)).toMatch(/^PgDn PgUp stops {2}s phase/);
    const second = screen('pagedown');
    expect(second.split('\n')[0]).toMatch(/^whole-dataset {2}iter 1\/40/);
    expect(second).toContain('Stop 2/9: All six lights');
    // Back, after stepping at stop 2 and at stop 1: exactly the first screen.
    expect(screen('s s pagedown space pageup')).toBe(first);
    expect(screen('pagedown pagedown pageup')).toBe(second);
  });

  it('a recorded talk marks each arrival with the stop and its note', () => {
    const file = path.join(tmp.dir, 'talk.cast');
    expect(runCli(['--talk', 'chapter-6', '--keys', 'pagedown space pageup', '--record', file]).status).toBe(0);
    const markers = markersOf(parseCastStrict(readFileSync(file, 'utf8')));
    expect(markers).toEqual([
      'stop 1/9 · One light: lamps [1 0 1] mean STOP. Each iteration moves the lit lamps\' weights, and the prediction creeps up to 0.',
      'stop 2/9 · All six lights, a weight update after every row. Only the middle lamp goes with WALK: watch its weight climb.',
      expect.stringMatching(/^whole-dataset · iteration 2 · error /),
      expect.stringMatching(/^stop 1\/9 · One light/),
    ]);
  });
});
