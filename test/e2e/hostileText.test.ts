/**
 * A scenario file from a stranger, in a real terminal (tmux with `set-clipboard on` and `allow-rename
 * on`, so OSC 52 would write a paste buffer and OSC 0 or ESC k would retitle the pane or rename the
 * window): its title, summary, description and lesson, and its file name, carry escape sequences. The
 * picker (the file is in ./scenarios of the folder the app starts in), the training screen, a `--record`
 * cast and its header, `--list` and error messages show harmless text; neither the bytes the pane
 * received (tmux pipe-pane) nor the cast holds a sequence; and after exit the window's name, the pane's
 * title and the paste buffers are as before.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE, PAYLOADS } from '../support/hostile.js';
import { CLI, commandExists, ensureBuilt, parseCastStrict, tempDir, waitFor } from '../support/index.js';
import { AppRun, Pane, PROMPT, quote } from '../support/tmux.js';

const hasTmux = commandExists('tmux');
if (!hasTmux) console.warn('skipping the hostile-text terminal tests: tmux is not installed (apt-get install tmux)');

beforeAll(() => ensureBuilt());

const EVIL = {
  title: `Evil ${HOSTILE}TITLE`,
  summary: `Evil ${HOSTILE}SUMMARY`,
  description: `Evil ${HOSTILE}DESCRIPTION\nsecond line`,
  lesson: `Evil ${HOSTILE}LESSON`,
  data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] },
  network: { layers: 2 },
  training: { alpha: 0.1, iterations: 5 },
};

/** No sequence and no payload of HOSTILE in `bytes` (what a terminal received, read as latin1 so C1 bytes show). */
function expectNoSequences(bytes: string, what: string): void {
  for (const sequence of ['\x1b]', '\x1bk', '\x1bP', '\x1b[2J', '\xc2\x9d', '\x9d']) expect(bytes.includes(sequence), `${what} holds ${JSON.stringify(sequence)}`).toBe(false);
  for (const payload of PAYLOADS) expect(bytes, what).not.toContain(payload);
}

/** The same in a cast's JSON text, where ESC is written \u001b. */
function expectCastClean(text: string, what: string): void {
  for (const sequence of ['\\u001b]', '\\u001bk', '\\u001b[2J', '\\u009d', '\x9d']) expect(text.includes(sequence), `${what} holds ${sequence}`).toBe(false);
  for (const payload of PAYLOADS) expect(text, what).not.toContain(payload);
}

describe.skipIf(!hasTmux)('a hostile scenario file in a real terminal', () => {
  let pane: Pane;
  let work: string;
  let stream: string;
  let before: { window: string; title: string };

  const tmuxState = () => ({
    window: pane.tmux('display', '-p', '-t', 'e2e', '#{window_name}').trim(),
    title: pane.tmux('display', '-p', '-t', 'e2e', '#{pane_title}').trim(),
  });
  /** Every paste buffer tmux holds: OSC 52 with set-clipboard on would have made one. */
  const buffers = () => pane.query('list-buffers', '-F', '#{buffer_sample}')?.trim() ?? '';

  beforeEach(async () => {
    work = tempDir('streetlight-hostile-').dir;
    mkdirSync(path.join(work, 'scenarios'));
    // No id: the scenario is named after its file, whose name holds a sequence too.
    writeFileSync(path.join(work, 'scenarios', `evil${HOSTILE}.json`), JSON.stringify(EVIL));
    stream = path.join(work, 'stream.bytes');
    pane = new Pane();
    pane.start(100, 30, work);
    pane.tmux('set', '-g', 'set-clipboard', 'on');
    pane.tmux('set', '-g', 'allow-rename', 'on');
    await pane.waitFor('the shell prompt', (s) => s.includes(PROMPT.trimEnd()));
    pane.tmux('pipe-pane', '-t', 'e2e', '-o', `cat >> ${quote(stream)}`);
    // The window takes its shell's name once tmux's automatic-rename has looked.
    before = await waitFor('the window named after its shell', () => (tmuxState().window === 'bash' ? tmuxState() : undefined));
    expect(buffers()).toBe('');
  });
  afterEach(() => pane.stop());

  /** After the app has ended: nothing reached the terminal that acts on it. */
  const expectTerminalUntouched = async () => {
    await waitFor('the piped bytes', () => (readFileSync(stream, 'latin1').includes(PROMPT.trimEnd()) ? true : undefined));
    expectNoSequences(readFileSync(stream, 'latin1'), 'the bytes the pane received');
    // tmux names the window after the pane's command a moment later (automatic-rename); a rename by the
    // app would have switched that off and stayed.
    await waitFor('the window named as before', () => (tmuxState().window === before.window ? true : undefined), 5000).catch(() => {});
    expect(tmuxState()).toEqual(before);
    expect(buffers()).toBe('');
  };

  it('the picker and the training screen draw its texts harmlessly, and the cast holds no sequence', async () => {
    const cast = path.join(work, 'session.cast');
    const run = new AppRun(pane, 'picker', work);
    await run.launch(`--record ${quote(cast)}`, (s) => s.includes('single-light') && s.includes('Enter open'));
    pane.key('End');
    const picker = await pane.waitFor('the hostile scenario highlighted', (s) => /▸ evilpwned-name\b/.test(s) && s.includes('DESCRIPTION'));
    for (const text of ['Evil pwned-nameSUMMARY', 'Evil pwned-nameTITLE', 'Evil pwned-nameDESCRIPTION']) expect(picker).toContain(text);
    pane.key('Enter');
    await pane.waitFor('its training screen', (s) => s.startsWith('evilpwned-name') || s.includes('\nevilpwned-name  iter'));
    pane.key('Space');
    await pane.waitFor('iteration 1 with its lesson', (s) => s.includes('iter 1/5') && s.includes('Lesson: Evil pwned-nameLESSON'));
    pane.type('q');
    await run.expectRestored(0);
    await expectTerminalUntouched();

    const text = readFileSync(cast, 'utf8');
    const parsed = parseCastStrict(text);
    expect(parsed.header.title).toBe('streetlight-tui');
    expectCastClean(text, 'the cast');
    expect(text).toContain('Evil pwned-nameTITLE');
  });

  it('opened by name from the command line: the cast header names it cleaned', async () => {
    const cast = path.join(work, 'named.cast');
    const run = new AppRun(pane, 'named', work);
    await run.launch(`evilpwned-name --record ${quote(cast)}`, (s) => /iter 0\/5/.test(s));
    pane.key('Space');
    await pane.waitFor('its lesson', (s) => s.includes('Lesson: Evil pwned-nameLESSON'));
    pane.type('q');
    await run.expectRestored(0);
    await expectTerminalUntouched();
    const text = readFileSync(cast, 'utf8');
    expect(parseCastStrict(text).header.title).toBe('streetlight-tui evilpwned-name');
    expectCastClean(text, 'the cast');
  });

  it('--list, and error messages quoting a file or the command line, print harmless lines', async () => {
    writeFileSync(path.join(work, 'scenarios', `broken${HOSTILE}.json`), `{"ti${HOSTILE}tle": 1,, }`);
    writeFileSync(path.join(work, 'broken.json'), `{"ti${HOSTILE}tle": "x",, }`);
    // The commands are in a script, so the hostile bytes are never typed at the shell (whose echo would show them).
    const app = `${quote(process.execPath)} ${quote(CLI)}`;
    const codes = path.join(work, 'codes');
    const script = [
      `H=$(printf '\\033]52;c;ZWNobyBwd25lZA==\\007\\033]0;pwned-title\\007\\033kpwned-name\\033\\\\')`,
      ...[
        '--list',
        'broken.json --print',
        '"scenarios/broken$H.json"',
        'deep-net --keys "space x${H}y"',
        'deep-net --keys q --size "80x24$H"',
        'deep-net --alpha "0.1$H"',
        '"--x$H"',
        '"my${H}net"',
      ].map((args) => `${app} ${args}; echo $? >> ${quote(codes)}`),
      `echo done >> ${quote(codes)}`,
    ].join('\n');
    writeFileSync(path.join(work, 'bad.sh'), `${script}\n`);
    await pane.freshPrompt();
    pane.type('sh bad.sh 2>&1', true);
    await waitFor('the commands to end', () => (existsSync(codes) && readFileSync(codes, 'utf8').includes('done') ? true : undefined), 30_000);
    expect(readFileSync(codes, 'utf8').trim().split('\n')).toEqual(['0', '2', '2', '2', '2', '2', '2', '2', 'done']);
    const screen = await pane.settled();
    expect(screen).toMatch(/evilpwned-name +Evil pwned-nameTITLE/);
    expect(screen).toContain("--keys: unknown key 'xpwned-namey'");
    expect(screen).toContain('not valid JSON');
    await expectTerminalUntouched();
  });
});
