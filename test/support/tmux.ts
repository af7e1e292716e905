/**
 * The built CLI in a real pseudo-terminal (tmux): a tmux server of its own per Pane, a bare shell in
 * its one window, and the app started from that shell (AppRun), so that after the app ends the shell's
 * own prompt and `stty` show what state the terminal was left in.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { CLI, cleanEnv, ROOT, sleep, waitFor } from './index.js';

export const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
export const PROMPT = 'READY$ ';
const APP = `${quote(process.execPath)} ${quote(CLI)}`;

/** One tmux server (its own socket) with one 80x24 window running a bare shell. */
export class Pane {
  private readonly socket = `streetlight-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  /** Starts the server; its shell starts in `cwd`. */
  start(columns = 80, rows = 24, cwd = ROOT): void {
    // CI=true in the test's environment would make Ink draw only its last frame: the pane runs without it.
    const shell = `env -u CI -u CONTINUOUS_INTEGRATION PS1=${quote(PROMPT)} bash --norc --noprofile`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-x', String(columns), '-y', String(rows), '-s', 'e2e', '-c', cwd, shell);
  }

  stop(): void {
    this.tmux('kill-server');
  }

  tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: cleanEnv() });
    if (result.status !== 0 && args[0] !== 'kill-server') throw new Error(`tmux ${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  }

  /** A tmux command that may fail (e.g. show-buffer with no buffer): its output, or undefined. */
  query(...args: string[]): string | undefined {
    const result = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8', env: cleanEnv() });
    return result.status === 0 ? result.stdout : undefined;
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'e2e');
  }

  /** Types `text` literally (no key-name lookup), optionally followed by Enter. */
  type(text: string, enter = false): void {
    this.tmux('send-keys', '-t', 'e2e', '-l', text);
    if (enter) this.tmux('send-keys', '-t', 'e2e', 'Enter');
  }

  /** Sends keys by tmux's names; several names in one call reach the app as one burst. */
  key(...names: string[]): void {
    this.tmux('send-keys', '-t', 'e2e', ...names);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', 'e2e', '-x', String(columns), '-y', String(rows));
  }

  cursorVisible(): boolean {
    return this.tmux('display', '-p', '-t', 'e2e', '#{cursor_flag}').trim() === '1';
  }

  async waitFor(what: string, test: (screen: string) => boolean, timeoutMs = 15_000): Promise<string> {
    try {
      return await waitFor(what, () => {
        const screen = this.screen();
        return test(screen) ? screen : undefined;
      }, timeoutMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}; the screen was:\n${this.screen()}`);
    }
  }

  /** The screen once it has stopped changing (two captures 300 ms apart agree). */
  async settled(): Promise<string> {
    let last = this.screen();
    for (let i = 0; i < 50; i++) {
      await sleep(300);
      const now = this.screen();
      if (now === last) return now;
      last = now;
    }
    return last;
  }

  /** Clears the pane and waits for a fresh prompt. */
  async freshPrompt(): Promise<void> {
    this.type('clear', true);
    await this.waitFor('a fresh prompt', (s) => s.trimEnd() === PROMPT.trimEnd());
  }
}

/** The pid of a child of `parent` (from /proc, so no procps is needed). */
function childOf(parent: number): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (field 2) may hold spaces; the parent pid is the second field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return undefined;
}

/** A status line counter such as "12/60". */
export const iterationShown = (n: number) => (screen: string) => new RegExp(`(^|\\D)${n}/60(\\D|$)`).test(screen);

/**
 * One run of the app from the pane's shell, wrapped in `sh -c` so that the exit code and `stty -a` are
 * taken the moment the app ends, before the interactive shell gets the terminal back (bash repairs the
 * terminal after a job killed by a signal, which would hide a failure to restore it).
 */
export class AppRun {
  private readonly files: { pid: string; rc: string; stty: string };

  /** `dir` holds the run's small files (its pid, exit code, stty), named after `name`. */
  constructor(
    private readonly pane: Pane,
    name: string,
    dir: string,
  ) {
    const base = path.join(dir, name);
    this.files = { pid: `${base}.pid`, rc: `${base}.rc`, stty: `${base}.stty` };
  }

  async launch(args: string, firstFrame: (screen: string) => boolean = iterationShown(0)): Promise<void> {
    await this.pane.freshPrompt();
    const { pid, rc, stty } = this.files;
    const script = `echo $$ > ${quote(pid)}; ${APP} ${args}; echo $? > ${quote(rc)}; stty -a > ${quote(stty)}.tmp; mv ${quote(stty)}.tmp ${quote(stty)}`;
    this.pane.type(`sh -c ${quote(script)}`, true);
    await this.pane.waitFor('the first frame', firstFrame);
  }

  /** The app's own pid: the child of the wrapping sh. */
  pid(): number {
    const pid = childOf(Number(readFileSync(this.files.pid, 'utf8')));
    if (pid === undefined) throw new Error('the app is not running');
    return pid;
  }

  /** After the app has ended: the exit code, the cursor shown, and the line discipline cooked and echoing. */
  async expectRestored(exitCode: number): Promise<void> {
    await waitFor('the app to end', () => (existsSync(this.files.stty) ? true : undefined));
    expect(readFileSync(this.files.rc, 'utf8').trim()).toBe(String(exitCode));
    const flags = readFileSync(this.files.stty, 'utf8').split(/[\s;]+/);
    for (const flag of ['icanon', 'echo', 'isig', 'icrnl', 'opost']) expect(flags, `stty ${flag}`).toContain(flag);
    await this.pane.waitFor('the shell prompt after the app', (s) => s.trimEnd().endsWith(PROMPT.trimEnd()));
    expect(this.pane.cursorVisible(), 'cursor visible').toBe(true);
  }
}
