/**
 * The key help shown by `?`, generated from the keymap's own table so the two never disagree.
 * In a box when there is room; otherwise under a title rule, in two columns if the rows need it.
 */
import { Box } from 'ink';
import type { HelpRow } from '../../session/keymap/index.js';
import { displayWidth, padRight } from '../format/text.js';
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
  const columns = rows.length <= room ? 1 : 2;
  const perColumn = Math.ceil(rows.length / columns);
  const leftWidth = Math.max(...rows.slice(0, perColumn).map((r) => segsLength(entry(r)))) + 2;
  const lines = Array.from({ length: Math.min(perColumn, room) }, (_, i) => {
    const left = entry(rows[i]!);
    const right = columns === 2 && rows[i + perColumn] ? entry(rows[i + perColumn]!) : [];
    return right.length > 0 ? [...left, seg(' '.repeat(leftWidth - segsLength(left))), ...right] : left;
  });
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
