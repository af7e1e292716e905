/**
 * Timers behind an interface: play mode runs on the real clock in a terminal and on a
 * virtual clock in scripted runs, where `wait:MS` advances time and nothing depends on the wall clock.
 */
export interface Scheduler {
  /** Calls `fn` every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
}

export const realScheduler: Scheduler = {
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  },
};
