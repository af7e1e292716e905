/**
 * Key flows through the whole app, as a person drives it: the root component with the real reducer,
 * keymap and screens, rendered by ink-testing-library, keys written to its stdin.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { initialApp } from '../../src/session/app.js';
import { App } from '../../src/ui/app.js';
import type { Scheduler } from '../../src/ui/scheduler.js';
import { createTheme } from '../../src/ui/theme.js';

const theme = createTheme({ color: false, ascii: false });
const ESC = '\x1b';
const ENTER = '\r';
const DOWN = '\x1b[B';

/** A scheduler the test advances by hand, so play mode needs no real time. */
function manualScheduler() {
  const timers = new Set<() => void>();
  const scheduler: Scheduler = {
    every(_ms, fn) {
      timers.add(fn);
      return () => timers.delete(fn);
    },
  };
  return { scheduler, tick: () => [...timers].forEach((fn) => fn()) };
}

const settle = (ms = 40) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (a screen switch runs effects a little later than the key). */
async function until(check: () => boolean, what: string) {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > 3000) throw new Error(`timed out waiting for ${what}`);
    await settle(20);
  }
}
let cleanup: (() => void) | undefined;

/** Ink reads keys through a 'readable' listener while mounted; quitting unmounts and removes it. */
const listening = (app: ReturnType<typeof render>) => app.stdin.listenerCount('readable') > 0;
afterEach(() => cleanup?.());

async function start(open?: string, scheduler: Scheduler = manualScheduler().scheduler) {
  const markers: string[] = [];
  const app = render(
    <App initial={initialApp(BUILT_INS, {}, open ? findBuiltIn(open) : undefined)} theme={theme} scheduler={scheduler} onMarker={(m) => markers.push(m)} />,
  );
  cleanup = () => app.unmount();
  await settle();
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await settle();
    }
    return app.lastFrame() ?? '';
  };
  const status = () => (app.lastFrame() ?? '').split('\n')[0]!;
  /** The status line comes to match (a string is looked for as is); fails with the last status seen. */
  const waitStatus = async (want: RegExp | string) => {
    const ok = () => (typeof want === 'string' ? status().includes(want) : want.test(status()));
    await until(ok, `status ${String(want)}, last seen: ${status()}`);
    expect(ok()).toBe(true);
  };
  return { app, press, status, waitStatus, markers };
}

describe('the picker', () => {
  test('lists every built-in, opens the highlighted one with Enter, and Esc comes back', async () => {
    const { app, press, waitStatus, markers } = await start();
    const frame = app.lastFrame()!;
    for (const s of BUILT_INS) expect(frame).toContain(s.id);
    await press(DOWN, ENTER);
    await until(() => markers.length > 0, 'the scenario marker');
    await waitStatus(/^whole-dataset\s+iter 0\/40/);
    expect(markers).toEqual(['scenario whole-dataset']);
    await press(ESC);
    await until(() => app.lastFrame()!.includes('Enter open'), 'the picker');
    expect(app.lastFrame()).toContain('deep-net');
  });

  test('q on the picker quits', async () => {
    const { app, press } = await start();
    expect(listening(app)).toBe(true);
    await press('q');
    await until(() => !listening(app), 'the app to stop reading keys');
  });
});

describe('training keys', () => {
  test('s steps a phase, n a row, space an iteration; b goes back exactly', async () => {
    const { press, status, waitStatus } = await start('deep-net');
    await waitStatus(/iter 0\/60/);
    await press('s');
    await waitStatus(/row 1\/4\s+phase predict/);
    await press('s');
    await waitStatus(/phase compare/);
    await press('n');
    await waitStatus(/row 1\/4\s+phase update/);
    const afterRow = await press(' ');
    await waitStatus(/iter 1\/60\s+row 4\/4\s+phase update/);
    await press(' ');
    await waitStatus(/iter 2\/60/);
    const backOnce = await press('b');
    await waitStatus(/iter 1\/60\s+row 4\/4/);
    expect(backOnce.split('\n').slice(0, 12)).toEqual(afterRow.split('\n').slice(0, 12));
  });

  test('e runs to the end (60/60) and r resets to the same start', async () => {
    const { app, press, waitStatus } = await start('deep-net');
    const first = app.lastFrame()!;
    await press('e');
    await waitStatus(/iter 60\/60/);
    await waitStatus('finished');
    await press('r');
    await waitStatus(/iter 0\/60/);
    expect(app.lastFrame()!.split('\n').slice(1, 12)).toEqual(first.split('\n').slice(1, 12));
  });

  test('g cycles sgd → batch → full on a 2-layer scenario; a is refused there', async () => {
    const { press, status, waitStatus } = await start('whole-dataset');
    await waitStatus('sgd');
    await press('g');
    await waitStatus('batch');
    await press('g');
    await waitStatus('full');
    const refused = await press('a');
    expect(refused).toContain('3-layer nets');
    await waitStatus('full');
  });

  test('a toggles relu ↔ linear on a 3-layer scenario', async () => {
    const { press, status, waitStatus } = await start('deep-net');
    await waitStatus('relu');
    await press('a');
    await waitStatus('linear');
    await press('a');
    await waitStatus('relu');
  });

  test('keys that arrive together are each taken', async () => {
    const { press, status, waitStatus } = await start('deep-net');
    await press('sss');
    await waitStatus(/phase backpropagate/);
  });

  test('? shows the help from the keymap and Esc closes it without leaving', async () => {
    const { press, status, waitStatus } = await start('deep-net');
    const help = await press('?');
    expect(help).toContain('run to the end');
    expect(help).toContain('back to the scenario list');
    const closed = await press(ESC);
    expect(closed).not.toContain('back to the scenario list');
    await waitStatus(/^deep-net/);
  });

  test('p plays on the scheduler and pauses again; markers follow the iterations', async () => {
    const { scheduler, tick } = manualScheduler();
    const { press, status, waitStatus, markers } = await start('deep-net', scheduler);
    // Five steps up from 4 rows/s is 128 rows/s: about six rows per 50 ms tick.
    await press('+', '+', '+', '+', '+');
    await press('p');
    for (let i = 0; i < 3; i++) tick();
    await press();
    await waitStatus(/▶/);
    await press('p');
    const paused = status();
    expect(paused).toMatch(/‖ paused/);
    tick();
    expect(status()).toBe(paused);
    expect(markers.filter((m) => m.startsWith('iteration')).length).toBeGreaterThan(0);
    expect(markers[1]).toMatch(/^iteration 1 error \d\.\d+/);
  });

  test('q quits from the training screen', async () => {
    const { app, press } = await start('deep-net');
    expect(listening(app)).toBe(true);
    await press('q');
    await until(() => !listening(app), 'the app to stop reading keys');
  });
});
