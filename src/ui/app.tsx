/**
 * The root component: holds the app reducer, turns Ink's key events into key names for it, drives
 * play mode, reports the terminal size and recording markers. Everything it draws comes from the
 * screens, which are plain functions of state.
 */
import { Box, useApp, useInput } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import { appReducer, exitCodeOf, type AppAction, type AppState, type EffectKind } from '../session/app.js';
import { markerEvents } from '../session/events.js';
import { contextsUnderHelp, helpRows } from '../session/keymap/index.js';
import { keyNamesOf } from '../session/keymap/keyNames.js';
import type { Scheduler } from '../session/scheduler.js';
import { SPEEDS } from '../session/state.js';
import type { Size } from '../terminal/size.js';
import { HelpOverlay } from './panels/helpOverlay.js';
import { PickerScreen, pickerLayoutFor } from './screens/pickerScreen.js';
import { CompareScreen } from './screens/compareScreen.js';
import { TrainingScreen } from './screens/trainingScreen.js';
import type { Theme } from './theme.js';
import { useTerminalSize } from './useTerminalSize.js';

/** Play mode updates the screen at most this often, doing as many rows per update as the speed asks. */
export const PLAY_TICK_MS = 50;

export interface AppProps {
  readonly initial: AppState;
  readonly theme: Theme;
  readonly scheduler: Scheduler;
  /** A recording marker: each scenario opened, each iteration completed, each marker key. */
  readonly onMarker?: (label: string) => void;
  /** The run path's handlers for the effects the reducer asks for; each may return a notice for the caption. */
  readonly effects?: EffectHandlers;
}

export type EffectHandlers = Partial<Record<EffectKind, (state: AppState) => string | undefined>>;

type Dispatch = (action: AppAction) => void;

export function App({ initial, theme, scheduler, onMarker, effects }: AppProps) {
  const [state, dispatch] = useReducer(appReducer, initial);
  const size = useTerminalSize();
  const { exit } = useApp();

  useMarkers(state, onMarker);
  usePlayLoop(state, scheduler, dispatch);
  useRunSlices(state, scheduler, dispatch);
  usePickerRoom(state, size, dispatch);

  // waitUntilExit resolves with the exit code (130 after Ctrl+C).
  useEffect(() => {
    if (state.quitting) exit(exitCodeOf(state));
  }, [state.quitting, exit]);

  // Each effect the reducer asked for runs once, here, and reports back.
  useEffect(() => {
    for (const effect of state.effects) {
      const notice = effects?.[effect.kind]?.(state);
      dispatch({ type: 'effect-done', id: effect.id, notice });
    }
  }, [state.effects, effects, state]);

  // Every key goes to the reducer as a name; the reducer resolves it against the state of the moment.
  useInput((input, key) => {
    for (const name of keyNamesOf(input, key)) dispatch({ type: 'key', name });
  });

  return <Box flexDirection="column">{renderScreen(state, theme, size)}</Box>;
}

function renderScreen(state: AppState, theme: Theme, size: Size) {
  if (state.screen === 'training' && state.session && state.compare) return <CompareScreen app={state} session={state.session} compare={state.compare} theme={theme} size={size} />;
  if (state.screen === 'training' && state.session) return <TrainingScreen app={state} session={state.session} theme={theme} size={size} />;
  if (state.help) return <HelpOverlay rows={helpRows(contextsUnderHelp(state), state)} theme={theme} width={size.columns} height={Math.max(1, size.rows - 1)} />;
  return <PickerScreen app={state} theme={theme} size={size} />;
}

/** The picker's list scrolls by the rows its layout has at this size: tell the reducer whenever that changes. */
function usePickerRoom(state: AppState, size: Size, dispatch: Dispatch) {
  const rows = pickerLayoutFor(state, size).listRows;
  useEffect(() => {
    if (rows !== state.picker.room) dispatch({ type: 'picker-room', rows });
  }, [rows, state.picker.room, dispatch]);
}

function useMarkers(state: AppState, onMarker: AppProps['onMarker']) {
  const previous = useRef<AppState | undefined>(undefined);
  useEffect(() => {
    const before = previous.current ?? { ...state, opened: 0, session: undefined };
    previous.current = state;
    if (onMarker) for (const label of markerEvents(before, state)) onMarker(label);
  }, [state, onMarker]);
}

/** Between slices of a long run to the end: short enough to keep up, long enough to let keys and signals in. */
export const RUN_TICK_MS = 20;

/** While a run to the end is in progress, train a slice per tick (each a fixed amount of work: see runBudget.ts). */
function useRunSlices(state: AppState, scheduler: Scheduler, dispatch: Dispatch) {
  // While comparing, the second run may still be running when the first has finished.
  const running = state.session?.running ?? (state.compare?.kind === 'runs' ? state.compare.other.running : undefined);
  useEffect(() => {
    if (!running) return;
    return scheduler.every(RUN_TICK_MS, () => dispatch({ type: 'run-slice' }));
  }, [running, scheduler, dispatch]);
}

/** While playing, advance by the speed's rows per second, a batch of rows per tick. */
function usePlayLoop(state: AppState, scheduler: Scheduler, dispatch: Dispatch) {
  const playing = (state.session?.playing || (state.compare?.kind === 'runs' && state.compare.other.playing)) ?? false;
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
