/** The exported script as text: the book's names, the header, exact literals, safe comments, the helpers it needs. */
import { describe, expect, it } from 'vitest';
import { numpyRunOf, overridesText, scriptFileName } from '../../src/export/numpyRun.js';
import { numpyScript } from '../../src/export/numpyScript.js';
import { commentText, npMatrix, pyFloat, pyList, pyNumber } from '../../src/export/pythonSource.js';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { generatedScenarios } from './generatedScenarios.js';

const script = (id: string, overrides = {}, style: 'notebook' | 'book' = 'notebook') => numpyScript(numpyRunOf(findBuiltIn(id)!, overrides, style));

describe('numpyScript', () => {
  it("writes deep-net as the notebook's cell, with the book's names", () => {
    const text = script('deep-net');
    for (const line of [
      'np.random.seed(1)',
      'walk_vs_stop = np.array([[1, 1, 0, 0]]).T',
      'alpha = 0.2',
      'hidden_size = 4',
      'weights_0_1 = 2 * np.random.random((3, hidden_size)) - 1',
      'weights_1_2 = 2 * np.random.random((hidden_size, 1)) - 1',
      'for iteration in range(60):',
      '        layer_1 = relu(np.dot(layer_0, weights_0_1))',
      '        layer_1_delta = layer_2_delta.dot(weights_1_2.T) * relu2deriv(layer_1)',
      '        weights_0_1 -= alpha * layer_0.T.dot(layer_1_delta)',
      '    if iteration % 10 == 9:',
      '        print("Error:" + str(layer_2_error))',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toMatch(/^def relu\(x\): return \(x > 0\) \* x .*\ndef relu2deriv\(output\): return output > 0 /m);
    // Short sums go to np.dot itself; the helpers appear only where np.dot would add out of order.
    expect(text).not.toMatch(/w_sum|vect_mat_mul|py2_str/);
  });

  it('names the scenario, its settings and how the run is made in the header', () => {
    const lines = script('whole-dataset', { alpha: 0.5, mode: 'batch', batchSize: 4 }, 'book').split('\n');
    expect(lines[0]).toBe('# The whole dataset (scenario whole-dataset), a streetlight-tui run exported as a numpy script.');
    expect(lines[1]).toBe('# Settings: --alpha 0.5 --mode batch --batch-size 4');
    expect(lines[2]).toBe('# The run: a 2-layer net (3 lamps), 6 rows, alpha 0.5, 40 iterations,');
    expect(lines[3]).toBe('#   batch gradient descent (an averaged update per 4 rows); the starting weights written below.');
    expect(lines[4]).toContain("--print --style book prints for this run");
    expect(lines).toContain("os.environ['OPENBLAS_CORETYPE'] = 'Sandybridge'");
    expect(lines.indexOf("os.environ['OPENBLAS_CORETYPE'] = 'Sandybridge'")).toBeLessThan(lines.indexOf('import numpy as np'));
    expect(lines).toContain('def py2_str(x):');
    expect(lines).toContain('batch_size = 4');
    expect(lines).toContain('            print("Prediction:" + py2_str(prediction))');
  });

  it("writes single-light as the book's one-row cell and overfit with its held-out rows", () => {
    const single = script('single-light').split('\n');
    expect(single).toContain('input = streetlights[0]');
    expect(single).toContain('    print("Error:" + str(error) + " Prediction:" + str(prediction))');
    expect(single).not.toContain('train_rows');
    const overfit = script('overfit');
    expect(overfit).toContain('train_rows = [0]\nheld_out_rows = [1, 2, 3, 4, 5]\n');
    expect(overfit).toContain('    print("Held-out error:" + str(held_out_error) + "\\n")\n');
    expect(overfit).toContain('trained on row 0 of 6 (5 held out)');
  });

  it('writes drawn weights as np.random calls and given weights as exact literals', () => {
    const deep = findBuiltIn('deep-net')!;
    const run = numpyRunOf(deep, {}, 'notebook');
    const w = { layers: 3 as const, weights_0_1: [[0.1 + 0.2, -0, 1e-7]], weights_1_2: [[5e-324], [-1], [2 ** 60]] };
    const text = numpyScript({ ...run, setup: { ...run.setup, inputs: [[1]], labels: [1], trainRows: [0], initialWeights: w } });
    expect(text).not.toContain('np.random');
    expect(text).toContain('weights_0_1 = np.array([[0.30000000000000004, -0.0, 1e-07]])');
    expect(text).toContain(`weights_1_2 = np.array([[5e-324],\n${' '.repeat(24)}[-1.0],\n${' '.repeat(24)}[1.152921504606847e+18]])`);
    expect(script('whole-dataset')).toContain('weights = np.array([0.5, 0.48, -0.7])');
  });

  it('adds with w_sum where np.dot would not add in order', async () => {
    const gen = await generatedScenarios();
    const text = (title: string) => numpyScript(numpyRunOf(gen.find((g) => g.scenario.title === title)!.scenario, {}, 'notebook'));
    expect(text('Twenty lamps, one layer')).toContain('        prediction = w_sum(input, weights)\n');
    expect(text('Twenty lamps, one layer')).not.toContain('vect_mat_mul');
    const wideDeep = text('Twenty lamps, eighteen hidden nodes');
    expect(wideDeep).toContain('layer_1 = relu(np.dot(layer_0, weights_0_1))');
    expect(wideDeep).toContain('layer_2 = vect_mat_mul(layer_1, weights_1_2)');
    expect(text('Twenty lamps, one hidden node')).toContain('layer_1 = relu(vect_mat_mul(layer_0, weights_0_1))');
  });

  it('keeps text from a scenario file inside its comment', async () => {
    const hostile = (await generatedScenarios()).find((g) => g.scenario.title.startsWith('Lights'))!;
    const text = numpyScript(numpyRunOf(hostile.scenario, {}, 'notebook'));
    expect(text).not.toMatch(/[\r\u2028\u2029\u202e]/);
    for (const line of text.split('\n').filter((l) => /sys\.exit|owned/.test(l))) expect(line.startsWith('# ')).toBe(true);
  });
});

describe('python source helpers', () => {
  it('writes numbers that Python reads back as the same doubles', () => {
    expect([1, 0, -3, 0.5, -0, 1e16, 2 ** 53 + 2, 1e-5].map(pyNumber)).toEqual(['1', '0', '-3', '0.5', '-0.0', '1e+16', '9007199254740994.0', '1e-05']);
    expect(pyFloat(1)).toBe('1.0');
  });

  it('wraps long lists and writes one matrix row per line', () => {
    const items = Array.from({ length: 40 }, (_, i) => String(i));
    const text = pyList(items, 10, 40);
    expect(text.split('\n').every((l) => l.length <= 40)).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toBe(`[${items.join(', ')}]`);
    expect(npMatrix('m', [['1', '2'], ['3', '4']])).toBe('m = np.array([[1, 2],\n              [3, 4]])');
  });

  it('flattens control, format and line-separator characters in comments', () => {
    expect(commentText('a\nb\r\nc\u2028d\u202ee\tf')).toBe('a b c d e f');
    expect([...commentText('é'.repeat(200), 10)]).toHaveLength(10);
  });

  it('names overrides as options and the file the X key writes', () => {
    expect(overridesText({ mode: 'batch', alpha: 0.5, batchSize: 4, seed: 0 })).toBe('--alpha 0.5 --seed 0 --mode batch --batch-size 4');
    expect(overridesText({})).toBe('');
    expect(scriptFileName('deep-net')).toBe('deep-net-run.py');
    expect(scriptFileName('../my lights')).toBe('my-lights-run.py');
  });
});
