/**
 * Recording a live session in a real pseudo-terminal (script(1)), killing it with SIGKILL, and checking
 * casts with Debian's asciinema.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, cleanEnv, commandExists, ensureBuilt, markersOf, parseCastStrict, ROOT, runCli, sleep, tempDir, waitFor } from '../support/index.js';

const tmp = tempDir();
beforeAll(() => ensureBuilt());
afterAll(() => tmp.cleanup());

const hasScript = commandExists('script');
const hasAsciinema = commandExists('asciinema');
if (!hasScript) console.warn('skipping the live-recording tests: script(1) (util-linux) is not installed');
if (!hasAsciinema) console.warn('skipping the asciinema check: asciinema is not installed (apt-get install asciinema)');

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const readIfThere = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

describe.skipIf(!hasScript)('a live --record session', () => {
  it('killed with SIGKILL mid-session leaves a file whose every line parses', async () => {
    const cast = path.join(tmp.dir, 'killed.cast');
    const pidFile = path.join(tmp.dir, 'killed.pid');
    // The shell records its pid and becomes node (exec), so that pid is the app's.
    const command = `stty cols 80 rows 24; echo $$ > ${quote(pidFile)}; exec ${quote(process.execPath)} ${quote(CLI)} deep-net --record ${quote(cast)}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: ROOT, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.resume();
    child.stderr.resume();
    const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
    try {
      await waitFor('the first frame', () => (readIfThere(cast).includes('"deep-net · opened"') ? true : undefined));
      for (let i = 1; i <= 3; i++) {
        child.stdin.write(' ');
        await waitFor(`iteration ${i}`, () => (readIfThere(cast).includes(`"deep-net · iteration ${i} · error `) ? true : undefined));
      }
      child.stdin.write('n');
      await sleep(200);
      process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
    } finally {
      await Promise.race([closed, sleep(5000)]);
      child.kill('SIGKILL');
    }
    const text = readFileSync(cast, 'utf8');
    for (const line of text.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    const parsed = parseCastStrict(text);
    expect(parsed.header.width).toBe(80);
    expect(parsed.header.height).toBe(24);
    expect(Number.isInteger(parsed.header.timestamp)).toBe(true);
    expect(markersOf(parsed).slice(0, 4)).toEqual([
      'deep-net · opened',
      expect.stringMatching(/^deep-net · iteration 1 · error /),
      expect.stringMatching(/^deep-net · iteration 2 · error /),
      expect.stringMatching(/^deep-net · iteration 3 · error /),
    ]);
    // The keys as the terminal sent them, for replay.
    expect(parsed.events.filter((e) => e[1] === 'i').map((e) => e[2]).join('')).toBe('   n');
    // Killed: the app never got to show the cursor again.
    expect(text).not.toContain('\\u001b[?25h');
    if (hasAsciinema) expect(asciinemaCat(cast).status).toBe(0);
  });
});

function asciinemaCat(file: string) {
  return spawnSync('script', ['-qec', `asciinema cat ${quote(file)}`, '/dev/null'], { env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.skipIf(!hasAsciinema || !hasScript)('asciinema', () => {
  it('accepts a scripted recording', () => {
    const cast = path.join(tmp.dir, 'scripted.cast');
    expect(runCli(['deep-net', '--keys', 's n space p wait:500 p e m q', '--record', cast]).status).toBe(0);
    const result = asciinemaCat(cast);
    expect(result.stdout + result.stderr).not.toMatch(/asciinema: /);
    expect(result.status).toBe(0);
  });

  it('rejects a broken file (so the check above means something)', () => {
    const cast = path.join(tmp.dir, 'broken.cast');
    spawnSync('sh', ['-c', `printf '{"version":2,"width":80' > ${quote(cast)}`]);
    expect(asciinemaCat(cast).status).not.toBe(0);
  });
});
