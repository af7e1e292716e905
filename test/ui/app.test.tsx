/**
 * Key flows through the whole app, as a person drives it: the root component with the real reducer,
 * keymap and screens, rendered by ink-testing-library, keys written to its stdin (test/support/app.tsx).
 */
import { describe, expect, test } from 'vitest';
import { BUILT_INS } from '../../src/scenarios/builtins.js';
import { manualScheduler, startApp } from '../support/app.js';
import { waitFor } from '../support/wait.js';

describe('the picker', () => {
  test('lists every built-in, opens the highlighted one with Enter, and Esc comes back', async () => {
    const { frame, press, status, markers } = await startApp({ recording: true });
    for (const s of BUILT_INS) expect(frame()).toContain(s.id);
    await press('down', 'enter');
    expect(status()).toMatch(/^whole-dataset\s+iter 0\/40/);
    expect(markers).toEqual(['whole-dataset · opened']);
    await press('esc');
    await waitFor('the picker', () => (frame().includes('Enter open') ? true : undefined));
    expect(frame()).toContain('deep-net');
    expect(frame()).toMatch(/▸ whole-dataset/);
  });

  test('q on the picker quits', async () => {
    const { press, listening } = await startApp();
    expect(listening()).toBe(true);
    await press('q');
    await waitFor('the app to stop reading keys', () => (listening() ? undefined : true));
  });

  test('a burst of 8 Downs moves 8 rows, and "jj" two more back up with kk', async () => {
    const { burst, frame } = await startApp({ columns: 80, rows: 24 });
    await burst(...Array(8).fill('down'));
    expect(frame()).toMatch(new RegExp(`▸ ${BUILT_INS[8]!.id}`));
    await burst('k', 'k');
    expect(frame()).toMatch(new RegExp(`▸ ${BUILT_INS[6]!.id}`));
    await burst('j', 'j');
    expect(frame()).toMatch(new RegExp(`▸ ${BUILT_INS[8]!.id}`));
  });

  test('survives 20 Downs at 80x16 and when shrunk to 80x12: the list scrolls, the highlight stays in view', async () => {
    const { press, frame, resize } = await startApp({ columns: 80, rows: 16 });
    for (let i = 0; i < 20; i++) await press('down');
    const last = BUILT_INS[BUILT_INS.length - 1]!.id;
    expect(frame()).toMatch(new RegExp(`▸ ${last}`));
    expect(frame().split('\n').length).toBeLessThanOrEqual(15);
    await resize(80, 12);
    expect(frame()).toMatch(new RegExp(`▸ ${last}`));
    expect(frame().split('\n').length).toBeLessThanOrEqual(11);
    await press('home');
    expect(frame()).toMatch(new RegExp(`▸ ${BUILT_INS[0]!.id}`));
    await press('end');
    expect(frame()).toMatch(new RegExp(`▸ ${last}`));
  });

  test('? shows the picker keys; keys wait behind it', async () => {
    const { press, frame } = await startApp();
    await press('?');
    expect(frame()).toContain('next scenario');
    await press('down', 'enter');
    expect(frame()).toContain('next scenario');
    await press('?');
    expect(frame()).toMatch(/▸ single-light/);
  });
});

describe('training keys', () => {
  test('s steps a phase, n a row, space an iteration; b goes back exactly; rows are numbered from 0', async () => {
    const { press, status, frame } = await startApp({ scenario: 'deep-net' });
    expect(status()).toMatch(/iter 0\/60/);
    await press('s');
    expect(status()).toMatch(/row 0 \(of 4\)\s+phase predict/);
    await press('s');
    expect(status()).toMatch(/phase compare/);
    await press('n');
    expect(status()).toMatch(/row 0 \(of 4\)\s+phase update/);
    const afterRow = await press('space');
    expect(status()).toMatch(/iter 1\/60\s+row 3 \(of 4\)\s+phase update/);
    await press('space');
    expect(status()).toMatch(/iter 2\/60/);
    const backOnce = await press('b');
    expect(status()).toMatch(/iter 1\/60\s+row 3 \(of 4\)/);
    expect(backOnce.split('\n').slice(0, 12)).toEqual(afterRow.split('\n').slice(0, 12));
    expect(frame()).toBeTruthy();
  });

  test('after "space space n s" every place names row 0 the same way', async () => {
    const { press, frame, status } = await startApp({ scenario: 'whole-dataset' });
    await press('space', 'space', 'n', 's');
    expect(status()).toMatch(/row 1 \(of 6\)/);
    expect(frame()).toMatch(/▸ 1 /);
    expect(frame()).toContain('row 1 ');
  });

  test('e runs to the end (60/60) and r resets to the same start', async () => {
    const { frame, press, status } = await startApp({ scenario: 'deep-net' });
    const first = frame();
    await press('e');
    expect(status()).toMatch(/iter 60\/60/);
    expect(status()).toContain('finished');
    await press('r');
    expect(status()).toMatch(/iter 0\/60/);
    expect(frame().split('\n').slice(1, 12)).toEqual(first.split('\n').slice(1, 12));
  });

  test('g cycles sgd → batch → full on a 2-layer scenario; a is refused there', async () => {
    const { press, status } = await startApp({ scenario: 'whole-dataset' });
    expect(status()).toContain('sgd');
    await press('g');
    expect(status()).toContain('batch');
    await press('g');
    expect(status()).toContain('full');
    const refused = await press('a');
    expect(refused).toContain('3-layer nets');
    expect(status()).toContain('full');
  });

  test('a toggles relu ↔ linear on a 3-layer scenario', async () => {
    const { press, status } = await startApp({ scenario: 'deep-net' });
    expect(status()).toContain('relu');
    await press('a');
    expect(status()).toContain('linear');
    await press('a');
    expect(status()).toContain('relu');
  });

  test('keys that arrive together are each taken', async () => {
    const { burst, status } = await startApp({ scenario: 'deep-net' });
    await burst('s', 's', 's');
    expect(status()).toMatch(/phase backpropagate/);
  });

  test('the help is modal: "? space space ?" leaves the run where it was', async () => {
    const { press, status, frame } = await startApp({ scenario: 'deep-net' });
    await press('?');
    expect(frame()).toContain('run to the end');
    expect(frame()).toContain('back to the scenario list');
    await press('space', 'space', 'esc');
    expect(frame()).not.toContain('back to the scenario list');
    expect(status()).toMatch(/^deep-net\s+iter 0\/60/);
  });

  test('m without a recording says nothing is recorded, and how to record', async () => {
    const { press, frame, markers } = await startApp({ scenario: 'deep-net' });
    await press('m');
    expect(frame()).toContain('Nothing is being recorded');
    expect(frame()).toContain('--record');
    expect(frame()).not.toContain('added to the recording');
    expect(markers.filter((m) => m.startsWith('marker'))).toEqual([]);
  });

  test('p plays on the scheduler and pauses again; markers follow the iterations', async () => {
    const { scheduler, tick } = manualScheduler();
    const { press, status, settle, markers } = await startApp({ scenario: 'deep-net', scheduler, recording: true });
    // Five steps up from 4 rows/s is 128 rows/s: about six rows per 50 ms tick.
    await press('+', '+', '+', '+', '+');
    await press('p');
    for (let i = 0; i < 3; i++) tick();
    await settle();
    expect(status()).toMatch(/▶ playing/);
    await press('p');
    const paused = status();
    expect(paused).toMatch(/‖ paused/);
    tick();
    await settle();
    expect(status()).toBe(paused);
    expect(markers.filter((m) => m.startsWith('deep-net · iteration')).length).toBeGreaterThan(0);
    expect(markers[1]).toMatch(/^deep-net · iteration 1 · error \d\.\d+/);
  });

  test('q quits from the training screen', async () => {
    const { press, listening } = await startApp({ scenario: 'deep-net' });
    expect(listening()).toBe(true);
    await press('q');
    await waitFor('the app to stop reading keys', () => (listening() ? undefined : true));
  });
});
