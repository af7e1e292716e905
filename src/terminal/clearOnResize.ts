/**
 * After a resize the terminal has reflowed what was on screen: a line that was as wide as the old
 * terminal now wraps onto two at the new width, so Ink's "erase the previous frame's lines, draw the
 * next" misses lines and leaves stale ones behind (up to 23 in the picker after 80 -> 81 -> 80 columns).
 * Ink clears only when the width shrinks, and only the lines it counted. Two things go wrong, and this
 * view, between Ink and the terminal, mends both:
 * - The screen holds reflowed remnants: the first write after the size changed is preceded by a clear
 *   screen (and the cursor homed), so the next frame is drawn on a clean screen, from the top.
 * - Ink draws one frame at once on 'resize', before the components have re-rendered for the new size
 *   (React applies the size hook's update a moment later): a frame laid out for the old width, which
 *   wraps in the new one. Until a frame fits the new width, frames wider than it are not written; the
 *   one drawn for the new size follows within a tick.
 *
 * It compares the size at each write rather than listening for 'resize', so it does not depend on the
 * order in which the 'resize' listeners (Ink's, the size hook's) run. It sits in front of the frame
 * differ, which then never sees the frames left out, and writes the frame after a clear in full.
 */
import { displayWidth } from './displayWidth.js';
import { originalWrite, withWrite } from './streamView.js';

export const CLEAR_SCREEN = '\x1b[2J\x1b[H';

const CONTROL_SEQUENCE = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Whether a frame write (Ink's erase + lines ending in "\n") has a line wider than `columns`. */
function tooWide(chunk: string, columns: number): boolean {
  return chunk
    .replace(CONTROL_SEQUENCE, '')
    .split('\n')
    .some((line) => displayWidth(line) > columns);
}

export function clearOnResize<T extends NodeJS.WritableStream>(stream: T): T {
  const terminal = stream as unknown as { columns?: number; rows?: number };
  let lastSize = `${terminal.columns}x${terminal.rows}`;
  let clearPending = false;
  let fitted = true;
  const write = originalWrite(stream);
  return withWrite(stream, (chunk, ...rest) => {
    const size = `${terminal.columns}x${terminal.rows}`;
    if (size !== lastSize) {
      lastSize = size;
      clearPending = true;
      fitted = false;
    }
    if (!fitted && typeof chunk === 'string' && chunk.includes('\n')) {
      // A frame laid out for the old size: leave it out; the callback still runs, as a write's would.
      if (terminal.columns && tooWide(chunk, terminal.columns)) {
        const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
        callback?.();
        return true;
      }
      fitted = true;
    }
    if (clearPending && chunk.length > 0) {
      clearPending = false;
      write(CLEAR_SCREEN);
    }
    return write(chunk, ...rest);
  });
}
