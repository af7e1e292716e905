/** The argument parser alone (pure: no process is started). */
import { describe, expect, it, vi } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { UsageError } from '../../src/errors.js';

function usageError(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
}

describe('parseCli', () => {
  it('reads a scenario with no options as the defaults', () => {
    expect(parseCli(['deep-net'])).toMatchObject({ scenario: 'deep-net', print: false, json: false, style: 'notebook', list: false });
    expect(Object.values(parseCli(['deep-net']).overrides).every((v) => v === undefined)).toBe(true);
  });

  it('reads every override', () => {
    const o = parseCli(['x.json', '--print', '--alpha', '0.05', '--iterations', '7', '--seed', '4294967295', '--hidden', '6', '--activation', 'linear', '--mode', 'batch', '--batch-size', '3']);
    expect(o.overrides).toEqual({ alpha: 0.05, iterations: 7, seed: 4294967295, hidden: 6, activation: 'linear', mode: 'batch', batchSize: 3 });
  });

  it('takes --option=value and exponent forms', () => {
    expect(parseCli(['deep-net', '--alpha=1e-3', '--iterations=2e1']).overrides).toMatchObject({ alpha: 0.001, iterations: 20 });
  });

  it('reads a negative number after an option as its value, so the range check can explain', () => {
    expect(usageError(['deep-net', '--alpha', '-1'])).toBe("--alpha: expected a number above 0 and at most 100, got '-1'");
    expect(usageError(['deep-net', '--seed', '-3'])).toBe("--seed: expected a whole number from 0 to 4294967295, got '-3'");
    expect(usageError(['deep-net', '--iterations', '-.5'])).toBe("--iterations: expected a whole number from 1 to 1000000, got '-.5'");
  });

  it.each([
    [['deep-net', '--alpha', 'abc'], "--alpha: expected a number above 0 and at most 100, got 'abc'"],
    [['deep-net', '--alpha', '0x10'], "--alpha: expected a number above 0 and at most 100, got '0x10'"],
    [['deep-net', '--alpha', '101'], "--alpha: expected a number above 0 and at most 100, got '101'"],
    [['deep-net', '--iterations', '1.5'], "--iterations: expected a whole number from 1 to 1000000, got '1.5'"],
    [['deep-net', '--iterations', ''], "--iterations: expected a whole number from 1 to 1000000, got ''"],
    [['deep-net', '--hidden', '257'], "--hidden: expected a whole number from 1 to 256, got '257'"],
    [['deep-net', '--mode', 'SGD'], "--mode: expected sgd or batch or full, got 'SGD'"],
    [['deep-net', '--bogus'], "unknown option '--bogus' (see --help)"],
    [['deep-net', '-x'], "unknown option '-x' (see --help)"],
    [['a', 'b'], 'expected one scenario, got 2: a b'],
    [['deep-net', '--style', 'book'], '--style: goes with --print or --export-numpy'],
    [['deep-net', '--print', '--json', '--style', 'book'], '--style: sets how the text log prints numbers; --json writes them as JSON does'],
    [['deep-net', '--alpha'], '--alpha: expected a value'],
    [['deep-net', '--keys', '--ascii'], '--keys: expected a value'],
    [['deep-net', '--list=3'], "--list: takes no value, got '3'"],
    [['deep-net', '-hx'], "unknown option '-x' (see --help)"],
  ])('%j → %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it("tells parse errors apart by their code, not by the wording of Node's message", async () => {
    // The same problems with Node's messages reworded: the lines stay ours.
    const util = await import('node:util');
    const real = util.parseArgs;
    const reworded = (config: Parameters<typeof real>[0]) => {
      try {
        return real(config);
      } catch (error) {
        (error as Error).message = 'quelque chose ne va pas';
        throw error;
      }
    };
    vi.doMock('node:util', () => ({ ...util, parseArgs: reworded }));
    vi.resetModules();
    try {
      const { parseCli: parse } = await import('../../src/cli/args.js');
      const message = (argv: string[]) => {
        try {
          parse(argv);
        } catch (error) {
          return (error as Error).message;
        }
        return 'no error';
      };
      expect(message(['deep-net', '--bogus'])).toBe("unknown option '--bogus' (see --help)");
      expect(message(['deep-net', '--alpha'])).toBe('--alpha: expected a value');
      expect(message(['deep-net', '--ascii=yes'])).toBe("--ascii: takes no value, got 'yes'");
    } finally {
      vi.doUnmock('node:util');
      vi.resetModules();
    }
  });
});
