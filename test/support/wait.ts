/** Waiting in tests for something to happen, never for a fixed time. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Resolves once `activity()` has not changed for a few turns of the event loop (nothing more is coming). */
export async function untilQuiet(activity: () => number): Promise<void> {
  let seen = activity();
  for (let quiet = 0; quiet < 3; ) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const now = activity();
    if (now === seen) quiet++;
    else [seen, quiet] = [now, 0];
  }
}
