/**
 * Key flows through the whole app for each instrument, as a person drives them (test/support/app.tsx):
 * enter the mode, act in it, leave it, and go back through what it did. W and X run their real effect
 * handlers, writing into a temporary folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { instrumentEffects } from '../../src/run/instrumentEffects.js';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { loadScenarioFile } from '../../src/scenarios/loader.js';
import { initialApp } from '../../src/session/app.js';
import { App } from '../../src/ui/app.js';
import { createTheme } from '../../src/ui/theme.js';
import { KEY, manualScheduler, startApp } from '../support/app.js';
import { tempDir } from '../support/cli.js';
import { untilQuiet, waitFor } from '../support/wait.js';

const size = { columns: 80, rows: 24 };

describe('the inspector through the app', () => {
  test('i opens it on w0, arrows move the cursor, s still steps, b goes back, Esc closes it', async () => {
    const { press, frame, status } = await startApp({ scenario: 'single-light', ...size });
    await press('s', 's', 's', 'i');
    expect(frame()).toContain('0.5 − 0.1 × 1 × (−0.2) = 0.52');
    expect(frame()).toContain('w0▸');
    await press('right');
    expect(frame()).toContain('Inspect w1');
    expect(frame()).toContain('w1▸');
    await press('s');
    expect(status()).toMatch(/iter 2\/20 +row 0 \(of 1\) +predict/);
    expect(frame()).toContain('Inspect w1');
    await press('b');
    expect(status()).toMatch(/iter 1\/20/);
    await press('esc');
    expect(frame()).not.toContain('Inspect');
    expect(frame()).toMatch(/─ Error( per iteration)? ─/);
  });
});

describe('the lights editor through the app', () => {
  test('d right space enter turns on row 0’s middle lamp; b goes back through the edit', async () => {
    const { press, frame } = await startApp({ scenario: 'whole-dataset', ...size });
    await press('d');
    expect(frame()).toContain('Editing row 0, lamp 0');
    await press('right', 'space');
    expect(frame()).toMatch(/▸ 0  ●\[●]●  STOP/);
    await press('enter');
    expect(frame()).toMatch(/ 0  ● ● ●  STOP/);
    expect(frame()).toContain('Applied (1 lamp changed)');
    await press('b');
    expect(frame()).toMatch(/ 0  ● ○ ●  STOP/);
  });

  test('d w enter makes row 0 WALK; Esc with edits asks once more', async () => {
    const { press, frame } = await startApp({ scenario: 'whole-dataset', ...size });
    await press('d', 'w', 'enter');
    expect(frame()).toMatch(/ 0  ● ○ ●  WALK/);
    await press('d', 'x', 'esc');
    expect(frame()).toContain('Esc again discards the changes (1 row deleted)');
    await press('esc');
    expect(frame()).toContain('Edits discarded');
    expect(frame()).toMatch(/ 5  ● ○ ●  STOP/);
  });
});

describe('the alpha ladder through the app', () => {
  test('] raises alpha from the next iteration and says so; [ lowers it; b undoes', async () => {
    const { press, frame, status } = await startApp({ scenario: 'whole-dataset', ...size });
    await press('space', ']');
    expect(status()).toContain('α 0.2');
    expect(frame()).toContain('α 0.1 → 0.2 from iteration 2 on');
    await press('[', '[');
    expect(status()).toContain('α 0.05');
    await press('b');
    expect(status()).toContain('α 0.1');
  });
});

describe('comparing through the app', () => {
  test('c opens the menu; right right enter compares sgd with full; space moves both; b and Esc', async () => {
    const { press, frame, status } = await startApp({ scenario: 'whole-dataset', ...size });
    await press('c');
    expect(frame()).toContain('Compare with a second run');
    await press('right', 'right', 'enter');
    expect(frame()).toMatch(/A {2}error/);
    expect(frame()).toMatch(/B {2}error/);
    await press('space', 'space');
    expect(frame()).toMatch(/A {2}error \S+ +iter 2\/40 +sgd/);
    expect(frame()).toMatch(/B {2}error \S+ +iter 2\/40 +full/);
    await press('b');
    expect(frame()).toMatch(/B {2}error \S+ +iter 1\/40/);
    await press('esc');
    expect(frame()).toContain('Left the comparison');
    expect(status()).toMatch(/iter 1\/40/);
    expect(frame()).toContain('Street lights');
  });

  test('--compare opens the comparison at once; p plays both', async () => {
    const { scheduler, tick } = manualScheduler();
    const { press, frame, settle } = await startApp({ scenario: 'deep-net', compare: { activation: 'linear' }, scheduler, ...size });
    expect(frame()).toContain('B linear');
    await press('+', '+', '+', '+', '+', 'p');
    for (let i = 0; i < 4; i++) tick();
    await settle();
    await press('p');
    const a = /A {2}error \S+ +iter (\d+)/.exec(frame())![1];
    const b = /B {2}error \S+ +iter (\d+)/.exec(frame())![1];
    expect(Number(a)).toBeGreaterThan(1);
    expect(b).toBe(a);
  });
});

describe('W and X through the app', () => {
  async function startWithEffects(id: string, cwd: string) {
    const app = render(
      <App
        initial={initialApp(BUILT_INS, { open: findBuiltIn(id) })}
        theme={createTheme({ color: false, ascii: false })}
        scheduler={manualScheduler().scheduler}
        effects={instrumentEffects(cwd)}
      />,
    );
    Object.defineProperty(app.stdout, 'columns', { get: () => 100, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { get: () => 30, configurable: true });
    app.stdout.emit('resize');
    await waitFor('Ink to read keys', () => (app.stdin.listenerCount('readable') > 0 ? true : undefined), 5000);
    const settle = () => untilQuiet(() => app.frames.length);
    await settle();
    const press = async (...keys: string[]) => {
      for (const key of keys) {
        app.stdin.write((KEY as Record<string, string>)[key] ?? key);
        await settle();
      }
      return app.lastFrame() ?? '';
    };
    return { press, unmount: () => app.unmount() };
  }

  test('X writes ./<scenario>-run.py and says where; W saves the edited lights as a scenario that loads', async () => {
    const { dir } = tempDir();
    const { press, unmount } = await startWithEffects('whole-dataset', dir);
    try {
      expect(await press('X')).toContain('Wrote ./whole-dataset-run.py');
      expect(readFileSync(path.join(dir, 'whole-dataset-run.py'), 'utf8')).toMatch(/^# The whole dataset \(scenario whole-dataset\)/);
      await press('d', 'w');
      expect(await press('W')).toContain('Saved scenarios/whole-dataset-edited.json');
      const saved = await loadScenarioFile(path.join(dir, 'scenarios', 'whole-dataset-edited.json'));
      expect(saved.data.labels[0]).toBe(1);
      expect(await press('W')).toContain('Saved scenarios/whole-dataset-edited-2.json');
      expect(existsSync(path.join(dir, 'scenarios', 'whole-dataset-edited-2.json'))).toBe(true);
    } finally {
      unmount();
    }
  });
});
