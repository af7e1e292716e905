/**
 * A view of stdin whose `read` also hands each chunk it returns to `onRead` (the recorder): what Ink
 * reads is exactly what the app gets, so the cast's input events are the keys the app acted on.
 *
 * Listening for 'data' instead would switch the stream to flowing mode under Ink, which reads it in
 * paused mode ('readable' + read()); a view changes nothing about how the stream is read.
 */
export function teeReads<T extends NodeJS.ReadableStream>(stream: T, onRead: (chunk: string) => void): T {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'read') {
        return (...args: unknown[]) => {
          const chunk = (target.read as (...a: unknown[]) => unknown)(...args);
          if (chunk !== null && chunk !== undefined) onRead(typeof chunk === 'string' ? chunk : String(chunk));
          return chunk;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}
