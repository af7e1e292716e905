/**
 * Time for a scripted run: it moves only when the script says so (`wait:MS`, or the fixed pause a key
 * takes), and timers fire in due order at their exact virtual times. Play mode runs on it through the
 * Scheduler interface, and the recording's timestamps are read from it, so no wall clock reaches the file.
 */
import type { Scheduler } from '../session/scheduler.js';

interface Timer {
  readonly id: number;
  readonly every: number;
  due: number;
  readonly fn: () => void;
}

export class VirtualClock implements Scheduler {
  private time = 0;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  /** Milliseconds since the start. */
  get now(): number {
    return this.time;
  }

  every(ms: number, fn: () => void): () => void {
    const every = Math.max(1, ms);
    const id = this.nextId++;
    this.timers.set(id, { id, every, due: this.time + every, fn });
    return () => {
      this.timers.delete(id);
    };
  }

  /**
   * Moves time forward by `ms`, firing each due timer in order (earliest first, then oldest first) and
   * awaiting `settle` after each, so every tick is rendered before the next one fires, as on a real
   * terminal where ticks are 50 ms apart and a frame takes a few.
   */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const target = this.time + ms;
    for (let timer = this.nextDue(target); timer; timer = this.nextDue(target)) {
      this.time = timer.due;
      timer.due += timer.every;
      timer.fn();
      await settle();
    }
    this.time = target;
  }

  private nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (timer.due <= limit && (!best || timer.due < best.due || (timer.due === best.due && timer.id < best.id))) best = timer;
    }
    return best;
  }
}
