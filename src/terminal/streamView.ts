/**
 * A view of a stream with its own `write`. Everything else (isTTY, columns, rows, 'resize', the
 * writable state Ink inspects) is the real stream's, so Ink cannot tell the difference. The recorder's
 * tee and the frame differ are both such views.
 */
export type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;

export function withWrite<T extends NodeJS.WritableStream>(stream: T, write: Write): T {
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

/** The stream's own `write`, callable with any chunk. */
export function originalWrite(stream: NodeJS.WritableStream): Write {
  return (chunk, ...rest) => (stream.write as Write)(chunk, ...rest);
}
