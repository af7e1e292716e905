/** The JSON problem finder agrees with JSON.parse on what is JSON, and says where and what went wrong. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeJsonProblem, findJsonProblem, parseStrictJson } from '../../src/scenarios/strictJson.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonProblem', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const name of readdirSync('scenarios')) expect(findJsonProblem(readFileSync(`scenarios/${name}`, 'utf8'))).toBeUndefined();
    for (const text of ['0', '-1.5e-3', '"a\\u00e9\\n"', ' [ ] ', '{}', '{"a":[1,{"b":null}],"c":true}', '[false]']) {
      expect(findJsonProblem(text), text).toBeUndefined();
    }
  });

  it.each([
    ['{"a": NaN}', 'line 1, column 7 (a): expected a value (a number, "text", true, false, null, [...] or {...}), got \'NaN\''],
    ['{"a": [1, 2,]}', 'line 1, column 13 (a): expected another value (JSON allows no comma before ]), got \']\''],
    ['{\n  "a": 1\n  "b": 2\n}', "line 3, column 3 (a): expected ',' or '}', got '\"'"],
    ["{'a': 1}", `line 1, column 2: expected a "quoted" property name, got '''`],
    ['{"a": "x\ny"}', 'line 1, column 9 (a): expected no line break or control character inside a string (write \\n), got \'\\n\''],
    ['{"a": 1} x', 'line 1, column 10: expected the end of the file after the top-level value, got \'x\''],
    ['{"a": {"b": [1, 0', 'line 1, column 18 (a.b[1]): expected \',\' or \']\', got the end of the file'],
    ['', 'line 1, column 1: expected a value (a number, "text", true, false, null, [...] or {...}), got the end of the file'],
    ['{"a": 01}', "line 1, column 8 (a): expected ',' or '}', got '1'"],
  ])('%j', (text, message) => {
    expect(parses(text)).toBe(false);
    expect(describeJsonProblem(findJsonProblem(text)!)).toBe(message);
  });

  it('agrees with JSON.parse on thousands of corrupted scenario files', () => {
    const base = readFileSync('scenarios/deep-net.json', 'utf8');
    const junk = [',', '}', ']', '"', ':', 'N', '-', '.', 'e', '\n', '\\', '0', ' '];
    let state = 12345;
    const random = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
    for (let k = 0; k < 3000; k++) {
      const at = random(base.length);
      const text = k % 3 === 0 ? base.slice(0, at) : k % 3 === 1 ? base.slice(0, at) + junk[random(junk.length)] + base.slice(at) : base.slice(0, at) + base.slice(at + 1);
      expect(findJsonProblem(text) === undefined, JSON.stringify(text.slice(Math.max(0, at - 20), at + 20))).toBe(parses(text));
    }
  });
});

describe('parseStrictJson', () => {
  const value = (text: string) => {
    const r = parseStrictJson(text);
    if (!r.ok) throw new Error(describeJsonProblem(r.problem));
    return r.value;
  };

  it('builds the very value JSON.parse builds, numbers to the last bit', () => {
    const texts = [
      ...readdirSync('scenarios').map((n) => readFileSync(`scenarios/${n}`, 'utf8')),
      ...['user-5x6.json', 'user-2layer.json'].map((n) => readFileSync(`test/fixtures/${n}`, 'utf8')),
      '[0.1, 1e-320, -0, 1e308, 123456789012345678901234567890, 0.30000000000000004, 5e-324]',
      '"a\\u00e9\\n\\"\\\\\\/\\ud83d\\udea6"',
      '{"__proto__": {"x": 1}, "a": [true, false, null, {}]}',
    ];
    for (const text of texts) {
      const mine = value(text);
      expect(mine).toEqual(JSON.parse(text));
      expect(JSON.stringify(mine)).toBe(JSON.stringify(JSON.parse(text)));
    }
    expect(Object.is((value('[-0]') as number[])[0], -0)).toBe(true);
    // `__proto__` is an own property, as with JSON.parse, not the prototype.
    const o = value('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__']);
  });

  it('records every key given twice, with both lines, and keeps the last value as JSON.parse does', () => {
    const r = parseStrictJson('{"a": 1,\n "b": {"c": 1, "c": 2},\n "a": 3}');
    expect(r.ok && r.duplicates).toEqual([
      { field: 'b.c', firstLine: 2, line: 2 },
      { field: 'a', firstLine: 1, line: 3 },
    ]);
    expect(r.ok && r.value).toEqual({ a: 3, b: { c: 2 } });
  });

  it('refuses nesting deeper than a scenario needs before it recurses: 100,000 levels is one problem, not a stack overflow', () => {
    for (const open of ['[', '{"a":']) {
      const text = open.repeat(100_000);
      const r = parseStrictJson(text);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(describeJsonProblem(r.problem)).toMatch(/^line 1, column \d+ \(.*\): expected at most 16 levels of nesting \(a scenario file needs 4\), got an? (array|object) nested deeper$/);
      }
    }
    expect(parseStrictJson('[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]').ok).toBe(true);
    expect(parseStrictJson('[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]').ok).toBe(false);
  });

  it('parses a 1000 x 20 file in a few milliseconds', () => {
    const text = JSON.stringify({ data: { inputs: Array.from({ length: 1000 }, (_, r) => Array.from({ length: 20 }, (_, j) => ((r * 7 + j * 13) % 97) / 97)) } }, null, 2);
    parseStrictJson(text);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      parseStrictJson(text);
      times.push(performance.now() - t);
    }
    expect(Math.min(...times)).toBeLessThan(15);
  });

  it('reports a raw control character in a key that also holds an escape (it threw a SyntaxError, exit 1)', () => {
    const result = parseStrictJson('{"ti\x1b]0;x\x1b\\tle": 1}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeJsonProblem(result.problem)).toBe("line 1, column 5: expected no line break or control character inside a string (write \\n), got '\\u001b'");
  });
});
