/** The JSON problem finder agrees with JSON.parse on what is JSON, and says where and what went wrong. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeJsonProblem, findJsonProblem } from '../../src/scenarios/jsonProblem.js';

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
