/**
 * `--record` in a real terminal (tmux): a FIFO is refused before anything is drawn (it hung there), and
 * a disk that fills up during the session leaves a valid cast, the session going on, and one line
 * after exit saying what happened. The same through `--keys` is test/record/recordTarget.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commandExists, ensureBuilt, parseCastStrict, tempDir } from '../support/index.js';
import { mountTinyDisk } from '../support/tinyDisk.js';
import { AppRun, iterationShown, Pane, PROMPT, quote } from '../support/tmux.js';

const hasTmux = commandExists('tmux');
if (!hasTmux) console.warn('skipping the --record terminal tests: tmux is not installed (apt-get install tmux)');

beforeAll(() => ensureBuilt());

describe.skipIf(!hasTmux)('--record in a real terminal', () => {
  let pane: Pane;
  const tmp = tempDir();
  beforeEach(async () => {
    pane = new Pane();
    pane.start();
    await pane.waitFor('the shell prompt', (s) => s.includes(PROMPT.trimEnd()));
  });
  afterEach(() => pane.stop());
  /** The screen with the lines the terminal wrapped joined again (the messages name long temp paths). */
  const joined = () => pane.tmux('capture-pane', '-p', '-J', '-t', 'e2e');

  it.skipIf(!commandExists('mkfifo'))('to a FIFO: refused at once with one line, exit 2, nothing drawn', async () => {
    const fifo = path.join(tmp.dir, 'talk.cast');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = new AppRun(pane, 'fifo', tmp.dir);
    await run.launch(`deep-net --record ${quote(fifo)}`, (s) => s.includes('expected a regular file'));
    await run.expectRestored(2);
    const screen = joined();
    expect(screen).toContain(`streetlight-tui: --record: cannot write '${fifo}' (a FIFO); expected a regular file or a new one`);
    expect(screen).not.toMatch(/\d+\/60/);
  });

  const disk = mountTinyDisk(8192);
  const reason = typeof disk === 'string' ? disk : undefined;
  if (reason) console.warn(`skipping the full-disk terminal test: ${reason}`);
  afterAll(() => {
    if (typeof disk !== 'string') disk.unmount();
  });

  it.skipIf(reason !== undefined)('on a disk that fills up: the session goes on, exit 1 with one line, the cast valid', async () => {
    if (typeof disk === 'string') return;
    const cast = path.join(disk.dir, 'talk.cast');
    const run = new AppRun(pane, 'full', tmp.dir);
    await run.launch(`deep-net --record ${quote(cast)}`);
    // Each iteration redraws much of the screen: 8 KB fill up within a few of them.
    for (let i = 1; i <= 20; i++) {
      pane.key('Space');
      await pane.waitFor(`iteration ${i}`, iterationShown(i));
    }
    pane.type('q');
    await run.expectRestored(1);
    expect(joined()).toContain(
      `streetlight-tui: --record: writing '${cast}' failed (no space left on the device); the recording stops there, the file keeps every event before it`,
    );
    const text = readFileSync(cast, 'utf8');
    expect(parseCastStrict(text).events.length).toBeGreaterThan(2);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(8192);
  });
});
