/**
 * The cast as the page's player gets it, and how the chapters (every marker) map onto its markers.
 *
 * The player knows a moment only by its time, and our recorder can leave many markers at one instant
 * (`e` runs to the end and marks every iteration on the same frame). Given them all, the player pauses
 * at each in turn without moving: a presenter would press play fifty times to get past one screen. So
 * the embedded cast keeps one marker per instant (the last, after which the screen is complete), and
 * each chapter jumps to its instant's marker. Chapters and stills still list every marker.
 */
import type { CastEvent, CastRecording } from '../../record/castReader.js';

export interface Chapter {
  readonly label: string;
  /** Index of the player's marker that shows this chapter's screen. */
  readonly group: number;
  /** Where that is on the player's time line, in seconds (after its idle-time limit, as its progress bar shows). */
  readonly time: number;
}

export interface PlayerCast {
  /** Asciicast v2 text, rebuilt from the checked events. */
  readonly text: string;
  readonly chapters: readonly Chapter[];
  /** Time of each of the player's markers, in the player's seconds. */
  readonly groupTimes: readonly number[];
}

const eventLine = (e: CastEvent) => JSON.stringify([e.time, e.kind, e.data]);

/** The cast as asciicast v2 text, exactly as the reader checked it. */
export function castText(recording: CastRecording): string {
  return `${[JSON.stringify(recording.header), ...recording.events.map(eventLine)].join('\n')}\n`;
}

/**
 * Each event's time as the player plays it: with a header `idle_time_limit`, every pause longer than the
 * limit is cut to it (the player's own rule), so its time line runs shorter than the file's.
 */
function playerTimes(recording: CastRecording): number[] {
  const limit = recording.header.idle_time_limit ?? Infinity;
  let previous = 0;
  let shift = 0;
  return recording.events.map((e) => {
    const pause = e.time - previous;
    previous = e.time;
    if (pause > limit) shift += pause - limit;
    return e.time - shift;
  });
}

export function playerCast(recording: CastRecording): PlayerCast {
  const times = playerTimes(recording);
  const lastAtTime = new Map<number, number>();
  for (const m of recording.markers) lastAtTime.set(m.time, m.event);
  const kept = recording.events.filter((e, i) => e.kind !== 'm' || lastAtTime.get(e.time) === i);
  const groupOf = new Map<number, number>();
  const groupTimes: number[] = [];
  for (const [time, event] of lastAtTime) {
    groupOf.set(time, groupTimes.length);
    groupTimes.push(times[event]!);
  }
  return {
    text: `${[JSON.stringify(recording.header), ...kept.map(eventLine)].join('\n')}\n`,
    chapters: recording.markers.map((m) => ({ label: m.label, group: groupOf.get(m.time)!, time: times[m.event]! })),
    groupTimes,
  };
}
