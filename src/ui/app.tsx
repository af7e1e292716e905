/**
 * The root component: holds the app reducer, maps keys to actions, drives play mode, and reports
 * recording markers. Everything it draws comes from the screens, which are plain functions of state.
 */
import { Box, useApp, useInput, type Key } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import { appReducer, type AppState } from '../session/app.js';
import { markerEvents } from '../session/events.js';
import { trainingAction } from '../session/keymap.js';
import { SPEEDS } from '../session/state.js';
import { PickerScreen } from './pickerScreen.js';
import type { Scheduler } from './scheduler.js';
import type { Theme } from './theme.js';
import { TrainingScreen } from './trainingScreen.js';
import { useTerminalSize, type Size } from './useTerminalSize.js';

/** Play mode updates the screen at most this often, doing as many rows per update as the speed asks. */
export const PLAY_TICK_MS = 50;

export interface AppProps {
  readonly initial: AppState;
  readonly theme: Theme;
  readonly scheduler: Scheduler;
  /** A recording marker: each scenario opened, each iteration completed, each marker key. */
  readonly onMarker?: (label: string) => void;
}

export function App({ initial, theme, scheduler, onMarker }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, initial);
  const size = useTerminalSize();
  const { exit } = useApp();

  useMarkers(state, onMarker);
  usePlayLoop(state, scheduler, dispatch);

  useEffect(() => {
    if (state.quitting) exit();
  }, [state.quitting, exit]);

  useInput((input, key) => {
    // Keys typed quickly (or over a slow SSH link) arrive together as one string: take each one.
    const keys = input.length > 1 && !key.ctrl && !key.meta ? [...input] : [input];
    for (const one of keys) handleKey(one, key);
  });

  function handleKey(input: string, key: Key) {
    if (state.screen === 'picker') {
      if (input === 'q' || (key.ctrl && input === 'c')) dispatch({ type: 'quit' });
      return;
    }
    // With the help open, Esc closes it rather than leaving the scenario.
    if (state.session?.showHelp && key.escape) return dispatch({ type: 'toggle-help' });
    const action = trainingAction(input, key);
    if (action) dispatch(action);
  }

  return <Box flexDirection="column">{renderScreen(state, theme, size, dispatch)}</Box>;
}

function renderScreen(state: AppState, theme: Theme, size: Size, dispatch: (a: Parameters<typeof appReducer>[1]) => void) {
  if (state.screen === 'training' && state.session) {
    return <TrainingScreen session={state.session} theme={theme} size={size} />;
  }
  return (
    <PickerScreen
      app={state}
      theme={theme}
      size={size}
      onOpen={(scenario) => dispatch({ type: 'open', scenario })}
      onHighlight={(index) => dispatch({ type: 'highlight', index })}
    />
  );
}

function useMarkers(state: AppState, onMarker: AppProps['onMarker']) {
  const previous = useRef<AppState | undefined>(undefined);
  useEffect(() => {
    const before = previous.current ?? { ...state, opened: 0, session: undefined };
    previous.current = state;
    if (onMarker) for (const label of markerEvents(before, state)) onMarker(label);
  }, [state, onMarker]);
}

/** While playing, advance by the speed's rows per second, a batch of rows per tick. */
function usePlayLoop(state: AppState, scheduler: Scheduler, dispatch: (a: Parameters<typeof appReducer>[1]) => void) {
  const playing = state.session?.playing ?? false;
  const rowsPerSecond = SPEEDS[state.session?.speed ?? 0]!;
  const carry = useRef(0);
  useEffect(() => {
    if (!playing) return;
    // Start just short of a whole row, so pressing play moves something at the first tick.
    carry.current = 0.999;
    return scheduler.every(PLAY_TICK_MS, () => {
      carry.current += (rowsPerSecond * PLAY_TICK_MS) / 1000;
      const rows = Math.floor(carry.current);
      if (rows === 0) return;
      carry.current -= rows;
      dispatch({ type: 'play-tick', rows });
    });
  }, [playing, rowsPerSecond, scheduler, dispatch]);
}
