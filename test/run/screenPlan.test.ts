/** The command line a recording's header carries must open the same app again, --compare included. */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args.js';
import { appArguments } from '../../src/run/screenPlan.js';

describe('appArguments', () => {
  it.each([
    [['deep-net']],
    [['whole-dataset', '--alpha', '0.30000000000000004', '--mode', 'batch', '--batch-size', '2']],
    [['whole-dataset', '--compare', 'mode=full,alpha=0.5']],
    [['deep-net', '--hidden', '8', '--compare', 'activation=linear,seed=3']],
    [['--talk', 'chapter-6']],
  ])('%j reads back as the same options', (args) => {
    const options = parseCli(args);
    const again = parseCli(appArguments(options));
    expect(again.scenario).toBe(options.scenario);
    expect(again.talk).toBe(options.talk);
    expect(again.overrides).toEqual(options.overrides);
    expect(again.compare).toEqual(options.compare);
  });
});
