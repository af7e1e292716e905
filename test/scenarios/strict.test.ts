/**
 * Strict files: unknown fields refused with the nearest name, duplicate keys refused, a file's problems
 * reported together (one line each, a handful at most), limits stated, and file text cleaned for the terminal.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { LIMITS } from '../../src/scenarios/limits.js';
import { ScenarioFileError, parseScenario } from '../../src/scenarios/loader.js';
import { buildSetup } from '../../src/scenarios/setup.js';

const BASE = { title: 't', data: { inputs: [[1, 0], [0, 1]], labels: [1, 0] }, network: { layers: 2 }, training: { alpha: 0.1, iterations: 1 } };

/** The lines a file's problems give, or [] when it loads. */
async function problems(file: unknown, name = 'x.json'): Promise<string[]> {
  try {
    await parseScenario(typeof file === 'string' ? file : JSON.stringify(file), name);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect(error).toBeInstanceOf(UsageError);
    const lines = (error as ScenarioFileError).lines;
    expect((error as Error).message).toBe(lines.join('\n'));
    return [...lines];
  }
}

const json = (value: unknown) => JSON.stringify(value);

describe('unknown fields are refused, with the nearest known name', () => {
  it.each([
    [{ ...BASE, training: { alpah: 0.1, alpha: 0.1, iterations: 1 } }, 'x.json: unknown field training.alpah: did you mean alpha?'],
    [{ ...BASE, network: { layers: 3, hiden: 6 } }, 'x.json: unknown field network.hiden: did you mean hidden?'],
    [{ ...BASE, network: { layers: 3, sead: 2 } }, 'x.json: unknown field network.sead: did you mean seed?'],
    [{ ...BASE, training: { ...BASE.training, batchsize: 3 } }, 'x.json: unknown field training.batchsize: did you mean batchSize?'],
    [{ ...BASE, fokus: 'chart' }, 'x.json: unknown field fokus: did you mean focus?'],
    [{ ...BASE, lesson: { defualt: 'x' } }, 'x.json: unknown field lesson.defualt: did you mean default?'],
    [{ ...BASE, alpha: 0.5 }, 'x.json: unknown field alpha: alpha belongs in training.alpha'],
    [{ ...BASE, colour: 'red' }, 'x.json: unknown field colour: expected one of $schema, id, title, summary, description, lesson, data, network, training, log, focus'],
    [{ ...BASE, network: { layers: 2, hiden: 6 } }, 'x.json: unknown field network.hiden: did you mean hidden? (hidden applies to 3-layer nets only; this one has layers 2)'],
    [{ ...BASE, network: { layers: 2, hidden: 6 } }, 'x.json: network.hidden: applies to 3-layer nets only; this one has layers 2'],
    [{ ...BASE, network: { layers: 2, activation: 'relu' } }, 'x.json: network.activation: applies to 3-layer nets only; this one has layers 2'],
  ])('%j', async (file, line) => {
    expect(await problems(file)).toEqual([line]);
  });

  it('fields that do not apply to this net are refused, saying why', async () => {
    expect(await problems({ ...BASE, network: { layers: 2, weights: [1, 2], seed: 3 } })).toEqual([
      'x.json: network.seed: does not apply: network.weights gives the starting weights (leave seed out)',
    ]);
    expect(await problems({ ...BASE, log: { format: 'predictions', every: 10 } })).toEqual(['x.json: log.every: applies to format "error-every" only, not "predictions"']);
    expect(await problems({ ...BASE, lesson: { default: 'd', relu: 'r' } })).toEqual([
      'x.json: lesson.relu: applies to 3-layer nets (the activation); a 2-layer net takes default, sgd, batch, full',
    ]);
  });
});

describe('duplicate keys are refused (JSON.parse would keep the last)', () => {
  it('names the field and both lines', async () => {
    const text = '{\n  "title": "t",\n  "data": {"inputs": [[1]], "labels": [1]},\n  "network": {"layers": 2},\n  "training": {\n    "alpha": 0.1,\n    "iterations": 1,\n    "alpha": 99\n  }\n}';
    expect(await problems(text)).toEqual(['x.json: training.alpha is given twice (lines 6 and 8); JSON would keep only the last: give it once']);
  });
});

describe('a file’s problems come together, in file order, one line each, at most a handful', () => {
  it('a new user’s first file: every mistake at once', async () => {
    const file = { title: '', data: { inputs: [[1, 0], [0]], labels: [1] }, network: { layers: 3, hiden: 2 }, training: { alpha: 0, iterations: 10 } };
    expect(await problems(file)).toEqual([
      'x.json: title: expected a non-empty title, got ""',
      'x.json: data.inputs[1]: expected 2 numbers like row 0, got 1 (rows must all be the same length)',
      'x.json: unknown field network.hiden: did you mean hidden?',
      'x.json: training.alpha: expected a number above 0 and at most 100, got 0',
    ]);
  });

  it(`more than ${LIMITS.problems}: the first ${LIMITS.problems - 1} and a count`, async () => {
    const file = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, ...BASE };
    const lines = await problems(file);
    expect(lines).toHaveLength(LIMITS.problems);
    expect(lines.slice(0, 4)).toEqual(['a', 'b', 'c', 'd'].map((k) => `x.json: unknown field ${k}: expected one of $schema, id, title, summary, description, lesson, data, network, training, log, focus`));
    expect(lines[4]).toBe('x.json: and 2 more problems (fix these first)');
  });

  it('a syntax error is one line with its place', async () => {
    expect(await problems('{"title": "t",\n "data": [1,]}')).toEqual(["x.json: not valid JSON: line 2, column 13 (data): expected another value (JSON allows no comma before ]), got ']'"]);
  });
});

describe('limits say what they are', () => {
  const rows = (n: number) => ({ ...BASE, data: { inputs: Array.from({ length: n }, () => [1]), labels: Array.from({ length: n }, () => 1) } });
  it.each([
    [{ ...BASE, data: { ...BASE.data, inputs: [Array(65).fill(1), Array(65).fill(1)] } }, 'x.json: data.inputs[0]: expected at most 64 numbers (the limit), got 65'],
    [{ ...BASE, data: { ...BASE.data, train: Array(1001).fill(0) } }, 'x.json: data.train: expected at most 1000 row numbers (the limit), got 1001'],
    [{ ...BASE, training: { alpha: 0.1, iterations: 1e20 } }, 'x.json: training.iterations: expected at most 1000000 (the limit), got 100000000000000000000'],
    [{ ...BASE, training: { alpha: 101, iterations: 1 } }, 'x.json: training.alpha: expected a number above 0 and at most 100 (the limit), got 101'],
    [{ ...BASE, network: { layers: 3, hidden: 257 } }, 'x.json: network.hidden: expected at most 256 (the limit), got 257'],
    [{ ...BASE, title: 'x'.repeat(101) }, 'x.json: title: expected at most 100 characters (the limit), got 101 characters'],
    [{ ...BASE, lesson: 'x'.repeat(201) }, 'x.json: lesson: expected at most 200 characters (the limit), got 201 characters'],
  ])('%#', async (file, line) => {
    expect(await problems(file)).toEqual([line]);
  });

  it('1001 rows: the maximum is 1000', async () => {
    expect(await problems(rows(LIMITS.rows + 1))).toEqual([
      'x.json: data.inputs: expected at most 1000 rows (the limit), got 1001',
      'x.json: data.labels: expected at most 1000 labels (the limit), got 1001',
    ]);
  });

  it('the total work (training, and writing the log) is bounded, with the option named', async () => {
    const deep = findBuiltIn('deep-net')!;
    // 1,000,000 iterations of 4 rows x 1024 weights, and every 10th error printed: about 9 s.
    expect(buildSetup(deep, { hidden: 256, iterations: 1_000_000 }).iterations).toBe(1_000_000);
    const inputs = Array.from({ length: 1000 }, () => Array(20).fill(0.5));
    const big = await parseScenario(json({ ...BASE, data: { inputs, labels: Array(1000).fill(1) }, network: { layers: 3, hidden: 32 } }), 'big.json');
    expect(buildSetup(big, { iterations: 60 }).iterations).toBe(60);
    expect(() => buildSetup(big, { iterations: 1_000_000 })).toThrow(
      '--iterations: 1000000 iterations would take 6.7e+11 steps (training 6.7e+11, writing the log 8.0e+7); the limit is 2e+10 (a minute or two), so at most 29758 iterations here',
    );
    expect(buildSetup(big, { iterations: 29_758 }).iterations).toBe(29_758);
    expect(() => buildSetup(big, { iterations: 29_759 })).toThrow(UsageError);
    expect(() => buildSetup(big, { hidden: 256, iterations: 5000 })).toThrow(/^--iterations: /);
    expect(() => buildSetup(big, { hidden: 256 }).iterations).not.toThrow();
    const fromFile = await parseScenario(json({ ...BASE, data: big.data, network: { layers: 3, hidden: 32 }, training: { alpha: 0.1, iterations: 1_000_000 } }), 'big.json');
    expect(() => buildSetup(fromFile)).toThrow(/^big\.json: training\.iterations: 1000000 iterations would take 6\.7e\+11 steps/);
    expect(() => buildSetup(fromFile, { hidden: 64 })).toThrow(/^--hidden: /);
  });

  it('what the log prints counts: a 1000-row, 1-lamp file trains fast but would print a billion lines', async () => {
    const inputs = Array.from({ length: 1000 }, () => [1]);
    const lamp = await parseScenario(json({ ...BASE, data: { inputs, labels: Array(1000).fill(1) }, training: { alpha: 0.001, iterations: 1_000_000 } }), 'lamp.json');
    expect(() => buildSetup(lamp)).toThrow(/^lamp\.json: training\.iterations: 1000000 iterations would take 8\.0e\+11 steps \(training 1\.0e\+9, writing the log 8\.0e\+11\)/);
    // --json prints every weight of every iteration instead.
    expect(buildSetup(lamp, { iterations: 1_000_000 }, { json: true }).iterations).toBe(1_000_000);
    const deep = findBuiltIn('deep-net')!;
    expect(() => buildSetup(deep, { hidden: 256, iterations: 1_000_000 }, { json: true })).toThrow(/writing the log 1\.0e\+11/);
  });
});

describe('text from the file is cleaned for the terminal', () => {
  const OSC52 = '\x1b]52;c;ZWNobyBwd25lZA==\x07';
  const OSC0 = '\x1b]0;pwned\x1b\\';
  it('in every text field; a summary stays one line, a description keeps its line breaks', async () => {
    const s = await parseScenario(
      json({
        ...BASE,
        id: 'safe',
        title: `My${OSC52} net${OSC0}`,
        summary: `one\nline\x1b[2J`,
        description: `para one\x07\npara two\x9b31m`,
        lesson: { default: `less${OSC0}on`, sgd: 'a\r\nb' },
      }),
      `evil${OSC0}.json`,
    );
    expect([s.title, s.summary, s.description, s.lesson]).toEqual(['My net', 'one line', 'para one\npara two', { default: 'lesson', sgd: 'a b' }]);
    expect(s.source).toBe('evil.json');
  });

  it('the file name stands in for a missing id, cleaned', async () => {
    const s = await parseScenario(json(BASE), `dir/my${OSC0}-net.json`);
    expect(s.id).toBe('my-net');
  });

  it('in every message that quotes the file or its name', async () => {
    const lines = [
      ...(await problems(`{"ti\x1b]0;x\x07tle": 1}`, `a${OSC52}.json`)),
      ...(await problems(json({ ...BASE, [`k${OSC52}`]: 1, title: 5 }), `b${OSC0}.json`)),
      ...(await problems(json({ ...BASE, network: { layers: `2${OSC0}` } }))),
    ];
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
    expect(lines[0]).toBe("a.json: not valid JSON: line 1, column 5: expected no line break or control character inside a string (write \\n), got '\\u001b'");
  });
});
