/**
 * User scenario files made up for the export tests, parsed as the app parses a file: nets with more
 * lamps or hidden nodes than np.dot adds in order (16 or more), one-lamp and one-hidden-node nets
 * (where np.dot's bare product would print -0.0), shuffled training rows with held-out ones, every
 * log format, and a title that tries to break out of its comment.
 */
import type { NumberStyle } from '../../src/engine/pyfloat.js';
import { mersenneTwister } from '../../src/engine/random.js';
import { parseScenario } from '../../src/scenarios/loader.js';
import type { Scenario } from '../../src/scenarios/schema.js';
import type { Overrides } from '../../src/scenarios/setup.js';

export interface GeneratedCase {
  readonly scenario: Scenario;
  readonly overrides?: Overrides;
  readonly style?: NumberStyle;
}

/** `rows` rows of `lamps` lamps, each off, on, or dimmed to a tenth, drawn from `seed`; labels likewise. */
export function lights(seed: number, rows: number, lamps: number): { inputs: number[][]; labels: number[] } {
  const rng = mersenneTwister(seed);
  const level = () => {
    const r = rng.nextDouble();
    return r < 0.35 ? 0 : r < 0.7 ? 1 : Math.round(rng.nextDouble() * 10) / 10;
  };
  const inputs = Array.from({ length: rows }, () => Array.from({ length: lamps }, level));
  return { inputs, labels: inputs.map(() => (rng.nextDouble() < 0.5 ? 0 : 1)) };
}

async function scenario(file: string, json: object): Promise<Scenario> {
  return parseScenario(JSON.stringify(json), file);
}

export async function generatedScenarios(): Promise<GeneratedCase[]> {
  const wide = lights(20, 9, 20);
  const deepWide = await scenario('wide-deep.json', {
    title: 'Twenty lamps, eighteen hidden nodes',
    data: { ...wide, train: [8, 0, 2, 4, 6, 1, 3] },
    network: { layers: 3, hidden: 18, seed: 5 },
    training: { alpha: 0.01, iterations: 25 },
    log: { format: 'predictions' },
  });
  const flatWide = await scenario('wide-flat.json', {
    title: 'Twenty lamps, one layer',
    data: lights(21, 10, 20),
    network: { layers: 2, seed: 4 },
    training: { alpha: 0.02, iterations: 40 },
    log: { format: 'error-every', every: 5 },
  });
  const sixteen = await scenario('sixteen.json', {
    title: 'Sixteen lamps, fixed weights',
    data: lights(22, 6, 16),
    network: { layers: 2, weights: Array.from({ length: 16 }, (_, i) => ((i * 7) % 11) / 10 - 0.5) },
    training: { alpha: 0.03, iterations: 30, mode: 'batch', batchSize: 4 },
  });
  const narrow = await scenario('narrow.json', {
    title: 'Twenty lamps, one hidden node',
    data: lights(23, 5, 20),
    network: { layers: 3, hidden: 1, seed: 10 },
    training: { alpha: 0.02, iterations: 20 },
    log: { format: 'error-and-prediction' },
  });
  const oneLamp = await scenario('one-lamp.json', {
    title: 'One lamp, a negative weight',
    data: { inputs: [[1], [0], [0.5], [0]], labels: [1, 0, 1, 0] },
    network: { layers: 2, weights: [-0.5] },
    training: { alpha: 0.1, iterations: 3 },
  });
  const oneLampDeep = await scenario('one-lamp-deep.json', {
    title: 'One lamp, one hidden node',
    data: { inputs: [[1], [0], [0.5], [0]], labels: [0, 1, 0, 1] },
    network: { layers: 3, hidden: 1, seed: 10 },
    training: { alpha: 0.1, iterations: 6 },
    log: { format: 'predictions' },
  });
  const oneHidden = await scenario('one-hidden.json', {
    title: 'Three lamps, one hidden node',
    data: { inputs: [[1, 0, 1], [0, 1, 1], [0, 0, 1], [1, 1, 1]], labels: [1, 1, 0, 0] },
    network: { layers: 3, hidden: 1, seed: 3 },
    training: { alpha: 0.2, iterations: 8 },
    log: { format: 'predictions' },
  });
  const hostile = await scenario('evil"\n\u202e name.json', {
    title: 'Lights\nimport sys; sys.exit(3)\r\u2028print("owned")\u202e',
    data: { inputs: [[1, 0, 1], [0, 1, 1]], labels: [0, 1] },
    network: { layers: 2, weights: [0.5, 0.48, -0.7] },
    training: { alpha: 0.1, iterations: 2 },
  });
  return [
    { scenario: deepWide },
    { scenario: deepWide, overrides: { mode: 'batch', batchSize: 3 }, style: 'book' },
    { scenario: deepWide, overrides: { mode: 'full', activation: 'linear', hidden: 16 } },
    { scenario: flatWide },
    { scenario: flatWide, overrides: { mode: 'full' } },
    { scenario: sixteen },
    { scenario: narrow },
    { scenario: oneLamp },
    { scenario: oneLamp, overrides: { mode: 'full' } },
    { scenario: oneLampDeep },
    { scenario: oneHidden },
    { scenario: oneHidden, overrides: { mode: 'batch', batchSize: 3 } },
    { scenario: hostile },
  ];
}
