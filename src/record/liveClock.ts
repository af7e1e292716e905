/**
 * The clock of a recorded live session: a virtual clock (virtualClock.ts) that follows the wall clock,
 * moved on every few milliseconds in whole milliseconds. Play mode and a run to the end tick on it, and
 * the cast's times are read from it, so every key is recorded at the very moment of the app's own time
 * at which it was taken: `replay` types it again at that moment, after the same ticks, and the
 * recording comes out exactly as it was made, play mode and stopped runs included. (On the real
 * clock's timers a tick may land a few milliseconds either side of a key, a row more or less.)
 */
import type { Scheduler } from '../session/scheduler.js';
import { VirtualClock } from './virtualClock.js';

/** How often the clock catches up with the wall clock: well under a play tick (50 ms). */
const CATCH_UP_MS = 5;

export class LiveClock implements Scheduler {
  private readonly clock = new VirtualClock();
  private readonly started = performance.now();
  private catching = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  /** `settle` waits until the app is done with a tick, as between the keys of a scripted run. */
  constructor(private readonly settle: () => Promise<void>) {}

  /** Milliseconds since the start, a whole number. */
  get now(): number {
    return this.clock.now;
  }

  every(ms: number, fn: () => void): () => void {
    return this.clock.every(ms, fn);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.catchUp(), CATCH_UP_MS);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async catchUp(): Promise<void> {
    if (this.catching) return;
    this.catching = true;
    try {
      const behind = Math.floor(performance.now() - this.started) - this.clock.now;
      if (behind > 0) await this.clock.advance(behind, this.settle);
    } finally {
      this.catching = false;
    }
  }
}
