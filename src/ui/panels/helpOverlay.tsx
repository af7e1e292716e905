/**
 * The key help shown by `?`, generated from the keymap's own table so the two never disagree.
 * In a box when there is room; otherwise under a title rule, in two columns if the rows need it.
 */
import { Box } from 'ink';
import type { HelpRow } from '../../session/keymap/index.js';
import { displayWidth, padRight, wrap } from '../format/text.js';
import type { Theme } from '../theme.js';
import { Line, Title, seg, segsLength, type Seg } from './line.js';

export interface HelpOverlayProps {
  /** The keymap's rows for the screen under the help. */
  readonly rows: readonly HelpRow[];
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

const FOOTER = '? or Esc closes this help';
/** Spaces between two columns of keys. */
const GUTTER = 2;

export function HelpOverlay({ rows: keymapRows, theme, width, height }: HelpOverlayProps) {
  const rows = keymapRows.map((r) => ({ keys: theme.text(r.keys), description: theme.text(r.description) }));
  const keyWidth = Math.max(...rows.map((r) => displayWidth(r.keys))) + 2;
  const entry = (r: { keys: string; description: string }): Seg[] => [seg(padRight(r.keys, keyWidth), 'accent', true), seg(r.description)];
  const widest = Math.max(...rows.map((r) => segsLength(entry(r))), FOOTER.length);
  const footer = <Line segs={[seg(FOOTER, 'label')]} width={width} theme={theme} />;

  // A box around title, rows and footer: two lines and four columns more than the rows.
  if (height >= rows.length + 4 && width >= widest + 4) {
    const inner = widest;
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Box flexDirection="column" borderStyle={theme.glyphs.border} borderColor={theme.colors.dim} paddingX={1} width={inner + 4}>
          <Line segs={[seg('Keys', 'accent', true)]} width={inner} theme={theme} />
          {rows.map((r, i) => (
            <Line key={i} segs={entry(r)} width={inner} theme={theme} />
          ))}
          <Line segs={[seg(FOOTER, 'label')]} width={inner} theme={theme} />
        </Box>
      </Box>
    );
  }

  // Title and footer take two lines; the rest hold the rows, in two columns if needed.
  const room = Math.max(1, height - 2);
  const columns = rows.length <= room ? { lines: rows.map(entry), fits: true } : inColumns(rows, keyWidth, width, room);
  // Too little room even in columns: what fits, and a last line that says keys are left out.
  const lines = columns.fits ? columns.lines : [...columns.lines.slice(0, room - 1), [seg('… more keys: a larger terminal shows them all', 'warning')]];
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Title title="Keys" width={width} theme={theme} />
      {lines.map((segs, i) => (
        <Line key={i} segs={segs} width={width} theme={theme} />
      ))}
      {footer}
    </Box>
  );
}

/**
 * Rows in columns (two, or more if they fit better) sharing the width: a description longer than its
 * column goes on under itself, and the columns split between whole entries, as evenly as they can.
 */
function inColumns(rows: readonly { keys: string; description: string }[], keyWidth: number, width: number, room: number): { lines: Seg[][]; fits: boolean } {
  const layout = (count: number, evenly: boolean) => {
    const columnWidth = Math.floor((width - GUTTER * (count - 1)) / count);
    const blocks = rows.map((r) =>
      wrap(r.description, Math.max(1, columnWidth - keyWidth)).map((d, k): Seg[] => (k === 0 ? [seg(padRight(r.keys, keyWidth), 'accent', true), seg(d)] : [seg(' '.repeat(keyWidth)), seg(d)])),
    );
    // Evenly: each column about an equal share of the lines; else as full as the room allows.
    const target = evenly ? Math.ceil(blocks.reduce((n, b) => n + b.length, 0) / count) : room;
    const columns: Seg[][][] = [[]];
    for (const block of blocks) {
      const current = columns[columns.length - 1]!;
      if (current.length > 0 && current.length + block.length > target && columns.length < count) columns.push([...block]);
      else current.push(...block);
    }
    return { columnWidth, columns, fits: columns.every((c) => c.length <= room) };
  };
  const tries = [2, 3, 4].filter((count) => count === 2 || Math.floor((width - GUTTER * (count - 1)) / count) - keyWidth >= 12);
  const chosen = tries.flatMap((count) => [layout(count, true), layout(count, false)]).find((l) => l.fits) ?? layout(tries[tries.length - 1]!, true);
  const { columnWidth, columns, fits } = chosen;
  const lines = Array.from({ length: Math.max(...columns.map((c) => c.length)) }, (_, k) => {
    const out: Seg[] = [];
    columns.forEach((c, i) => {
      const line = c[k] ?? [];
      if (i > 0 && line.length > 0) out.push(seg(' '.repeat(i * (columnWidth + GUTTER) - segsLength(out))));
      out.push(...line);
    });
    return out;
  });
  return { lines, fits };
}
