/**
 * The caption under the panels: what just happened (wrapped over the lines it is given), then the
 * scenario's lesson in the lines left over.
 */
import { Box } from 'ink';
import type { Theme } from '../theme.js';
import { Line, fitText, seg } from './line.js';

export interface CaptionProps {
  readonly lines: readonly string[];
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
}

/** Word-wraps `text` to `width`; a word longer than the width is cut. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  return out.map((l) => l.slice(0, width));
}

/** The caption's lines as drawn: at most `height`, the last one cut with an ellipsis if text is left. */
export function captionLines(lines: readonly string[], width: number, height: number, ellipsis: string): { text: string; lesson: boolean }[] {
  const out: { text: string; lesson: boolean }[] = [];
  lines.forEach((text, k) => {
    const room = height - out.length;
    if (room <= 0) return;
    const wrapped = wrap(text, width);
    // A lesson that would be cut short is left out rather than shown half.
    if (k > 0 && wrapped.length > room) return;
    const shown = wrapped.slice(0, room);
    if (wrapped.length > room) shown[room - 1] = fitText(`${shown[room - 1]} ${wrapped[room]}`, width, ellipsis);
    for (const line of shown) out.push({ text: line, lesson: k > 0 });
  });
  return out;
}

export function Caption({ lines, theme, width, height }: CaptionProps) {
  const shown = captionLines(lines.map(theme.text), width, height, theme.glyphs.ellipsis);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((l, i) => (
        <Line key={i} segs={[seg(l.text, l.lesson ? 'dim' : undefined)]} width={width} theme={theme} />
      ))}
    </Box>
  );
}
