/**
 * The app on a virtual terminal. Kept apart from scripted.ts because importing it imports Ink, which
 * must happen only after scripted.ts has pinned the environment Ink reads at import time.
 */
import { render, type Instance } from 'ink';
import type { AppState } from '../session/app.js';
import { App } from '../ui/app.js';
import type { Scheduler } from '../ui/scheduler.js';
import { createTheme } from '../ui/theme.js';
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
  return render(<App initial={initial} theme={theme} scheduler={scheduler} onMarker={onMarker} />, {
    stdout: terminal.stdout as unknown as NodeJS.WriteStream,
    stdin: terminal.stdin as unknown as NodeJS.ReadStream,
    stderr: terminal.stderr as unknown as NodeJS.WriteStream,
    exitOnCtrlC: true,
    // 0 turns off Ink's frame throttle (a real-time timer): every commit is written at once, in order.
    maxFps: 0,
  });
}
