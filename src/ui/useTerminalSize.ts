import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { Size } from '../terminal/size.js';

/**
 * The terminal's size, updated on resize (Ink itself does not re-render components on resize).
 *
 * The listener goes in front of Ink's own: the new size reaches the components (a synchronous render,
 * outside React's batching) before Ink lays out and draws the frame for the new size. Otherwise the
 * first frame after a resize is drawn at the old width, wraps in the narrower terminal, and leaves lines
 * behind that the next frame's erase does not reach.
 */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const read = (): Size => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.prependListener('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
