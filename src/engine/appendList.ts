/**
 * An append-only list that old snapshots can share.
 *
 * Training appends one error per iteration; copying the whole array each time would make a
 * 20,000-iteration run quadratic. A snapshot keeps its own length over a shared buffer, and
 * appending to a snapshot that is not the newest copies first, so no snapshot ever changes.
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
    const copy = this.buffer.slice(0, this.length);
    copy.push(item);
    return new AppendList(copy, copy.length);
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
