/**
 * The scenario file format, for built-ins and user files alike: the one description of every field,
 * its type and its limits. scenarios/scenario.schema.json is generated from it (scripts/scenario-schema.mjs)
 * for editors, and docs/scenario-format.md explains it.
 *
 * It is written with zod/mini, whose functions bundle to a few kilobytes: the full zod library costs a
 * cold start tens of milliseconds to load. The big number arrays (data.inputs, labels, train, the
 * 3-layer weights) are described here for the JSON Schema, but checked by hand at run time
 * (validate.ts), which is many times faster on 20,000 numbers; rules that tie fields together (one label
 * per row, shapes of given weights, fields that apply only to some nets) are in validate.ts too.
 */
import * as z from 'zod/mini';
import type { Activation, Mode } from '../engine/types.js';
import { LIMITS } from './limits.js';

const about = (description: string) => z.describe(description);

const finite = z.number();
const count = (min: number, max: number, what: string) => z.int().check(z.minimum(min), z.maximum(max), about(what));
const text = (max: number, what: string) => z.string().check(z.maxLength(max), about(what));

/** A lesson text is shown after "Lesson: " on one caption line. */
const lessonLine = z.string().check(z.minLength(1), z.maxLength(LIMITS.lesson));

import { ACTIVATIONS, FOCUSES, LOG_FORMATS, MODES, type Focus, type LogFormat } from './choices.js';

export { ACTIVATIONS, FOCUSES, LOG_FORMATS, MODES, type Focus, type LogFormat } from './choices.js';

const ALPHA = `expected a number above 0 and at most ${LIMITS.alpha}`;

const seed = count(0, LIMITS.seed, 'np.random.seed for the weights the book draws as 2 * np.random.random(shape) - 1 (default 1)');

const twoLayer = z.strictObject({
  layers: z.literal(2).check(about('2: the lamps feed the prediction through one weight each')),
  weights: z.optional(
    z.array(finite).check(z.minLength(1), z.maxLength(LIMITS.inputs), about('The starting weights, one per input; without them they are drawn from seed')),
  ),
  seed: z.optional(seed),
});

const threeLayer = z.strictObject({
  layers: z.literal(3).check(about('3: lamps -> hidden layer (layer_1) -> prediction (layer_2)')),
  hidden: z.optional(count(1, LIMITS.hidden, 'Hidden nodes (default 4; implied by weights_0_1 when it is given)')),
  activation: z.optional(z.enum(ACTIVATIONS).check(about('relu (default) or linear (no activation)'))),
  seed: z.optional(seed),
  weights_0_1: z.optional(
    z
      .array(z.array(finite).check(z.minLength(1), z.maxLength(LIMITS.hidden)))
      .check(z.minLength(1), z.maxLength(LIMITS.inputs), about('Starting weights, inputs x hidden (one row per input), as numpy and --json write them; give weights_1_2 too')),
  ),
  weights_1_2: z.optional(
    z
      .array(z.tuple([finite]))
      .check(z.minLength(1), z.maxLength(LIMITS.hidden), about('Starting weights, hidden x 1: one one-number row per hidden node, e.g. [[0.5], [-1]]')),
  ),
});

export const scenarioSchema = z.strictObject({
  $schema: z.optional(z.string().check(about('The JSON Schema that editors check this file against'))),
  id: z.optional(
    z
      .string()
      .check(
        z.regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes'),
        z.maxLength(LIMITS.id),
        about('The name to open it by (default: the file name without .json)'),
      ),
  ),
  title: z.string().check(z.minLength(1, 'expected a non-empty title'), z.maxLength(LIMITS.title), about('Shown at the top and in the picker')),
  summary: z.optional(text(LIMITS.summary, 'One line for the picker')),
  description: z.optional(text(LIMITS.description, 'A paragraph beside the picker (line breaks are kept)')),
  lesson: z.optional(
    z
      .union([
        lessonLine,
        z.strictObject({
          default: z.optional(lessonLine),
          sgd: z.optional(lessonLine),
          batch: z.optional(lessonLine),
          full: z.optional(lessonLine),
          relu: z.optional(lessonLine),
          linear: z.optional(lessonLine),
        }),
      ])
      .check(about('The lesson line under the caption: one text, or a default and texts per mode (sgd, batch, full: 2-layer nets) or activation (relu, linear: 3-layer nets)')),
  ),
  data: z.strictObject({
    inputs: z
      .array(z.array(finite).check(z.minLength(1), z.maxLength(LIMITS.inputs)))
      .check(z.minLength(1), z.maxLength(LIMITS.rows), about('One row per street light, one number per lamp (0 off, 1 on, between: dimmed)')),
    labels: z.array(finite).check(z.minLength(1), z.maxLength(LIMITS.rows), about('One goal per row: 1 WALK, 0 STOP')),
    train: z.optional(
      z
        .array(z.int().check(z.minimum(0)))
        .check(z.minLength(1), z.maxLength(LIMITS.rows), about('The rows trained on, in order (default: all); the others are held out')),
    ),
  }),
  network: z.discriminatedUnion('layers', [twoLayer, threeLayer]),
  training: z.strictObject({
    alpha: finite.check(z.gt(0, ALPHA), z.lte(LIMITS.alpha, `${ALPHA} (the limit)`), about('The learning rate')),
    iterations: count(1, LIMITS.iterations, 'Passes over the training rows'),
    mode: z.optional(z.enum(MODES).check(about('sgd (default): update after every row; batch: per batchSize rows; full: once per pass'))),
    batchSize: z.optional(count(1, LIMITS.rows, 'Rows per update in batch mode (default 2)')),
  }),
  log: z.optional(
    z.strictObject({
      format: z.enum(LOG_FORMATS).check(about('What --print writes per iteration')),
      every: z.optional(count(1, LIMITS.iterations, 'error-every: print every n-th error (default 1)')),
    }),
  ),
  focus: z.optional(z.enum(FOCUSES).check(about('The panel the screen puts first (default lights)'))),
});

/** A scenario file as written (every optional field may be missing). */
export type ScenarioFile = z.output<typeof scenarioSchema>;

export type Lesson = NonNullable<ScenarioFile['lesson']>;

export interface TwoLayerNetwork {
  readonly layers: 2;
  readonly weights?: number[];
  /** Present when the weights are drawn (no `weights`). */
  readonly seed?: number;
}

export interface ThreeLayerNetwork {
  readonly layers: 3;
  readonly hidden: number;
  readonly activation: Activation;
  /** Present when the weights are drawn (no `weights_0_1` / `weights_1_2`). */
  readonly seed?: number;
  readonly weights_0_1?: number[][];
  readonly weights_1_2?: number[][];
}

/** A scenario ready to run: defaults filled in, texts cleaned, named, and where it came from. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly lesson?: Lesson;
  readonly data: { readonly inputs: number[][]; readonly labels: number[]; readonly train?: number[] };
  readonly network: TwoLayerNetwork | ThreeLayerNetwork;
  readonly training: { readonly alpha: number; readonly iterations: number; readonly mode: Mode; readonly batchSize: number };
  readonly log?: { readonly format: LogFormat; readonly every?: number };
  readonly focus: Focus;
  /** `built-in`, or the file's path as given (cleaned for display). */
  readonly source: string;
}
