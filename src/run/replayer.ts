/**
 * The heart of `replay`: the real app, mounted as a scripted run mounts it (virtual clock, virtual
 * stdin), fed the recording's keys and resizes at their recorded times. The app computes everything
 * again, so the numbers and the screens are the recorded ones: a scripted recording replays exactly
 * (the same clock ticks in the same order); a live one as closely as its timers allow.
 *
 * Positions are times in the recording. Playing moves the position by the time that passes (times the
 * speed); a jump to a marker fast-forwards with the screen muted (muteGate.ts), and a jump back starts
 * the app afresh and fast-forwards from the start (the app is pure: its state at a moment is a
 * function of the keys before it). Handing over stops the feed: from then on the presenter's keys go
 * to the app, and its clock runs as time passes.
 *
 * The driver (replay.ts) says how time passes and which keys are pressed: a real timer and the
 * keyboard, or a key script.
 */
import type { Instance } from 'ink';
import type { CastRecording } from '../record/castReader.js';
import { untilQuiet } from '../record/quiet.js';
import { VirtualClock } from '../record/virtualClock.js';
import { VirtualStdin } from '../record/virtualTerminal.js';
import type { Size } from '../terminal/size.js';
import { muteGate, type MuteGate } from '../terminal/muteGate.js';
import { withWrite, originalWrite } from '../terminal/streamView.js';

/** A key or a resize the recording holds, to apply again at its time. */
export interface FeedEvent {
  /** Milliseconds since the start of the recording. */
  readonly time: number;
  readonly kind: 'i' | 'r';
  readonly data: string;
}

/** Where a marker's screen is: its time, and how many feed events come before it in the file. */
export interface MarkerStop {
  readonly time: number;
  readonly fed: number;
  readonly label: string;
}

/** Replay speeds (times the recorded pace); the third is 1x. */
export const REPLAY_SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
const NORMAL_SPEED = 2;

/** The recording as replay needs it: its keys and resizes, and one stop per distinct marker instant. */
export function replayScript(recording: CastRecording): { feed: FeedEvent[]; markers: MarkerStop[]; end: number } {
  const feed: FeedEvent[] = [];
  const fedBefore: number[] = [];
  for (const event of recording.events) {
    fedBefore.push(feed.length);
    if (event.kind === 'i' || event.kind === 'r') feed.push({ time: event.time * 1000, kind: event.kind, data: event.data });
  }
  // Several markers at one instant (a run to the end marks every iteration) are one place to jump to:
  // the last of them, after which the screen is complete.
  const byTime = new Map<number, MarkerStop>();
  for (const m of recording.markers) byTime.set(m.time, { time: m.time * 1000, fed: fedBefore[m.event]!, label: m.label });
  return { feed, markers: [...byTime.values()], end: recording.duration * 1000 };
}

/** What the driver gives the replayer to mount the app with. */
export interface MountApp {
  (options: { stdin: NodeJS.ReadStream; scheduler: VirtualClock; view: (stream: NodeJS.WriteStream) => NodeJS.WriteStream; onMarker: () => void }): Instance;
}

interface Mounted {
  readonly instance: Instance;
  readonly clock: VirtualClock;
  readonly stdin: VirtualStdin;
  readonly gate: { current: MuteGate<NodeJS.WriteStream> | undefined };
  fed: number;
  exited: boolean;
}

export interface ReplayerOptions {
  readonly feed: readonly FeedEvent[];
  readonly markers: readonly MarkerStop[];
  readonly end: number;
  readonly mount: MountApp;
  /** Applies a recorded resize ("COLSxROWS") to the screen the app draws on. */
  readonly resize: (size: Size) => void;
  /** Told whenever something the status shows changes (playing, speed, position, handed over). */
  readonly onChange?: () => void;
}

export class Replayer {
  private app: Mounted | undefined;
  private activity = 0;
  /** Where the recording is, in its milliseconds. */
  position = 0;
  playing = true;
  speed = NORMAL_SPEED;
  handedOver = false;

  constructor(private readonly options: ReplayerOptions) {}

  get exited(): boolean {
    return this.app?.exited ?? false;
  }

  get atEnd(): boolean {
    return this.position >= this.options.end && (this.app?.fed ?? 0) >= this.options.feed.length;
  }

  /** The marker stops at or before the position (how many of them have been passed). */
  get markersPassed(): number {
    return this.options.markers.filter((m) => this.reached(m)).length;
  }

  get markerCount(): number {
    return this.options.markers.length;
  }

  get end(): number {
    return this.options.end;
  }

  private readonly settle = () => untilQuiet(() => this.activity);

  async start(): Promise<void> {
    this.app = this.mountFresh();
    await this.settle();
  }

  private mountFresh(): Mounted {
    const clock = new VirtualClock();
    const stdin = new VirtualStdin();
    const gate: Mounted['gate'] = { current: undefined };
    // Writes are counted above the gate, so a muted fast-forward still waits for the app to be quiet.
    const view = (below: NodeJS.WriteStream) => {
      const g = muteGate(below);
      if (this.app?.gate.current?.muted) g.mute();
      gate.current = g;
      const write = originalWrite(g.stream);
      return withWrite(g.stream, (chunk, ...rest) => {
        this.activity++;
        return write(chunk, ...rest);
      });
    };
    const instance = this.options.mount({ stdin: stdin as unknown as NodeJS.ReadStream, scheduler: clock, view, onMarker: () => void this.activity++ });
    const mounted: Mounted = { instance, clock, stdin, gate, fed: 0, exited: false };
    instance.waitUntilExit().then(
      () => void (mounted.exited = true),
      () => void (mounted.exited = true),
    );
    return mounted;
  }

  private reached(m: MarkerStop): boolean {
    return this.position > m.time || (this.position === m.time && (this.app?.fed ?? 0) >= m.fed);
  }

  /** Feeds every event up to `time` (and, with `limit`, only the first `limit` of them), as the recording had them. */
  private async feedTo(time: number, limit = Infinity): Promise<void> {
    const app = this.app!;
    const feed = this.options.feed;
    while (app.fed < feed.length && app.fed < limit && feed[app.fed]!.time <= time && !app.exited) {
      const event = feed[app.fed]!;
      await app.clock.advance(Math.max(0, event.time - app.clock.now), this.settle);
      app.fed++;
      if (event.kind === 'i') app.stdin.press(event.data);
      else {
        const [columns, rows] = event.data.split('x').map(Number) as [number, number];
        this.options.resize({ columns, rows });
      }
      await this.settle();
    }
    if (!app.exited && time > app.clock.now) await app.clock.advance(time - app.clock.now, this.settle);
    this.position = Math.max(this.position, time);
  }

  /** Time passes (`ms` of the presenter's time): the recording plays on, or, handed over, the app's clock runs. */
  async elapse(ms: number): Promise<void> {
    const app = this.app!;
    if (app.exited) return;
    if (this.handedOver) {
      await app.clock.advance(ms, this.settle);
      return;
    }
    if (!this.playing || this.atEnd) return;
    await this.feedTo(Math.min(this.options.end, this.position + ms * REPLAY_SPEEDS[this.speed]!));
    this.options.onChange?.();
  }

  /** Plays the rest of the recording at once (a scripted replay whose script ended while playing). */
  async playToEnd(): Promise<void> {
    if (!this.handedOver && this.playing) await this.feedTo(this.options.end);
  }

  togglePlay(): void {
    this.playing = !this.playing;
    this.options.onChange?.();
  }

  changeSpeed(by: 1 | -1): void {
    this.speed = Math.max(0, Math.min(REPLAY_SPEEDS.length - 1, this.speed + by));
    this.options.onChange?.();
  }

  /** `]` / `[`: the next or the previous marker's screen, paused there. */
  async jump(by: 1 | -1): Promise<void> {
    const markers = this.options.markers;
    const target = by > 0 ? markers.find((m) => !this.reached(m)) : markers.filter((m) => this.reached(m) && !this.at(m)).at(-1);
    if (!target) return;
    this.playing = false;
    await this.seek(target);
    this.options.onChange?.();
  }

  private at(m: MarkerStop): boolean {
    return this.position === m.time && this.app!.fed === m.fed;
  }

  private async seek(target: MarkerStop): Promise<void> {
    const gate = () => this.app!.gate.current!;
    gate().mute();
    if (!this.reached(target) || this.at(target)) {
      await this.feedTo(target.time, target.fed);
    } else {
      // Back in time: the same app afresh, fast-forwarded from the start.
      const old = this.app!;
      old.instance.unmount();
      await this.settle();
      this.position = 0;
      this.app = this.mountFresh();
      gate().mute();
      await this.settle();
      await this.feedTo(target.time, target.fed);
    }
    this.position = target.time;
    gate().unmute();
    await this.settle();
  }

  /** Any other key: the feed stops and the presenter has the app, starting with this key. */
  async handOver(bytes: string): Promise<void> {
    this.handedOver = true;
    this.playing = false;
    this.options.onChange?.();
    await this.press(bytes);
  }

  /** A key for the app itself (after the hand-over). */
  async press(bytes: string): Promise<void> {
    const app = this.app!;
    if (app.exited) return;
    app.stdin.press(bytes);
    await this.settle();
  }

  async close(): Promise<void> {
    const app = this.app;
    if (!app) return;
    if (!app.exited) app.instance.unmount();
    await app.instance.waitUntilExit().catch(() => {});
    await this.settle();
  }
}

/**
 * One key of the presenter's, before the hand-over: replay's own keys, or the hand-over (the key goes
 * to the app). Returns false for Ctrl+C, which ends the replay.
 */
export async function replayKey(replayer: Replayer, bytes: string): Promise<boolean> {
  if (replayer.handedOver) {
    await replayer.press(bytes);
    return true;
  }
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === '\x03') return false;
    if (c === ' ') replayer.togglePlay();
    else if (c === ']') await replayer.jump(1);
    else if (c === '[') await replayer.jump(-1);
    else if (c === '+' || c === '=') replayer.changeSpeed(1);
    else if (c === '-' || c === '_') replayer.changeSpeed(-1);
    else {
      // An escape sequence (an arrow, PageDown) is one key: the rest of the chunk goes to the app with it.
      await replayer.handOver(bytes.slice(i));
      return true;
    }
  }
  return true;
}
