/**
 * A view of a stream whose `write` also hands each chunk to `onWrite` (the recorder) before it goes to
 * the terminal. Everything else (isTTY, columns, rows, 'resize', the writable state Ink inspects) is the
 * real stream's, so Ink cannot tell the difference.
 */
export function teeWrites<T extends NodeJS.WritableStream>(stream: T, onWrite: (chunk: string | Uint8Array) => void): T {
  const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    onWrite(chunk);
    return (stream.write as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean)(chunk, ...rest);
  };
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}
