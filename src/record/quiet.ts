/**
 * Waiting for an app to be done with what it was given, without a clock: resolves once `activity()`
 * (a count of writes, markers...) has not changed for a few turns of the event loop. Scripted runs wait
 * this way between keys, so no effect of one key can interleave with the next; tests wait the same way.
 */
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
