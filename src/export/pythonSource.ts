/**
 * Python source text from our values: number literals that read back as the very same doubles,
 * wrapped array literals, and comments that text from a scenario file cannot break out of.
 */
import { pyStr } from '../engine/pyfloat.js';

/** A float literal: Python's repr, the shortest text that reads back as the same double (`0.5`, `1.0`, `1e-07`). */
export function pyFloat(x: number): string {
  return pyStr(x);
}

/** A data literal: whole numbers as the book writes them (`1`, `0`), anything else as a float literal. */
export function pyNumber(x: number): string {
  return Number.isSafeInteger(x) && !Object.is(x, -0) ? String(x) : pyFloat(x);
}

/** `[a, b, c]`, wrapped before `width` columns; continuation lines start at `indent` columns. */
export function pyList(items: readonly string[], indent: number, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    // Continuation lines start after `indent + 1` columns and end in a comma.
    if (line !== '' && indent + 1 + line.length + 2 + item.length + 1 > width) {
      lines.push(line + ',');
      line = '';
    }
    line += line === '' ? item : `, ${item}`;
  }
  lines.push(line);
  return `[${lines.join('\n' + ' '.repeat(indent + 1))}]`;
}

/** `np.array([[...],\n [...]])` with one row per line, as `name = ` + this reads best. */
export function npMatrix(name: string, rows: readonly (readonly string[])[]): string {
  const head = `${name} = np.array([`;
  const inner = rows.map((r) => pyList(r, head.length));
  return `${head}${inner.join(',\n' + ' '.repeat(head.length))}])`;
}

/**
 * Text from a scenario (its title, an id taken from a file name) made safe for a `#` comment: a
 * line break would end the comment and turn the rest into code that runs on a student's machine,
 * and bidirectional or other invisible format characters can make code read differently than it runs.
 */
export function commentText(text: string, max = 160): string {
  const clean = [...text.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\s]+/gu, ' ').trim()];
  return clean.length > max ? `${clean.slice(0, max - 1).join('')}…` : clean.join('');
}
