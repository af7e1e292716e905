/**
 * A user-sized scenario file, made from a fixed seed: `rows` street lights of `lamps` lamps (each on or
 * off), WALK when at least two of the first three are on, a 3-layer relu net of `hidden` nodes, sgd.
 * The size of bench/scale.mjs's scenario is 1000 x 20 x 32.
 */
export function bigScenarioFile(rows: number, lamps: number, hidden: number, iterations: number): Record<string, unknown> {
  let seed = 7;
  const bit = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16) & 1;
  const inputs = Array.from({ length: rows }, () => Array.from({ length: lamps }, bit));
  return {
    id: 'big',
    title: `${rows} rows, ${lamps} lamps, ${hidden} hidden relu nodes`,
    data: { inputs, labels: inputs.map((r) => (r[0]! + r[1]! + r[2]! >= 2 ? 1 : 0)) },
    network: { layers: 3, hidden, activation: 'relu', seed: 1 },
    training: { alpha: 0.01, iterations, mode: 'sgd' },
  };
}
