/**
 * The values a scenario file may leave out, filled in. Kept apart from the schema so that the built-ins
 * (bundled as data) get their defaults without loading the schema library.
 */
import type { Scenario, ScenarioFile, ThreeLayerNetwork, TwoLayerNetwork } from './schema.js';

/** The values a file may leave out. */
export const DEFAULTS = { summary: '', description: '', hidden: 4, activation: 'relu', seed: 1, mode: 'sgd', batchSize: 2, focus: 'lights' } as const;

/** Fills in what a valid file left out (it validates nothing: see validate.ts); drops `$schema`. */
export function withDefaults(file: ScenarioFile, id: string, source: string): Scenario {
  const n = file.network;
  const network: TwoLayerNetwork | ThreeLayerNetwork =
    n.layers === 2
      ? { ...n, ...(n.weights ? {} : { seed: n.seed ?? DEFAULTS.seed }) }
      : {
          ...n,
          hidden: n.weights_0_1?.[0]?.length ?? n.hidden ?? DEFAULTS.hidden,
          activation: n.activation ?? DEFAULTS.activation,
          ...(n.weights_0_1 ? {} : { seed: n.seed ?? DEFAULTS.seed }),
        };
  const { $schema: _schema, id: _id, ...rest } = file;
  return {
    ...rest,
    id,
    summary: file.summary ?? DEFAULTS.summary,
    description: file.description ?? DEFAULTS.description,
    network,
    training: { ...file.training, mode: file.training.mode ?? DEFAULTS.mode, batchSize: file.training.batchSize ?? DEFAULTS.batchSize },
    focus: file.focus ?? DEFAULTS.focus,
    source,
  };
}
