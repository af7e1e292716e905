/**
 * An append-only list that old snapshots can share.
 *
 * Training appends one error per iteration; copying the whole array each time would make a
 * 20,000-iteration run quadratic. A snapshot keeps its own length over a shared buffer, and
 * appending to a snapshot that is not the newest copies first, so no snapshot ever changes. A buffer
 * is only ever pushed to, so an item in it never changes: appending to an older snapshot the very
 * item that follows it in the buffer (a step replayed to the same number, as the back key does after
 * a long run) shares the buffer instead of copying it.
 */
export class AppendList<T> {
  private constructor(
    private readonly buffer: T[],
    readonly length: number,
  ) {}

  static empty<T>(): AppendList<T> {
    return new AppendList<T>([], 0);
  }

  static of<T>(items: readonly T[]): AppendList<T> {
    return new AppendList<T>([...items], items.length);
  }

  append(item: T): AppendList<T> {
    if (this.buffer.length === this.length) {
      this.buffer.push(item);
      return new AppendList(this.buffer, this.length + 1);
    }
    if (Object.is(this.buffer[this.length], item)) return new AppendList(this.buffer, this.length + 1);
    const copy = this.buffer.slice(0, this.length);
    copy.push(item);
    return new AppendList(copy, copy.length);
  }

  /** Appends the first `count` items of `items`, as `count` appends would (with the same sharing), in one go. */
  appendAll(items: ArrayLike<T>, count = items.length): AppendList<T> {
    let buffer = this.buffer;
    let length = this.length;
    let i = 0;
    while (i < count && length < buffer.length && Object.is(buffer[length], items[i])) {
      length++;
      i++;
    }
    if (i === count) return new AppendList(buffer, length);
    if (length !== buffer.length) buffer = buffer.slice(0, length);
    for (; i < count; i++) buffer.push(items[i]!);
    return new AppendList(buffer, buffer.length);
  }

  /** The first `length` items, sharing the buffer. */
  prefix(length: number): AppendList<T> {
    if (!Number.isInteger(length) || length < 0 || length > this.length) throw new RangeError(`prefix ${length} of a list of ${this.length}`);
    return length === this.length ? this : new AppendList(this.buffer, length);
  }

  at(index: number): T | undefined {
    return index >= 0 && index < this.length ? this.buffer[index] : undefined;
  }

  last(): T | undefined {
    return this.at(this.length - 1);
  }

  toArray(): T[] {
    return this.buffer.slice(0, this.length);
  }

  /** The last `count` items (or all of them), oldest first. */
  tail(count: number): T[] {
    return this.buffer.slice(Math.max(0, this.length - count), this.length);
  }
}
