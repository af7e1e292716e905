/**
 * Handing the terminal back as it was found, whichever way a screen path ends: raw mode off and the
 * cursor shown, once, on the way out (a normal end, process 'exit', or SIGTERM / SIGHUP / SIGINT, which
 * then exit with 128 + the signal's number, as a shell reports it). The interactive screen and the live
 * replay both stand on it.
 */
import { constants } from 'node:os';

const SHOW_CURSOR = '\x1b[?25h';
const SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

export interface GuardOptions {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  /** Written to the terminal just before the cursor is shown (a status line to clear). */
  readonly beforeCursor?: () => void;
  /** Run after the terminal is restored (closing a recording). */
  readonly after?: () => void;
  /** Run first when a signal ends the process (unmounting the screen). */
  readonly onSignal?: () => void;
}

export interface TerminalGuard {
  /** Restores the terminal (only the first call acts). */
  restore(): void;
  /** Stops listening for signals and 'exit', and restores. */
  release(): void;
}

export function guardTerminal(options: GuardOptions): TerminalGuard {
  const { stdin, stdout } = options;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY && stdin.isRaw) stdin.setRawMode(false);
      options.beforeCursor?.();
      stdout.write(SHOW_CURSOR);
    } catch {
      // The terminal may already be gone (SIGHUP): there is nothing left to restore.
    }
    options.after?.();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    options.onSignal?.();
    restore();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.once('exit', restore);
  return {
    restore,
    release() {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      process.off('exit', restore);
      restore();
    },
  };
}
