import { originalWrite, withWrite } from './streamView.js';

/** A view of a stream whose `write` also hands each chunk to `onWrite` (the recorder) before it goes to the terminal. */
export function teeWrites<T extends NodeJS.WritableStream>(stream: T, onWrite: (chunk: string | Uint8Array) => void): T {
  const write = originalWrite(stream);
  return withWrite(stream, (chunk, ...rest) => {
    onWrite(chunk);
    return write(chunk, ...rest);
  });
}
