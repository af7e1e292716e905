/** The new and changed built-ins through the built CLI: `--print` (both styles) and `--print --json` are numpy's. */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectExact, flat, TRAINING } from '../engine/fixtures.js';
import { ensureBuilt, runCli } from '../support/cli.js';

beforeAll(ensureBuilt);

describe('built CLI', () => {
  it.each(['dimmer-lights', 'attribution', 'one-iteration', 'overfit'])('%s --print, --print --style book, --print --json', (id) => {
    const c = TRAINING[id]!;
    expect(runCli([id, '--print'])).toEqual({ status: 0, stdout: c.print_notebook, stderr: '' });
    expect(runCli([id, '--print', '--style', 'book'])).toEqual({ status: 0, stdout: c.print_book, stderr: '' });
    const run = runCli([id, '--print', '--json']);
    expect([run.status, run.stderr]).toEqual([0, '']);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { error: number; weights: never; held_out_error?: number });
    expectExact(lines.map((l) => l.error), c.errors, 'errors');
    expectExact(lines.flatMap((l) => flat(l.weights)), c.weights.flatMap(flat), 'weights');
  });

  it('overfit --print --json ends at w0 0.5, w2 -0.5, zero training error, and shows the held-out error', () => {
    const last = JSON.parse(runCli(['overfit', '--print', '--json']).stdout.trimEnd().split('\n').at(-1)!);
    expect(last.iteration).toBe(60);
    expect(last.weights.weights.map((w: number) => w.toFixed(6))).toEqual(['0.500000', '0.480000', '-0.500000']);
    expect(last.error).toBeLessThan(1e-12);
    expect(last.held_out_error.toFixed(2)).toBe('2.60');
  });
});
