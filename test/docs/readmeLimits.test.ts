/**
 * The README's limits and exit codes: the table states what src/scenarios/limits.ts enforces, the
 * format document it links to exists, and every exit code the CLI uses is explained.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenarios/limits.js';
import { ROOT } from '../support/cli.js';

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('## Limits and exit codes'), README.indexOf('\n## ', README.indexOf('## Limits and exit codes') + 1));

/** The limits table as { first cell: second cell }. */
function limitsTable(): Record<string, string> {
  const block = /<!-- limits:start -->\n([\s\S]*?)<!-- limits:end -->/.exec(README)?.[1] ?? '';
  const rows = block.trim().split('\n').slice(2).map((line) => line.split('|').slice(1, -1).map((c) => c.trim()));
  return Object.fromEntries(rows.map(([what, value]) => [what!.replace(/ \(.*$/, ''), value!]));
}

describe('README: limits and exit codes', () => {
  it('states every limit limits.ts enforces, with its value', () => {
    const table = limitsTable();
    const n = (x: number) => x.toLocaleString('en-US');
    expect(table).toMatchObject({
      rows: String(LIMITS.rows),
      'lamps per row': String(LIMITS.inputs),
      'hidden nodes': String(LIMITS.hidden),
      iterations: n(LIMITS.iterations),
      alpha: `above 0, at most ${LIMITS.alpha}`,
      seed: `0 to ${LIMITS.seed}`,
      'file size': `${LIMITS.fileBytes / 1024 / 1024} MB`,
      'nesting of `[ ]` and `{ }`': `${LIMITS.nesting} levels`,
      'title, summary, description, lesson, id': `${LIMITS.title}, ${LIMITS.summary}, ${LIMITS.description}, ${LIMITS.lesson}, ${LIMITS.id} characters`,
    });
    const [mantissa, exponent] = LIMITS.work.toExponential().split('e+');
    expect(table['total work of a run to the end: iterations × rows × weights, and the log it prints']).toMatch(new RegExp(`^${mantissa} × 10\\^${exponent} steps`));
  });

  it('links the scenario format, which exists', () => {
    expect(section).toContain('[docs/scenario-format.md](docs/scenario-format.md)');
    expect(existsSync(path.join(ROOT, 'docs', 'scenario-format.md'))).toBe(true);
  });

  it('explains exit codes 0, 1, 2, 130 and 128 + a signal', () => {
    const codes = [...section.matchAll(/^\| (\d+(?: \+ n)?) \|/gm)].map((m) => m[1]);
    expect(codes).toEqual(['0', '1', '2', '130', '128 + n']);
    expect(section).toMatch(/SIGHUP 129, SIGTERM 143/);
  });
});
