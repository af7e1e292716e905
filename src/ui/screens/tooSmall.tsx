/** Below the smallest size a screen fits in: one line (as few words as the width needs) saying what it needs. */
import { Box, Text } from 'ink';
import type { Size } from '../../terminal/size.js';
import { displayWidth, wrap } from '../format/text.js';
import type { Theme } from '../theme.js';

/** The message, in as few words as the terminal needs: its lines stay under the terminal's height. */
export function tooSmallLines(need: Size, size: Size): string[] {
  const wanted = `${need.columns}x${need.rows}`;
  const now = `${size.columns}x${size.rows}`;
  const width = Math.max(1, size.columns);
  const choices = [`terminal too small: needs at least ${wanted} (now ${now})`, `too small: needs ${wanted} (now ${now})`, `needs ${wanted}`];
  for (const text of choices) {
    const lines = wrap(text, width);
    if (lines.length <= Math.max(1, size.rows - 1) && lines.every((l) => displayWidth(l) <= width)) return lines;
  }
  return [choices[choices.length - 1]!.slice(0, width)];
}

export function TooSmallMessage(props: { need: Size; size: Size; theme: Theme }) {
  const { need, size, theme } = props;
  return (
    <Box flexDirection="column" width={Math.max(1, size.columns)}>
      {tooSmallLines(need, size).map((line, i) => (
        <Text key={i} color={theme.colors.warning} wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
