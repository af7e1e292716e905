/**
 * The chapter's lessons as the screen shows them, through the built CLI's scripted runs: each test is
 * a point of issue 8, checked on the final screen of a `--keys` run (so it runs against any build).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from '../support/index.js';

beforeAll(ensureBuilt);

function screen(args: string[], keys: string, size = '80x24'): string {
  const run = runCli([...args, '--keys', keys, '--size', size]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const cellsOf = (line: string) => line.replace(/^.*row \d+\s+/, '').trim().split(/\s+/);

describe('weight pressure, as the book tabulates it', () => {
  it("conflicting-pressure opens on the book's table: - 0 -, 0 + +, 0 0 -, + + +, 0 + +, - 0 -, with its counts", () => {
    const lines = screen(['conflicting-pressure'], 'wait:1').split('\n');
    const table = lines.filter((l) => /row \d\s+[-+0]\s+[-+0]\s+[-+0]\s*$/.test(l)).map((l) => cellsOf(l.slice(l.lastIndexOf('row'))).join(' '));
    expect(table).toEqual(['- 0 -', '0 + +', '0 0 -', '+ + +', '0 + +', '- 0 -']);
    expect(lines.find((l) => /\bup\s+1\s+3\s+3\s*$/.test(l))).toBeDefined();
    expect(lines.find((l) => /\bdown\s+2\s+0\s+3\s*$/.test(l))).toBeDefined();
    // The right-hand weight's column is singled out: pushed up as often as down.
    expect(lines.join('\n')).toMatch(/±w2/);
  });

  it('the pushes at the weights are a second view, behind v, and tell a dark lamp from a zero delta', () => {
    const text = screen(['whole-dataset'], 'v');
    expect(text).toMatch(/Pushes on the weights/);
    expect(text).toMatch(/row 0\s+\+\s+off\s+\+/);
  });

  it("conflicting-pressure draws w0, w1 and w2 over the iterations, and its lesson says what the numbers do", () => {
    const text = screen(['conflicting-pressure'], Array(12).fill('space').join(' '));
    expect(text).toMatch(/w0 [-\d.]+\s+• w1 [-\d.]+\s+∘ w2 [-\d.]+/);
    expect(text).not.toMatch(/waits/);
  });
});

describe('what a run does, said as it is', () => {
  it('whole-dataset --alpha 1.2 diverges, and says so: no plateau', () => {
    const text = screen(['whole-dataset', '--alpha', '1.2'], 'e');
    expect(text).toMatch(/diverged/);
    expect(text).not.toMatch(/plateau|levelled/);
  });

  it('the end of no-correlation shows the predictions of the final weights: 0.442 / 0.385 / 0.430 / 0.397', () => {
    const lights = screen(['no-correlation'], 'e').split('\n').filter((l) => /^[▸ ] \d  /.test(l));
    expect(lights.map((l) => /(WALK|STOP)\s+(-?\d\.\d{3})/.exec(l)![2])).toEqual(['0.442', '0.385', '0.430', '0.397']);
  });

  it('captions agree with the run: full mode, a mode switch on a 3-layer net, a single row', () => {
    expect(screen(['deep-net', '--mode', 'full'], 's s s s')).not.toMatch(/per row/);
    expect(screen(['deep-net', '--mode', 'full'], 'g')).toMatch(/this 3-layer net stays full/);
    expect(screen(['overfit'], 'g')).not.toMatch(/per 2 rows/);
    const single = screen(['single-light'], 'e');
    expect(single).toMatch(/down to \d\.\d+e-\d|down to 0\.0*[1-9]\d\d/);
    expect(single).not.toMatch(/down to 0\.001\b/);
  });
});

describe('the network, phase by phase', () => {
  it("one-iteration after predict and compare shows the book's figures: 0.132, -0.021, 1.043", () => {
    const text = screen(['one-iteration'], 's s');
    expect(text).toMatch(/layer_1\s+off\s+\+0\.132\s+off/);
    expect(text).toMatch(/layer_2\s+-0\.021\s+error\s+1\.043/);
    expect(text).toMatch(/goal - prediction/);
  });

  it("attribution passes a layer_2_delta of 0.25 back through [0, 1, 0.5, -1]: layer_1_delta [0, 0.25, 0.125, -0.25]", () => {
    const text = screen(['attribution'], 's s s');
    expect(text).toMatch(/layer_2_delta\s+\+0\.250/);
    expect(text).toMatch(/layer_1_delta\s+0\.000\s+\+0\.250\s+\+0\.125\s+-0\.250/);
  });

  it('the update shows the weight deltas as numbers, and the backpropagation the relu mask', () => {
    const text = screen(['deep-net'], 's s s s', '120x40');
    expect(text).toMatch(/Δweights_1_2\s+0\.000\s+-?\d\.\d{3}/);
    expect(text).toMatch(/Δweights_0_1/);
    expect(text).toMatch(/×relu2deriv\s+0\s+1\s+0\s+0/);
    const paged = screen(['deep-net'], 's s s s w');
    expect(paged).toMatch(/Δweights_1_2/);
    expect(screen(['whole-dataset'], 's s s')).toMatch(/input×delta\s+-0\.200\s+0\.000\s+-0\.200/);
  });

  it('layer_2_delta keeps its name with 2 or 3 hidden nodes', () => {
    // In the network panel (not the caption, which names it too): the label whole, then its value.
    for (const hidden of ['2', '3']) expect(screen(['deep-net', '--hidden', hidden], 's s')).toMatch(/^(.*\s{2})?layer_2_delta\s+[-+]\d\.\d{3}\s*$/m);
  });
});

describe('the lessons that had no screen', () => {
  it("dimmer-lights draws 0.9 and 0.1 differently, and says that B = A × 10 needs a smaller alpha", () => {
    const text = screen(['dimmer-lights'], 'wait:1');
    expect(text).toMatch(/◕ ○ ●/);
    expect(text).toMatch(/◔ ◕ ●/);
    expect(text).toMatch(/A x 10 = B|A × 10 = B/);
  });

  it('the end of deep-net: no lamp correlates with WALK, hidden nodes do (the intermediate dataset)', () => {
    const text = screen(['deep-net'], 'e v', '80x24');
    expect(text).toMatch(/Intermediate dataset/);
    expect(text).toMatch(/r\(WALK\)\s+·\s+\+0\.58\s+·\s+\+0\.58/);
    expect(text).toMatch(/lamps r\(WALK\): 0\.00 0\.00 ·/);
  });

  it("linear-deep: the single layer's predictions beside the 3-layer ones, and the best single layer as a floor", () => {
    const lines = screen(['linear-deep'], 'e').split('\n');
    for (const l of lines.filter((l) => /^[▸ ] \d  /.test(l))) {
      const [, three, one] = /(?:WALK|STOP)\s+(-?\d\.\d{3})\s+(-?\d\.\d{3})/.exec(l)!;
      expect(one).toBe(three);
    }
    // The floor: a dotted line, named in the chart's legend.
    expect(lines.join('\n')).toMatch(/┄ (best single layer|floor)/);
    expect(lines.filter((l) => /┤.*┄/.test(l))).toHaveLength(1);
  });

  it("after g the previous run's curve stays on the chart, named", () => {
    expect(screen(['whole-dataset'], 'e g e')).toMatch(/∘ sgd/);
  });

  it('overfit lands on w0 0.5, w2 -0.5; t trains on the next row too and the equilibrium breaks', () => {
    const end = screen(['overfit'], 'e');
    expect(end).toMatch(/w0 ● \+0\.500/);
    expect(end).toMatch(/w2 ● -0\.500/);
    const broken = screen(['overfit'], 'e t space');
    expect(broken).toMatch(/row \d \(of 2\)/);
    // Row 1 pushes w2 up again: it leaves -0.5.
    expect(Number(/w2 ● (-?\d\.\d{3})/.exec(broken)![1])).toBeGreaterThan(-0.45);
  });
});
