/**
 * Hostile scenario files, through the built CLI as a user would run them (`node dist/cli.js FILE
 * --print`) and through the loader: control sequences in every text field and in file names, unknown
 * and duplicate keys, deep nesting, huge and special files, random corruption.
 *
 * For a bad file: exit 2, nothing on stdout, one line per problem on stderr (at most a handful), each
 * naming the file; never an ESC, C1 or other control byte on either stream; a time bound per file.
 * The CLI prints the first line of a message today (src/cli.tsx); that every problem has its own line
 * is checked on the loader's ScenarioFileError, which the CLI should print line by line.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenarios/limits.js';
import { ScenarioFileError, loadScenarioFile, parseScenario } from '../../src/scenarios/loader.js';
import { shownFile } from '../../src/scenarios/problems.js';
import { CLI, ROOT, ensureBuilt, tempDir } from '../support/cli.js';

beforeAll(ensureBuilt);

const DIR = tempDir('streetlight-fuzz-').dir;
const SECONDS = 5;
/** Any byte a terminal acts on, but the newline that ends each line. */
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;

const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
const OSC0 = '\x1b]0;pwned\x1b\\';
const HOSTILE = [OSC52, OSC0, '\x1b[2J\x1b[H', '\x9b31m', '\x1bPtmux;\x1b\x1b]52;c;eA==\x07\x1b\\', '\r\x1b[Kfake prompt$ ', '\x07\x08\x00', '\x9d0;x\x9c', '\x1bc'];

const VALID = {
  title: 'Hostile',
  summary: 'one line',
  description: 'a paragraph',
  lesson: 'a lesson',
  data: { inputs: [[1, 0, 1], [0, 1, 1]], labels: [0, 1] },
  network: { layers: 2, weights: [0.5, 0.48, -0.7] },
  training: { alpha: 0.1, iterations: 3 },
};

interface Case {
  readonly name: string;
  /** Where the file is (written before the test unless `prepare` makes it). */
  readonly file: string;
  readonly text?: string | Buffer;
  readonly prepare?: (file: string) => void;
  /** A valid file (its texts are cleaned): exit 0 and a log. Undefined: whatever the loader says. */
  readonly valid?: boolean;
}

let counter = 0;
function at(name: string): string {
  return path.join(DIR, `${String(counter++).padStart(3, '0')}-${name}.json`);
}

function hostileCases(): Case[] {
  const cases: Case[] = [];
  // Control sequences in every text field, one at a time and all at once: the file is valid, its texts cleaned.
  for (const [i, seq] of HOSTILE.entries()) {
    for (const field of ['title', 'summary', 'description', 'lesson'] as const) {
      cases.push({ name: `${field} holding sequence ${i}`, file: at(`${field}-${i}`), text: JSON.stringify({ ...VALID, [field]: `x${seq}y` }), valid: true });
    }
    cases.push({ name: `lesson variants holding sequence ${i}`, file: at(`lessons-${i}`), text: JSON.stringify({ ...VALID, lesson: { default: `d${seq}`, sgd: `s${seq}`, full: seq + 'f' } }), valid: true });
    // ... and in an id, a key, a value the schema refuses: the messages quote them, cleaned.
    cases.push({ name: `id holding sequence ${i}`, file: at(`id-${i}`), text: JSON.stringify({ ...VALID, id: `my${seq}net` }) });
    cases.push({ name: `unknown key holding sequence ${i}`, file: at(`key-${i}`), text: JSON.stringify({ ...VALID, [`ti${seq}tle`]: 1 }) });
    cases.push({ name: `bad value holding sequence ${i}`, file: at(`value-${i}`), text: JSON.stringify({ ...VALID, network: { layers: `2${seq}` }, focus: seq }) });
    cases.push({ name: `raw sequence inside a string (not JSON) ${i}`, file: at(`raw-${i}`), text: `{"title": "a${seq}b"}` });
    cases.push({ name: `raw sequence outside strings ${i}`, file: at(`outside-${i}`), text: `{"title": "t"${seq}}` });
  }
  // File names holding sequences (Linux allows any byte but / and NUL).
  for (const [i, seq] of [OSC52, OSC0, '\x1b[31m', '\x9b2J'].entries()) {
    const name = path.join(DIR, `name${seq.replace(/\//g, '')}-${i}.json`);
    cases.push({ name: `file name holding sequence ${i} (bad file)`, file: name, text: JSON.stringify({ ...VALID, extra: 1 }) });
    cases.push({ name: `file name holding sequence ${i} (missing file)`, file: `${name}.missing.json` });
  }
  // Unknown and duplicate keys, several problems at once.
  cases.push({ name: 'misspelled keys everywhere', file: at('misspelled'), text: JSON.stringify({ titel: 't', data: { input: [[1]], labels: [1] }, network: { layers: 3, hiden: 2, sead: 1 }, training: { alpah: 0.1, iterations: 1, batchsize: 2 }, fokus: 'x' }) });
  cases.push({ name: 'duplicate keys', file: at('duplicates'), text: '{"title": "a", "title": "b", "data": {"inputs": [[1]], "labels": [1], "labels": [1]}, "network": {"layers": 2}, "training": {"alpha": 0.1, "alpha": 99, "iterations": 1}}' });
  cases.push({ name: 'a hundred unknown keys', file: at('hundred'), text: JSON.stringify({ ...VALID, ...Object.fromEntries(Array.from({ length: 100 }, (_, k) => [`k${k}`, k])) }) });
  // Deep nesting.
  cases.push({ name: '100,000-deep arrays', file: at('deep-arrays'), text: '['.repeat(100_000) + ']'.repeat(100_000) });
  cases.push({ name: '100,000-deep objects', file: at('deep-objects'), text: '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000) });
  cases.push({ name: 'deep nesting inside a valid file', file: at('deep-inside'), text: JSON.stringify({ ...VALID, lesson: JSON.parse('['.repeat(40) + ']'.repeat(40)) }) });
  cases.push({ name: 'unterminated deep nesting', file: at('deep-open'), text: '['.repeat(200_000) });
  // Huge files and values.
  cases.push({ name: 'a 9 MB file', file: at('huge'), text: Buffer.alloc(9 * 1024 * 1024, 0x20) });
  cases.push({ name: '1001 rows', file: at('rows'), text: JSON.stringify({ ...VALID, data: { inputs: Array.from({ length: 1001 }, () => [1]), labels: Array(1001).fill(1) }, network: { layers: 2 } }) });
  cases.push({ name: 'a million train entries', file: at('train'), text: JSON.stringify({ ...VALID, data: { ...VALID.data, train: Array(1_000_000).fill(0) } }) });
  cases.push({ name: 'iterations 1e20', file: at('iterations'), text: JSON.stringify({ ...VALID, training: { alpha: 0.1, iterations: 1e20 } }) });
  cases.push({ name: 'a title of a million characters', file: at('title'), text: JSON.stringify({ ...VALID, title: 'x'.repeat(1_000_000) }) });
  cases.push({ name: 'work over the bound', file: at('work'), text: JSON.stringify({ ...VALID, data: { inputs: Array.from({ length: 1000 }, () => Array(64).fill(1)), labels: Array(1000).fill(1) }, network: { layers: 3, hidden: 256 }, training: { alpha: 0.1, iterations: 1_000_000 } }) });
  cases.push({ name: 'numbers too large for a double', file: at('inf'), text: JSON.stringify(VALID).replace('0.48', '1e999') });
  // Not text, not files.
  cases.push({ name: 'not UTF-8', file: at('latin1'), text: Buffer.from([0x7b, 0x22, 0xe9, 0x9b, 0x32, 0x4a, 0x22, 0x7d]) });
  cases.push({ name: 'binary junk with ESC', file: at('binary'), text: Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 37 + 27) % 256)) });
  cases.push({ name: 'a FIFO', file: at('fifo'), prepare: (f) => execFileSync('mkfifo', [f]) });
  cases.push({ name: '/dev/zero', file: '/dev/zero' });
  cases.push({ name: '/dev/urandom', file: '/dev/urandom' });
  cases.push({ name: 'a folder', file: DIR + '/' });
  // Random corruption of a built-in file with hostile bytes.
  const base = readFileSync(path.join(ROOT, 'scenarios/deep-net.json'), 'utf8');
  let state = 4242;
  const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const junk = ['\x1b', '\x9b', '\x07', '\x00', '"', ',', '}', ']', '\\u001b', '\\u009b]52;', '"x":1,', '"alpha":9,', '1e999', '\n'];
  for (let k = 0; k < 30; k++) {
    const i = random(base.length);
    const text = base.slice(0, i) + junk[random(junk.length)] + base.slice(i + random(3));
    cases.push({ name: `corrupted deep-net ${k}`, file: at(`corrupt-${k}`), text });
  }
  return cases;
}

const CASES = hostileCases();
for (const c of CASES) {
  if (c.prepare) c.prepare(c.file);
  else if (c.text !== undefined) writeFileSync(c.file, c.text);
}

/** The stream as text; a byte that is not UTF-8 (a raw 8-bit C1 control would be one) shows as U+FFFD, which fails the check. */
function text(bytes: Buffer): string {
  const t = new TextDecoder('utf-8').decode(bytes);
  return t.includes('\uFFFD') ? `${t}\x9b(not UTF-8)` : t;
}

function run(args: readonly string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: DIR, encoding: 'buffer', timeout: SECONDS * 1000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: text(r.stdout), stderr: text(r.stderr), seconds: (performance.now() - started) / 1000 };
}

/** Whether the loader takes the file (the corrupted ones may still be valid JSON and a valid scenario). */
async function loads(file: string): Promise<boolean> {
  return loadScenarioFile(file).then(
    () => true,
    () => false,
  );
}

describe('hostile scenario files through the CLI', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const valid = c.valid ?? (c.name.startsWith('corrupted') && (await loads(c.file)));
    const r = run([c.file, '--print']);
    expect(r.signal, 'killed by the time bound').toBeNull();
    expect(r.seconds).toBeLessThan(SECONDS);
    // Not a byte a terminal would act on, on either stream (read as latin1, so C1 bytes show too).
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
    if (valid) {
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/^(Prediction|Error):/);
      return;
    }
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(LIMITS.problems);
    for (const line of lines) expect(line).toMatch(/^streetlight-tui: \S/);
    // The first line names the file, as shown (cleaned).
    expect(lines[0]).toContain(`streetlight-tui: ${shownFile(c.file)}: `);
  });

  it('a valid file whose title carries OSC 52 and OSC 0 draws harmless text on a scripted screen', () => {
    const file = at('screen');
    writeFileSync(file, JSON.stringify({ ...VALID, title: `My${OSC52} lights${OSC0}`, summary: `one${OSC52}\nline` }));
    const r = run([file, '--keys', '']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('My lights');
    expect(r.stdout).not.toContain('ZWNobyBwd25lZA');
    expect(r.stdout).not.toContain('pwned');
  });
});

describe('hostile scenario files through the loader: one line per problem', () => {
  it.each(CASES.filter((c) => !c.valid).map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const started = performance.now();
    const error = await loadScenarioFile(c.file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(SECONDS * 1000);
    if (error === undefined) {
      // Loads: a corruption that left a valid file, or one bounded elsewhere (the total work is checked
      // when the run is set up).
      expect(c.name).toMatch(/^corrupted|^work over the bound$/);
      return;
    }
    expect(error).toBeInstanceOf(ScenarioFileError);
    const lines = (error as ScenarioFileError).lines;
    expect((error as Error).message.split('\n')).toEqual(lines);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(LIMITS.problems);
    for (const line of lines) expect(line).not.toMatch(CONTROL);
  });

  it('the misspelled file reports each of its problems on its own line, with the nearest names', async () => {
    const c = CASES.find((k) => k.name === 'misspelled keys everywhere')!;
    const error = (await loadScenarioFile(c.file).catch((e: unknown) => e)) as ScenarioFileError;
    expect(error.lines).toHaveLength(LIMITS.problems);
    expect(error.lines.join('\n')).toMatch(/unknown field titel: did you mean title\?/);
    expect(error.lines.at(-1)).toMatch(/and \d+ more problems/);
  });

  it('texts of a valid hostile file come out clean, every one', async () => {
    for (const c of CASES.filter((k) => k.valid)) {
      const s = await parseScenario(readFileSync(c.file, 'utf8'), c.file);
      for (const text of [s.id, s.title, s.summary, s.source, ...(typeof s.lesson === 'object' ? Object.values(s.lesson) : [s.lesson ?? ''])]) {
        expect(text, c.name).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
      }
      // The description keeps its line breaks, and only those.
      expect(s.description, c.name).not.toMatch(CONTROL);
    }
  });
});
