/**
 * The built-in scenarios, bundled as data so that opening one (and `--print`) needs neither
 * the file system nor the schema library at run time. A test loads each file as a user file would
 * be loaded and checks that it gives exactly these objects.
 */
import attribution from '../../scenarios/attribution.json' with { type: 'json' };
import batchGd from '../../scenarios/batch-gd.json' with { type: 'json' };
import conflictingPressure from '../../scenarios/conflicting-pressure.json' with { type: 'json' };
import deepNet from '../../scenarios/deep-net.json' with { type: 'json' };
import dimmerLights from '../../scenarios/dimmer-lights.json' with { type: 'json' };
import fullGd from '../../scenarios/full-gd.json' with { type: 'json' };
import linearDeep from '../../scenarios/linear-deep.json' with { type: 'json' };
import noCorrelation from '../../scenarios/no-correlation.json' with { type: 'json' };
import oneIteration from '../../scenarios/one-iteration.json' with { type: 'json' };
import overfit from '../../scenarios/overfit.json' with { type: 'json' };
import singleLight from '../../scenarios/single-light.json' with { type: 'json' };
import wholeDataset from '../../scenarios/whole-dataset.json' with { type: 'json' };
import { withDefaults } from './defaults.js';
import type { Scenario, ScenarioFile } from './schema.js';

/** In the order of the spec's scenario table: the chapter's lessons as a talk takes them, the book's figures after the deep net (and the picker lists them so). */
export const BUILT_IN_FILES = [
  singleLight,
  wholeDataset,
  fullGd,
  batchGd,
  overfit,
  conflictingPressure,
  noCorrelation,
  linearDeep,
  deepNet,
  oneIteration,
  attribution,
  dimmerLights,
] as const;

export const BUILT_INS: readonly Scenario[] = BUILT_IN_FILES.map((file) =>
  withDefaults(file as unknown as ScenarioFile, file.id, 'built-in'),
);

export function findBuiltIn(id: string): Scenario | undefined {
  return BUILT_INS.find((s) => s.id === id);
}
