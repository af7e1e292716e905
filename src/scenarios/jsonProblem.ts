/**
 * Where a scenario file stops being JSON, and what was expected there.
 *
 * JSON.parse's messages vary between Node versions, some give no position at all, and some quote a
 * slice of the file that may hold a newline (which would break the one-line error). This small
 * scanner runs only after JSON.parse has failed, walks the text the way the grammar does, and reports
 * the line, column and field of the first problem, e.g. `line 14, column 14 (training.alpha):
 * expected a value, got 'NaN'`.
 */
export interface JsonProblem {
  readonly line: number;
  readonly column: number;
  /** The field being read, e.g. `data.inputs[2]`; empty at the top level. */
  readonly field: string;
  readonly expected: string;
  readonly got: string;
}

class Stop extends Error {
  constructor(readonly at: number, readonly expected: string) {
    super(expected);
  }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const ESCAPE = /\\(["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

export function findJsonProblem(text: string): JsonProblem | undefined {
  const path: (string | number)[] = [];
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string, expected: string) => {
    if (text[i] !== char) throw new Stop(i, expected);
    i++;
  };
  const string = (what = 'a "quoted" string') => {
    expect('"', what);
    while (text[i] !== '"') {
      if (i >= text.length) throw new Stop(i, 'a closing "');
      if (text.charCodeAt(i) < 0x20) throw new Stop(i, 'no line break or control character inside a string (write \\n)');
      if (text[i] === '\\') {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) throw new Stop(i, 'an escape such as \\" \\\\ \\n or \\u00e9');
        i = ESCAPE.lastIndex;
      } else i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') return members('}', () => {
      const start = i;
      string('a "quoted" property name');
      path.push(JSON.parse(text.slice(start, i)) as string);
      space();
      expect(':', "':' after the property name");
    });
    if (c === '[') {
      let index = 0;
      return members(']', () => path.push(index++));
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return void (i += word.length);
    NUMBER.lastIndex = i;
    if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    throw new Stop(i, 'a value (a number, "text", true, false, null, [...] or {...})');
  };
  /** The inside of an object or array: `before` reads a member's key (or numbers it), then its value. */
  const members = (close: string, before: () => void) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      space();
      before();
      value();
      space();
      // The member stays on the path until its separator is read, so a missing comma names it.
      if (text[i] === close) return void (path.pop(), i++);
      expect(',', `',' or '${close}'`);
      path.pop();
      space();
      if (text[i] === close) throw new Stop(i, close === '}' ? 'another "property" (JSON allows no comma before })' : 'another value (JSON allows no comma before ])');
    }
  };

  try {
    value();
    space();
    if (i < text.length) throw new Stop(i, 'the end of the file after the top-level value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    return {
      line,
      column: error.at - before.lastIndexOf('\n'),
      field: describeField(path),
      expected: error.expected,
      got: describeToken(text, error.at),
    };
  }
}

function describeField(path: readonly (string | number)[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function describeToken(text: string, at: number): string {
  if (at >= text.length) return 'the end of the file';
  const word = /[A-Za-z_][A-Za-z0-9_]*/y;
  word.lastIndex = at;
  const token = word.test(text) ? text.slice(at, word.lastIndex) : text[at]!;
  // Control characters are shown escaped (a raw newline would break the one-line message).
  return `'${/[\x00-\x1f]/.test(token) ? JSON.stringify(token).slice(1, -1) : token}'`;
}

/** `line 3, column 14 (training.alpha): expected …, got '…'` */
export function describeJsonProblem(p: JsonProblem): string {
  const where = `line ${p.line}, column ${p.column}${p.field ? ` (${p.field})` : ''}`;
  return `${where}: expected ${p.expected}, got ${p.got}`;
}
