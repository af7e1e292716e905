/**
 * The caption under the panels: what just happened (wrapped over the lines it is given), then the
 * scenario's lesson in the lines left over. The lesson is the line the room should read: it is drawn
 * in the terminal's own colour with a bold "Lesson:", never in the faint grey.
 */
import { Box } from 'ink';
import { fitText, wrap } from '../format/text.js';
import type { Theme } from '../theme.js';
import { Line, seg } from './line.js';

export interface CaptionProps {
  readonly lines: readonly string[];
  readonly theme: Theme;
  readonly width: number;
  readonly height: number;
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

const LESSON = /^(Lesson:)(.*)$/;

export function Caption({ lines, theme, width, height }: CaptionProps) {
  const shown = captionLines(lines.map(theme.text), width, height, theme.glyphs.ellipsis);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {shown.map((l, i) => {
        const m = l.lesson ? LESSON.exec(l.text) : null;
        const segs = m ? [seg(m[1]!, 'accent', true), seg(m[2]!)] : [seg(l.text)];
        return <Line key={i} segs={segs} width={width} theme={theme} />;
      })}
    </Box>
  );
}
