/**
 * The one place the app is rendered, for the interactive and the scripted paths alike. Kept in its own
 * module because importing it imports Ink, which must happen only after boot.ts has pinned the
 * environment Ink reads at import time.
 *
 * What the terminal receives: Ink's frames -> a clean screen after every resize, without the frame Ink
 * drew for the old size (terminal/clearOnResize.ts) -> cell-level diffing (only the changed cells; see
 * terminal/frameDiff.ts) -> `stdout` (the terminal, or a recording tee in front of it).
 */
import { render, type Instance } from 'ink';
import type { AppState } from '../session/app.js';
import type { Scheduler } from '../session/scheduler.js';
import { CLEAR_SCREEN, clearOnResize } from '../terminal/clearOnResize.js';
import { diffFrames, wantsFrameDiff } from '../terminal/frameDiff.js';
import { App, type EffectHandlers } from '../ui/app.js';
import { createTheme } from '../ui/theme.js';
import { instrumentEffects } from './instrumentEffects.js';

export interface MountOptions {
  readonly initial: AppState;
  readonly color: boolean;
  readonly ascii: boolean;
  readonly scheduler: Scheduler;
  readonly onMarker?: (label: string) => void;
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  readonly stderr?: NodeJS.WriteStream;
  /** 0 turns off Ink's frame throttle (a real-time timer): scripted runs write every commit at once, in order. */
  readonly maxFps?: number;
  /** The projector theme (`--theme high-contrast`). */
  readonly highContrast?: boolean;
  /** A view of what Ink writes, before anything else sees it (replay's mute gate). */
  readonly view?: (stream: NodeJS.WriteStream) => NodeJS.WriteStream;
}

/** What waitUntilExit resolved with: the exit code when the app quit itself, else (unmounted from outside) 0. */
export function exitCodeFrom(result: unknown): number {
  return typeof result === 'number' ? result : 0;
}

export function mountApp(options: MountOptions): Instance {
  const theme = createTheme({ color: options.color, ascii: options.ascii, highContrast: options.highContrast });
  const below = clearOnResize(wantsFrameDiff(process.env) ? diffFrames(options.stdout) : options.stdout);
  const stdout = options.view ? options.view(below) : below;
  const effects: EffectHandlers = {
    // Ctrl+L: a clean screen; the frame differ, seeing the clear pass, writes the next frame in full.
    redraw: () => {
      stdout.write(CLEAR_SCREEN);
      return 'Redrawn.';
    },
    ...instrumentEffects(),
  };
  return render(<App initial={options.initial} theme={theme} scheduler={options.scheduler} onMarker={options.onMarker} effects={effects} />, {
    stdout,
    stdin: options.stdin,
    // Ctrl+C is a key of the app's (it quits from anywhere, and the exit code says it was Ctrl+C).
    exitOnCtrlC: false,
    // Ink spreads its options over its defaults: leave out what is not set rather than pass undefined.
    ...(options.stderr ? { stderr: options.stderr } : {}),
    ...(options.maxFps !== undefined ? { maxFps: options.maxFps } : {}),
  });
}
