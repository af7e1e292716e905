/**
 * The screen at each marker of a recording, cell by cell with its colours: the cast's output is replayed
 * through a real terminal emulator (xterm.js, headless), so cursor moves, erases and wrapping count as
 * on screen. The screen at a marker is what the output before the marker's event drew: our recorder
 * writes a frame, then the marker that the frame completes.
 *
 * @xterm/headless is a devDependency bundled into a lazily loaded chunk (see src/record/screenText.ts).
 */
import type { IBufferCell, Terminal as XTermTerminal } from '@xterm/headless';
import type { CastRecording } from '../../record/castReader.js';
import { paletteColor, PALETTE, rgbColor, type Palette } from './palette.js';

type XTerm = typeof import('@xterm/headless');

/** How a run of cells looks, with colours resolved against the palette (inverse already applied). */
export interface CellStyle {
  readonly fg: string;
  /** Undefined: the screen's background. */
  readonly bg: string | undefined;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strike: boolean;
}

export interface Cell {
  /** The character ('' for the right half of a wide character; ' ' for an empty cell). */
  readonly char: string;
  /** Columns it covers: 1, 2 (wide), or 0 (the right half of a wide one). */
  readonly width: number;
  readonly style: CellStyle;
}

export interface Screen {
  readonly columns: number;
  readonly rows: number;
  readonly cells: readonly (readonly Cell[])[];
}

function colorOf(cell: IBufferCell, which: 'fg' | 'bg', palette: Palette): string | undefined {
  const isDefault = which === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
  if (isDefault) return undefined;
  const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
  const isRgb = which === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
  return isRgb ? rgbColor(value) : paletteColor(value, palette);
}

function styleOf(cell: IBufferCell, palette: Palette): CellStyle {
  let fg = colorOf(cell, 'fg', palette) ?? palette.foreground;
  let bg = colorOf(cell, 'bg', palette);
  if (cell.isInverse()) [fg, bg] = [bg ?? palette.background, fg];
  if (cell.isInvisible()) fg = bg ?? palette.background;
  return {
    fg,
    bg,
    bold: cell.isBold() !== 0,
    dim: cell.isDim() !== 0,
    italic: cell.isItalic() !== 0,
    underline: cell.isUnderline() !== 0,
    strike: cell.isStrikethrough() !== 0,
  };
}

function snapshot(terminal: XTermTerminal, palette: Palette): Screen {
  const buffer = terminal.buffer.active;
  const cells: Cell[][] = [];
  const scratch = buffer.getNullCell();
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    const row: Cell[] = [];
    for (let x = 0; x < terminal.cols; x++) {
      const cell = line?.getCell(x, scratch);
      if (!cell) {
        row.push({ char: ' ', width: 1, style: styleOf(buffer.getNullCell(), palette) });
        continue;
      }
      const width = cell.getWidth();
      row.push({ char: width === 0 ? '' : cell.getChars() || ' ', width, style: styleOf(cell, palette) });
    }
    cells.push(row);
  }
  return { columns: terminal.cols, rows: terminal.rows, cells };
}

/** One screen per marker, in marker order, from a single pass over the output. */
export async function markerScreens(recording: CastRecording, palette: Palette = PALETTE): Promise<Screen[]> {
  // A CommonJS module: Node's ESM loader may only expose it as `default`; esbuild exposes both.
  const xterm = (await import('@xterm/headless')) as XTerm & { default?: XTerm };
  const Terminal = xterm.Terminal ?? xterm.default!.Terminal;
  const { width, height } = recording.header;
  // The cast holds the terminal's output as it arrived, "\r\n" included: no newline conversion.
  const terminal = new Terminal({ cols: width, rows: height, convertEol: false, allowProposedApi: true, scrollback: 0 });
  const write = (data: string) => new Promise<void>((resolve) => terminal.write(data, resolve));
  const screens: Screen[] = [];
  let pending = '';
  try {
    for (const event of recording.events) {
      if (event.kind === 'o') {
        pending += event.data;
        continue;
      }
      if (event.kind === 'i') continue;
      if (pending !== '') await write(pending);
      pending = '';
      if (event.kind === 'r') {
        const [columns, rows] = event.data.split('x').map(Number) as [number, number];
        terminal.resize(columns, rows);
      } else screens.push(snapshot(terminal, palette));
    }
  } finally {
    terminal.dispose();
  }
  return screens;
}

/** A screen's text: lines right-trimmed, without trailing blank lines, each ending in "\n" (as screenText). */
export function screenLines(screen: Screen): string {
  const lines = screen.cells.map((row) => row.map((cell) => cell.char).join('').trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => `${line}\n`).join('');
}
