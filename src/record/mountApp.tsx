/**
 * The app on a virtual terminal. Kept apart from scripted.ts because importing it imports Ink, which
 * must happen only after scripted.ts has pinned the environment Ink reads at import time.
 */
import { render, type Instance } from 'ink';
import type { AppState } from '../session/app.js';
import { App } from '../ui/app.js';
import type { Scheduler } from '../ui/scheduler.js';
import { createTheme } from '../ui/theme.js';
import { diffFrames, wantsFrameDiff } from '../ui/frameDiff.js';
import type { VirtualTerminal } from './virtualTerminal.js';

export interface MountOptions {
  readonly initial: AppState;
  readonly color: boolean;
  readonly ascii: boolean;
  readonly scheduler: Scheduler;
  readonly onMarker: (label: string) => void;
  readonly terminal: VirtualTerminal;
}

export function mountApp({ initial, color, ascii, scheduler, onMarker, terminal }: MountOptions): Instance {
  const theme = createTheme({ color, ascii });
  // Frames go through the same cell-level diffing as on a real terminal (see ui/frameDiff.ts), so casts
  // and the printed screen come from the bytes a terminal would get.
  const stdout = wantsFrameDiff(process.env) ? diffFrames(terminal.stdout) : terminal.stdout;
  return render(<App initial={initial} theme={theme} scheduler={scheduler} onMarker={onMarker} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: terminal.stdin as unknown as NodeJS.ReadStream,
    stderr: terminal.stderr as unknown as NodeJS.WriteStream,
    exitOnCtrlC: true,
    // 0 turns off Ink's frame throttle (a real-time timer): every commit is written at once, in order.
    maxFps: 0,
  });
}
