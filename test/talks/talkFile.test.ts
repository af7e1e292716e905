/**
 * Talk files are checked as strictly as scenario files: strict JSON (duplicate keys, where a syntax
 * error is), unknown fields with the nearest name, one line per problem naming the file and the field,
 * a handful of lines at most, every stop's scenario and overrides checked before any screen starts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioFileError } from '../../src/scenarios/loader.js';
import { loadTalk } from '../../src/talks/talkLoader.js';
import { parseTalkText, TALK_LIMITS } from '../../src/talks/talkFile.js';
import chapter6 from '../../talks/chapter-6.json' with { type: 'json' };
import { ensureBuilt, ROOT, runCli, tempDir } from '../support/index.js';

const STOP = { scenario: 'deep-net', note: 'n' };

/** The lines a talk file's problems give (parsing only), or [] when it parses. */
function problems(file: unknown, name = 't.json'): string[] {
  try {
    parseTalkText(typeof file === 'string' ? file : JSON.stringify(file), name);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    return [...(error as ScenarioFileError).lines];
  }
}

describe('the format', () => {
  it('is a list of stops, or an object with the list, a title and a theme', () => {
    const list = parseTalkText(JSON.stringify([{ ...STOP, keys: 's s', overrides: { alpha: 0.5 } }]), 't.json');
    expect(list).toEqual({ title: undefined, theme: undefined, stopsField: '', stops: [{ scenario: 'deep-net', note: 'n', keys: ['s', 's'], overrides: { alpha: 0.5 } }] });
    const object = parseTalkText(JSON.stringify({ title: 'My talk', theme: 'high-contrast', stops: [STOP] }), 't.json');
    expect(object).toMatchObject({ title: 'My talk', theme: 'high-contrast', stopsField: 'stops', stops: [{ keys: [], overrides: {} }] });
  });

  it('takes the --keys names a clicker and a keyboard send, as key names', () => {
    const talk = parseTalkText(JSON.stringify([{ ...STOP, keys: 'space right home end f5 ctrl+l z' }]), 't.json');
    expect(talk.stops[0]!.keys).toEqual(['space', 'right', 'home', 'end', 'f5', 'ctrl+l', 'z']);
  });

  it('cleans the notes and the title of control characters (text from a file never drives the terminal)', () => {
    const talk = parseTalkText(JSON.stringify({ title: 'a\u001b]0;pwned\u0007b', stops: [{ ...STOP, note: ' one\nline \u001b[2J' }] }), 't.json');
    expect(talk.title).toBe('ab');
    expect(talk.stops[0]!.note).toBe('one line');
  });
});

describe('problems, one line each, naming the file and the field', () => {
  it.each([
    [[{ ...STOP, scenaro: 'x' }], 't.json: unknown field [0].scenaro: did you mean scenario?'],
    [[{ ...STOP, notes: 'x' }], 't.json: unknown field [0].notes: did you mean note?'],
    [{ stops: [STOP], titel: 'x' }, 't.json: unknown field titel: did you mean title?'],
    [{ stops: [STOP], colour: 'x' }, 't.json: unknown field colour: expected one of title, theme, stops'],
    [{ stops: [{ ...STOP, overrides: { alpah: 1 } }] }, 't.json: unknown field stops[0].overrides.alpah: did you mean alpha?'],
    [{ stops: [{ ...STOP, overrides: { batchsize: 1 } }] }, 't.json: unknown field stops[0].overrides.batchsize: did you mean batchSize?'],
    [{ stops: [{ ...STOP, overrides: { alpha: 0 } }] }, 't.json: stops[0].overrides.alpha: expected a number above 0 and at most 100, got 0'],
    [{ stops: [{ ...STOP, overrides: { iterations: 1.5 } }] }, 't.json: stops[0].overrides.iterations: expected a whole number from 1 to 1000000, got 1.5'],
    [{ stops: [{ ...STOP, overrides: { mode: 'fast' } }] }, 't.json: stops[0].overrides.mode: expected "sgd" or "batch" or "full", got "fast"'],
    [{ stops: [{ ...STOP, overrides: 3 }] }, 't.json: stops[0].overrides: expected an object such as { "alpha": 0.5 }, got 3'],
    [{ stops: [{ ...STOP, keys: 's xyz' }] }, "t.json: stops[0].keys: unknown key 'xyz': expected a single character, one of space enter esc tab backspace up down right left home end pageup pagedown ctrl+c ctrl+l f5 shift+f5, or wait:MS"],
    [{ stops: [{ ...STOP, keys: 'p wait:2000 p' }] }, "t.json: stops[0].keys: wait:MS does not apply: a stop's keys are played at once on arrival (p plays, and keeps playing)"],
    [{ stops: [{ ...STOP, keys: 's q' }] }, "t.json: stops[0].keys: 'q' quits, which a stop's keys may not do; leave it to the presenter"],
    [{ stops: [{ ...STOP, keys: 'pagedown' }] }, "t.json: stops[0].keys: 'pagedown' goes to the next stop, which a stop's keys may not do; leave it to the presenter"],
    [{ stops: [{ ...STOP, keys: ['s'] }] }, 't.json: stops[0].keys: expected the keys in "quotes", as --keys takes them ("s s space"), got an array of 1 item'],
    [{ stops: [{ scenario: 'deep-net' }] }, 't.json: stops[0].note: expected text in "quotes", got nothing (the field is missing)'],
    [{ stops: [{ ...STOP, note: '\u001b[2J' }] }, 't.json: stops[0].note: expected some text (control characters are removed)'],
    [{ stops: [{ ...STOP, note: 'x'.repeat(TALK_LIMITS.note + 1) }] }, `t.json: stops[0].note: expected at most ${TALK_LIMITS.note} characters (the limit), got ${TALK_LIMITS.note + 1}`],
    [{ stops: [{ note: 'n' }] }, 't.json: stops[0].scenario: expected a built-in id (see --list) or the path of a scenario .json file, got nothing (the field is missing)'],
    [{ stops: [] }, 't.json: stops: expected at least one stop'],
    [{ stops: 'deep-net' }, 't.json: stops: expected a list of stops [ { "scenario": …, "note": … } ], got "deep-net"'],
    [{ theme: 'dark', stops: [STOP] }, 't.json: theme: expected "default" or "high-contrast", got "dark"'],
    [[3], 't.json: [0]: expected a stop { "scenario": …, "note": … }, got 3'],
    ['"deep-net"', 't.json: (top level): expected a list of stops [ { "scenario": …, "note": … } ] or an object { "stops": [ … ] }, got "deep-net"'],
    ['[{"scenario": "deep-net", "note": "n",}]', "t.json: not valid JSON: line 1, column 39 ([0]): expected another \"property\" (JSON allows no comma before }), got '}'"],
  ])('%j', (file, line) => {
    expect(problems(file)).toEqual([line]);
  });

  it('refuses a key given twice, naming both lines', () => {
    const text = '[\n  {\n    "scenario": "deep-net",\n    "note": "a",\n    "note": "b"\n  }\n]';
    expect(problems(text)).toEqual(['t.json: [0].note is given twice (lines 4 and 5); JSON would keep only the last: give it once']);
  });

  it('reports every problem of a file together, at most a handful of lines', () => {
    const two = problems({ stops: [{ ...STOP, keys: 'q' }, { scenario: 'x', note: '' }] });
    expect(two).toEqual([
      "t.json: stops[0].keys: 'q' quits, which a stop's keys may not do; leave it to the presenter",
      't.json: stops[1].note: expected some text (control characters are removed)',
    ]);
    const many = problems({ stops: Array.from({ length: 9 }, () => ({ scenario: 'deep-net' })) });
    expect(many).toHaveLength(5);
    expect(many.at(-1)).toBe('t.json: and 5 more problems (fix these first)');
  });
});

describe('loading: every stop opened and its overrides checked, before any screen', () => {
  const tmp = tempDir();
  const write = (name: string, value: unknown) => {
    const file = path.join(tmp.dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };
  const loadLines = async (file: string) => {
    try {
      await loadTalk(file);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioFileError);
      return [...(error as ScenarioFileError).lines];
    }
  };

  it('opens built-ins by id and scenario files beside the talk file', async () => {
    write('mine.json', { title: 'Mine', data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] }, network: { layers: 2 }, training: { alpha: 0.1, iterations: 3 } });
    const file = write('talk.json', { stops: [STOP, { scenario: 'mine.json', note: 'my own', overrides: { iterations: 5 } }] });
    const talk = await loadTalk(file);
    expect(talk.title).toBe('talk');
    expect(talk.stops.map((s) => [s.scenario.id, s.note, s.overrides])).toEqual([
      ['deep-net', 'n', {}],
      ['mine', 'my own', { iterations: 5 }],
    ]);
  });

  it('refuses unknown scenarios and overrides that do not apply, naming the stop', async () => {
    const file = write('bad.json', {
      stops: [
        { scenario: 'deep-nett', note: 'a' },
        { scenario: 'whole-dataset', note: 'b', overrides: { hidden: 3 } },
        { scenario: 'missing.json', note: 'c' },
      ],
    });
    expect(await loadLines(file)).toEqual([
      `${file}: stops[0].scenario: unknown scenario 'deep-nett': expected a built-in id (see --list) or a path to a .json file`,
      `${file}: stops[1].overrides.hidden: 'whole-dataset' is a 2-layer net; --hidden applies to 3-layer nets only`,
      `${path.join(tmp.dir, 'bad.json')}: stops[2].scenario: ${path.join(tmp.dir, 'missing.json')}: no such file; expected a built-in id (see --list) or the path of a scenario .json file`,
    ]);
  });

  it('says what it expected of a talk file that cannot be read', async () => {
    expect(await loadLines(path.join(tmp.dir, 'nope.json'))).toEqual([
      `${path.join(tmp.dir, 'nope.json')}: no such file; expected chapter-6 (built in) or the path of a talk .json file`,
    ]);
    expect(await loadLines(tmp.dir)).toEqual([`${tmp.dir}: is a folder; expected a talk .json file`]);
  });

  it("the README's example talk loads, beside a scenario file of its own", async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const example = /## Giving a talk[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    write('my-lights.json', readFileSync(path.join(ROOT, 'scenarios/no-correlation.json'), 'utf8').replace('"id": "no-correlation"', '"id": "my-lights"'));
    const talk = await loadTalk(write('readme-talk.json', example));
    expect(talk.title).toBe('Backpropagation in ten minutes');
    expect(talk.theme).toBe('high-contrast');
    expect(talk.stops.map((s) => s.scenario.id)).toEqual(['whole-dataset', 'deep-net', 'my-lights']);
  });

  it('the built-in chapter-6 walks the chapter in the book\'s order', async () => {
    const talk = await loadTalk('chapter-6');
    expect(talk.stops.map((s) => s.scenario.id)).toEqual([
      'single-light',
      'whole-dataset',
      'whole-dataset',
      'overfit',
      'conflicting-pressure',
      'no-correlation',
      'linear-deep',
      'deep-net',
      'one-iteration',
    ]);
    // Every note fits two caption lines at 80 columns after "Stop 9/9: ".
    for (const stop of talk.stops) expect(stop.note.length + 'Stop 9/9: '.length).toBeLessThanOrEqual(150);
    expect(parseTalkText(JSON.stringify(chapter6), 'talks/chapter-6.json').stops).toHaveLength(9);
  });
});

describe('through the built CLI', () => {
  ensureBuilt();
  const tmp = tempDir();

  it('a bad talk file: exit 2, one line per problem on stderr, nothing on stdout', () => {
    const file = path.join(tmp.dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ stops: [{ scenario: 'deep-net', note: 'a', keys: 'q' }, { scenario: 'deep-net', nite: 'b' }] }));
    const run = runCli(['--talk', file, '--keys', '']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `streetlight-tui: ${file}: stops[0].keys: 'q' quits, which a stop's keys may not do; leave it to the presenter`,
      `streetlight-tui: ${file}: unknown field stops[1].nite: did you mean note?`,
      `streetlight-tui: ${file}: stops[1].note: expected text in "quotes", got nothing (the field is missing)`,
    ]);
  });

  it.each([
    [['--talk', 'chapter-6', 'deep-net'], "--talk: the talk opens its own scenarios; leave out 'deep-net'"],
    [['--talk', 'chapter-6', '--alpha', '0.5'], '--talk: each stop sets its own overrides in the talk file; leave out --alpha'],
    [['--talk', 'chapter-6', '--print'], '--talk: a talk is given on the screen, so it does not take --print'],
    [['--talk', ''], "--talk: expected chapter-6 or the path of a talk .json file, got ''"],
    [['deep-net', '--theme', 'dark'], "--theme: expected default or high-contrast, got 'dark'"],
  ])('%j is refused with one line', (args, line) => {
    const run = runCli([...args, '--keys', '']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`streetlight-tui: ${line}\n`);
  });

  it('a bad STREETLIGHT_THEME is refused with one line', () => {
    const run = runCli(['deep-net', '--keys', ''], { STREETLIGHT_THEME: 'neon' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("streetlight-tui: STREETLIGHT_THEME: expected default or high-contrast, got 'neon'\n");
  });
});
