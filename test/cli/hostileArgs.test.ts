/**
 * Text from the command line and from ./scenarios reaches stderr and stdout cleaned: every error line
 * that quotes an argument (a --keys token, a --size or --alpha value, an option's name, a scenario name),
 * and `--list`'s ids, titles and problem lines. Through the built CLI, as a user runs it; the same in a
 * real terminal (tmux) is test/e2e/hostileText.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTROL, HOSTILE, PAYLOADS } from '../support/hostile.js';
import { ensureBuilt, runCli, tempDir } from '../support/index.js';

beforeAll(() => ensureBuilt());

function expectClean(text: string): void {
  expect(text).not.toMatch(CONTROL);
  for (const payload of PAYLOADS) expect(text).not.toContain(payload);
}

describe('error lines that quote the command line are cleaned', () => {
  it.each([
    ['a --keys token', ['deep-net', '--keys', `space x${HOSTILE}y`], "--keys: unknown key 'x"],
    ['a --size value', ['deep-net', '--keys', 'q', '--size', `80x24${HOSTILE}`], "--size: expected COLSxROWS such as 80x24, got '80x24"],
    ['an --alpha value', ['deep-net', '--alpha', `0.1${HOSTILE}`], "--alpha: expected a number above 0 and at most 100, got '0.1"],
    ['an --iterations value', ['deep-net', '--iterations', HOSTILE], '--iterations: expected a whole number'],
    ['a --mode value', ['deep-net', '--mode', HOSTILE], '--mode: expected sgd or batch or full'],
    ['an unknown option', ['deep-net', `--x${HOSTILE}`], "unknown option '--x"],
    ['an unknown scenario', [`my${HOSTILE}net`], "unknown scenario 'my"],
    ['a missing file', [`./missing${HOSTILE}.json`], './missing'],
  ])('%s', (_what, args, start) => {
    const run = runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expectClean(run.stderr);
    expect(run.stderr).toContain(`streetlight-tui: ${start}`);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a JSON syntax error inside a key holding escape sequences', () => {
    const tmp = tempDir();
    const file = path.join(tmp.dir, 'broken.json');
    writeFileSync(file, `{"ti${HOSTILE}tle": "x",, }`);
    const run = runCli([file, '--print']);
    expect(run.status).toBe(2);
    expectClean(run.stderr);
    expect(run.stderr).toContain('not valid JSON');
  });
});

describe('--list with hostile files in ./scenarios', () => {
  it('prints their names and titles cleaned, and the problem of a broken one cleaned, on one line each', () => {
    const tmp = tempDir();
    mkdirSync(path.join(tmp.dir, 'scenarios'));
    const valid = {
      title: `Evil ${HOSTILE}TITLE`,
      summary: `Evil ${HOSTILE}SUMMARY`,
      data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] },
      network: { layers: 2 },
      training: { alpha: 0.1, iterations: 5 },
    };
    // No id: the name comes from the file's name, which holds an escape sequence too.
    writeFileSync(path.join(tmp.dir, 'scenarios', `evil${HOSTILE}.json`), JSON.stringify(valid));
    writeFileSync(path.join(tmp.dir, 'scenarios', `broken${HOSTILE}.json`), `{"ti${HOSTILE}tle": 1,, }`);
    const run = runCli(['--list'], {}, tmp.dir);
    expect(run.status).toBe(0);
    expectClean(run.stdout);
    expectClean(run.stderr);
    expect(run.stdout).toMatch(/^evilpwned-name +Evil pwned-nameTITLE$/m);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^streetlight-tui: \S*scenarios\/broken\S*\.json: not valid JSON/);
  });
});
