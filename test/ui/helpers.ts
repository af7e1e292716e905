/** Shared helpers for the UI tests: sessions in given states, themes, and rendering at a width. */
import { renderToString } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { BUILT_INS, findBuiltIn } from '../../src/scenarios/builtins.js';
import { appReducer, initialApp, type AppState } from '../../src/session/app.js';
import { openSession, sessionReducer, type SessionAction, type SessionState } from '../../src/session/state.js';
import { createTheme } from '../../src/ui/theme.js';

export const COLOR = createTheme({ color: true, ascii: false });
export const PLAIN = createTheme({ color: false, ascii: true });
export const THEMES = [
  ['colour', COLOR],
  ['no colour, ascii', PLAIN],
] as const;

const KEYS: Record<string, SessionAction> = {
  s: { type: 'step', step: 'phase' },
  n: { type: 'step', step: 'row' },
  i: { type: 'step', step: 'iteration' },
  e: { type: 'step', step: 'end' },
  b: { type: 'back' },
  r: { type: 'reset' },
  g: { type: 'cycle-mode' },
  a: { type: 'toggle-activation' },
  l: { type: 'toggle-scale' },
  p: { type: 'toggle-play' },
  m: { type: 'marker' },
};

/**
 * A session of a built-in scenario after some keys, one letter each: s phase, n row,
 * i iteration, e end, b back, r reset, g mode, a activation, l log scale, p play, m marker.
 */
export function sessionAfter(id: string, keys = ''): SessionState {
  const scenario = findBuiltIn(id);
  if (!scenario) throw new Error(`no built-in ${id}`);
  let s = openSession(scenario);
  for (const k of keys) {
    const action = KEYS[k];
    if (!action) throw new Error(`no key ${k}`);
    s = sessionReducer(s, action);
  }
  return s;
}

/** ink-testing-library renders at 100 columns; this renders `node` at `columns` (the INK-NOTES way). */
export function renderAt(node: ReactElement, columns: number) {
  const instance = render(node);
  if (columns !== 100) {
    Object.defineProperty(instance.stdout, 'columns', { get: () => columns, configurable: true });
    instance.rerender(node);
  }
  return instance;
}

/** The last frame of `node` rendered at `columns`, with the instance unmounted. */
export function frameAt(node: ReactElement, columns: number): string {
  const instance = renderAt(node, columns);
  const frame = instance.lastFrame() ?? '';
  instance.unmount();
  return frame;
}

/** One synchronous render at `columns` (Ink's renderToString): for sweeps over many states. */
export function stringAt(node: ReactElement, columns: number): string {
  return renderToString(node, { columns });
}

export function lines(frame: string): string[] {
  return frame.split('\n');
}

/** Display width of a line: every character the panels use is one cell wide. */
export function widthOf(line: string): number {
  // eslint-disable-next-line no-control-regex
  return [...line.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e\n]*$/.test(text);
}

export const BUILT_IN_IDS = BUILT_INS.map((s) => s.id);

/** The app around a session (the training screen reads the help flag and the hints from it). */
export function appWith(session: SessionState, extra: Partial<AppState> = {}): AppState {
  return { ...initialApp(BUILT_INS), screen: 'training', session, ...extra };
}

/**
 * The app after key names typed through the real keymap (space-separated: "down down enter s s ?"),
 * from the picker or from an open built-in.
 */
export function appAfter(keys: string, open?: string): AppState {
  let app = initialApp(BUILT_INS, { open: open ? findBuiltIn(open) : undefined });
  for (const name of keys.split(' ').filter(Boolean)) app = appReducer(app, { type: 'key', name });
  return app;
}
