/**
 * What a terminal shows after receiving some output, as plain text: the output is replayed through a
 * real terminal emulator (xterm.js, headless), so cursor moves, erases and wrapping count exactly as
 * they would on screen. Used for the final screen of a `--keys` run without `--record`.
 *
 * @xterm/headless is a devDependency on purpose: esbuild bundles it into a lazily loaded chunk of
 * dist/, so an installed package never resolves it at run time (dist/ imports no bare modules).
 */
type XTerm = typeof import('@xterm/headless');

export interface ScreenOptions {
  readonly columns: number;
  readonly rows: number;
  /** Treat "\n" as "\r\n", as a terminal's ONLCR does for a program's raw output. */
  readonly convertEol: boolean;
}

/** Lines of the visible screen, right-trimmed, without trailing blank lines, each ending in "\n". */
export async function screenText(output: string, { columns, rows, convertEol }: ScreenOptions): Promise<string> {
  // A CommonJS module: Node's ESM loader may only expose it as `default`; esbuild exposes both.
  const xterm = (await import('@xterm/headless')) as XTerm & { default?: XTerm };
  const Terminal = xterm.Terminal ?? xterm.default!.Terminal;
  const terminal = new Terminal({ cols: columns, rows, convertEol, allowProposedApi: true, scrollback: 0 });
  await new Promise<void>((resolve) => terminal.write(output, resolve));
  const buffer = terminal.buffer.active;
  const lines: string[] = [];
  for (let row = 0; row < rows; row++) lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
  terminal.dispose();
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => `${line}\n`).join('');
}
