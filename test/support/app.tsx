/**
 * Driving the whole app in ink-testing-library as a person would: keys are written to its stdin, and
 * each press waits until the app has taken it (its frames stop changing), never for a fixed time. The
 * first key waits until Ink reads keys at all (a key written before that is lost).
 */
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { initialApp, type AppOptions } from '../../src/session/app.js';
import { NAMED_KEYS } from '../../src/session/keymap/keyNames.js';
import type { Scheduler } from '../../src/session/scheduler.js';
import { App } from '../../src/ui/app.js';
import { createTheme } from '../../src/ui/theme.js';
import { untilQuiet, waitFor } from './wait.js';

export const KEY = Object.fromEntries(Object.entries(NAMED_KEYS).map(([name, k]) => [name, k.bytes])) as Record<keyof typeof NAMED_KEYS, string>;

/** A scheduler the test advances by hand, so play mode needs no real time. */
export function manualScheduler() {
  const timers = new Set<() => void>();
  const scheduler: Scheduler = {
    every(_ms, fn) {
      timers.add(fn);
      return () => timers.delete(fn);
    },
  };
  return { scheduler, tick: () => [...timers].forEach((fn) => fn()) };
}

let mounted: (() => void)[] = [];
afterEach(() => {
  for (const unmount of mounted) unmount();
  mounted = [];
});

export interface StartOptions extends AppOptions {
  /** A built-in to open at once. */
  readonly scenario?: string;
  readonly scheduler?: Scheduler;
  readonly columns?: number;
  readonly rows?: number;
  readonly ascii?: boolean;
}

export async function startApp(options: StartOptions = {}) {
  const markers: string[] = [];
  const theme = createTheme({ color: false, ascii: options.ascii ?? false });
  const scheduler = options.scheduler ?? manualScheduler().scheduler;
  const open = options.scenario ? findBuiltIn(options.scenario) : options.open;
  const node = <App initial={initialApp(BUILT_INS, { ...options, open })} theme={theme} scheduler={scheduler} onMarker={(m) => markers.push(m)} />;
  const app = render(node);
  if (options.columns !== undefined || options.rows !== undefined) {
    Object.defineProperty(app.stdout, 'columns', { get: () => options.columns ?? 100, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { get: () => options.rows ?? 24, configurable: true });
    app.stdout.emit('resize');
  }
  mounted.push(() => app.unmount());
  const listening = () => app.stdin.listenerCount('readable') > 0;
  await waitFor('Ink to read keys', () => (listening() ? true : undefined), 5000);
  const settle = () => untilQuiet(() => app.frames.length + markers.length);
  await settle();

  const frame = () => app.lastFrame() ?? '';
  /** Writes each key (its bytes, or a named key's: 'down', 'enter') and waits until the app has taken it. */
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write((KEY as Record<string, string>)[key] ?? key);
      await settle();
    }
    return frame();
  };
  /** Writes several keys in one chunk, as a terminal does when they are typed faster than read. */
  const burst = async (...keys: string[]) => {
    app.stdin.write(keys.map((k) => (KEY as Record<string, string>)[k] ?? k).join(''));
    await settle();
    return frame();
  };
  const status = () => frame().split('\n')[0]!;
  const resize = async (columns: number, rows: number) => {
    Object.defineProperty(app.stdout, 'columns', { get: () => columns, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { get: () => rows, configurable: true });
    app.stdout.emit('resize');
    await settle();
    return frame();
  };
  return { app, frame, press, burst, status, resize, settle, markers, listening };
}
