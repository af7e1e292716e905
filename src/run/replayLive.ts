/**
 * The live replay: the recording played in this terminal at its own pace (replayer.ts does the
 * work), the presenter's keys read raw from the keyboard, and one status line under the app's frame
 * (the frame is never taller than rows - 1, so that line is free) saying where the replay is.
 *
 * The app draws at the recorded size where the terminal is at least that large, so its screens are
 * the recorded ones; in a smaller terminal it lays out for the room there is.
 */
import type { CastRecording } from '../record/castReader.js';
import { realScheduler } from '../session/scheduler.js';
import type { Size } from '../terminal/size.js';
import { originalWrite, withWrite } from '../terminal/streamView.js';
import { guardTerminal } from '../terminal/terminalGuard.js';
import { wantsAscii } from '../ui/theme.js';
import { importScreen, initialAppState, type ScreenOptions } from './boot.js';
import { REPLAY_SPEEDS, Replayer, replayKey, replayScript } from './replayer.js';

/** How often the replay moves on while it plays. */
const TICK_MS = 20;

/** A view of the terminal whose size is `size()`: Ink and the app lay out for it. */
function sizedView(stream: NodeJS.WriteStream, size: () => Size): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'columns') return size().columns;
      if (property === 'rows') return size().rows;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const STATUS_KEYS = ['space pause', '] [ markers', '+ - speed', 'other keys: yours', 'Ctrl+C end'];

/** The status line's text: what the replay is doing, then as many of its keys as fit in `width`. */
export function replayStatus(replayer: Replayer, width: number): string {
  const state = replayer.atEnd ? 'at the end' : replayer.playing ? `playing ${REPLAY_SPEEDS[replayer.speed]}x` : `paused (${REPLAY_SPEEDS[replayer.speed]}x)`;
  const markers = replayer.markerCount > 0 ? `  marker ${replayer.markersPassed}/${replayer.markerCount}` : '';
  let text = `replay: ${state}  ${clock(replayer.position)}/${clock(replayer.end)}${markers}  `;
  for (const key of STATUS_KEYS) {
    if (text.length + 2 + key.length > width) break;
    text += `  ${key}`;
  }
  return text.length > width ? text.slice(0, Math.max(0, width)) : text;
}

export async function replayInTerminal(recording: CastRecording, screen: ScreenOptions): Promise<number> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  const initial = await initialAppState(screen);
  const { mountApp } = await importScreen('interactive');
  let recorded: Size = { columns: recording.header.width, rows: recording.header.height };
  const sized = sizedView(stdout, () => ({ columns: Math.min(stdout.columns || 80, recorded.columns), rows: Math.min(stdout.rows || 24, recorded.rows) }));

  // The status line, drawn on the line under the frame once the app's writes of a turn are done
  // (the cursor rests there between frames), until the presenter takes over.
  const write = originalWrite(stdout);
  let statusShown = true;
  let statusPending = false;
  let replayer: Replayer;
  const drawStatus = () => {
    statusPending = false;
    if (!statusShown) return;
    const text = replayStatus(replayer, (stdout.columns || 80) - 1);
    write(`\x1b[2K${process.env.NO_COLOR ? text : `\x1b[1m${text}\x1b[22m`}\r`);
  };
  const scheduleStatus = () => {
    if (statusPending) return;
    statusPending = true;
    setImmediate(drawStatus);
  };
  const screenStream = withWrite(sized, (chunk, ...rest) => {
    const done = write(chunk, ...rest);
    scheduleStatus();
    return done;
  });

  const { feed, markers, end } = replayScript(recording);
  replayer = new Replayer({
    feed,
    markers,
    end,
    resize: (to) => {
      recorded = to;
      stdout.emit('resize');
    },
    onChange: () => {
      if (replayer.handedOver && statusShown) {
        statusShown = false;
        write('\x1b[2K');
      }
      scheduleStatus();
    },
    mount: ({ stdin: appStdin, scheduler, view, onMarker }) =>
      mountApp({
        initial,
        color: !process.env.NO_COLOR,
        ascii: screen.ascii || wantsAscii(process.env),
        highContrast: screen.theme === 'high-contrast',
        scheduler,
        onMarker,
        stdout: screenStream,
        stdin: appStdin,
        // Every frame written as it is made, as in a scripted run: a jump's fast-forward ends with its
        // last frame in hand (the mute gate draws it), not one still waiting on the throttle's timer.
        maxFps: 0,
        view,
      }),
  });

  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let chain = Promise.resolve();
  let failure: unknown;
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => {
      failure = error;
      finish();
    });
  };

  let last = performance.now();
  let tickQueued = false;
  const timer = realScheduler.every(TICK_MS, () => {
    if (tickQueued) return;
    tickQueued = true;
    enqueue(async () => {
      tickQueued = false;
      const now = performance.now();
      await replayer.elapse(now - last);
      last = now;
      if (replayer.exited) finish();
    });
  });
  const onData = (chunk: string | Buffer) => {
    const bytes = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    enqueue(async () => {
      if (!(await replayKey(replayer, bytes)) || replayer.exited) finish();
    });
  };

  const guard = guardTerminal({ stdin, stdout, beforeCursor: () => statusShown && write('\x1b[2K') });

  try {
    await replayer.start();
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
    await finished;
  } finally {
    timer();
    stdin.off('data', onData);
    await chain;
    await replayer.close();
    statusShown = false;
    guard.release();
    stdin.pause();
    stdin.unref();
  }
  if (failure !== undefined) throw failure;
  return 0;
}
