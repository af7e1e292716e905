/**
 * A gate in front of the terminal stack, for replay's jumps: while muted, Ink's frames go nowhere (a
 * jump fast-forwards through minutes of a recording without drawing them), and the gate keeps the
 * last one. Unmuting clears the screen and draws that frame in full, from the top, where Ink expects
 * it: Ink's next frame erases as many lines as it drew, so it lines up, and the frame differ below,
 * seeing the clear pass, writes the next frame in full too.
 *
 * Only cursor show / hide get through while muted (they draw nothing); everything else is dropped.
 */
import { CLEAR_SCREEN } from './clearOnResize.js';
import { originalWrite, withWrite } from './streamView.js';

/** Ink's eraseLines(n) in front of a frame (ESC[2K, then ESC[1A ESC[2K per line above, then ESC[G). */
const ERASE_PREFIX = /^(?:\x1b\[2K(?:\x1b\[1A)?)*(?:\x1b\[G)?/;
const CURSOR_ONLY = /^(?:\x1b\[\?25[hl])+$/;

export interface MuteGate<T> {
  readonly stream: T;
  mute(): void;
  /** Draws the last frame written while muted (if any) on a clean screen, and lets writes through again. */
  unmute(): void;
  readonly muted: boolean;
}

export function muteGate<T extends NodeJS.WritableStream>(stream: T): MuteGate<T> {
  const write = originalWrite(stream);
  let muted = false;
  let lastFrame: string | undefined;
  const view = withWrite(stream, (chunk, ...rest) => {
    if (!muted) return write(chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (CURSOR_ONLY.test(text)) return write(chunk, ...rest);
    if (text.includes('\n')) lastFrame = text.replace(ERASE_PREFIX, '');
    const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  });
  return {
    stream: view,
    mute() {
      if (muted) return;
      muted = true;
      lastFrame = undefined;
    },
    unmute() {
      if (!muted) return;
      muted = false;
      if (lastFrame !== undefined) write(CLEAR_SCREEN + lastFrame);
      lastFrame = undefined;
    },
    get muted() {
      return muted;
    },
  };
}
