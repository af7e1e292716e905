/** The scenario file format, for built-ins and user files alike. */
import { z } from 'zod';
import { LIMITS } from './limits.js';

const finite = z.number({ error: 'expected a number' }).refine(Number.isFinite, 'expected a finite number');

export const scenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lower-case letters, digits and dashes').optional(),
    title: z.string().min(1, 'expected a non-empty title'),
    summary: z.string().default(''),
    description: z.string().default(''),
    data: z.object({
      inputs: z
        .array(z.array(finite).min(1, 'expected at least one input per row').max(LIMITS.inputs), {
          error: 'expected an array of rows, each an array of numbers',
        })
        .min(1, 'expected at least one row')
        .max(LIMITS.rows),
      labels: z.array(finite, { error: 'expected an array of numbers, one per row' }),
      train: z.array(z.number().int().min(0)).min(1, 'expected at least one training row').optional(),
    }),
    network: z.object({
      layers: z.union([z.literal(2), z.literal(3)], { error: 'expected 2 or 3' }),
      weights: z.array(finite).optional(),
      // 3-layer nets may start from given weights instead of the seed's draws, in numpy's shapes:
      // weights_0_1 is inputs × hidden, weights_1_2 is hidden × 1 (a list of one-number rows).
      weights_0_1: z.array(z.array(finite)).optional(),
      weights_1_2: z.array(z.array(finite)).optional(),
      hidden: z.number().int('expected a whole number').min(1, 'expected at least 1').max(LIMITS.hidden).default(4),
      activation: z.enum(['relu', 'linear']).default('relu'),
      seed: z.number().int('expected a whole number').min(0).max(LIMITS.seed).default(1),
    }),
    training: z.object({
      alpha: finite.refine((a) => a > 0 && a <= LIMITS.alpha, `expected a number above 0 and at most ${LIMITS.alpha}`),
      iterations: z.number().int('expected a whole number').min(1).max(LIMITS.iterations),
      mode: z.enum(['sgd', 'batch', 'full']).default('sgd'),
      batchSize: z.number().int('expected a whole number').min(1).max(LIMITS.rows).default(2),
    }),
    log: z
      .object({
        format: z.enum(['error-and-prediction', 'predictions', 'error-every']),
        every: z.number().int().min(1).default(1),
      })
      .optional(),
    focus: z.enum(['lights', 'network', 'pressure', 'chart']).default('lights'),
    // The lesson line under the caption: one text, or a default and texts for the mode (2-layer nets)
    // or the activation (3-layer nets) chosen with keys. See lesson.ts.
    lesson: z
      .union([
        z.string(),
        z.strictObject({
          default: z.string().optional(),
          sgd: z.string().optional(),
          batch: z.string().optional(),
          full: z.string().optional(),
          relu: z.string().optional(),
          linear: z.string().optional(),
        }),
      ])
      .optional(),
  })
  .superRefine((s, ctx) => {
    // zod runs this even after a non-fatal issue such as an empty `inputs`; that issue is reported already.
    if (s.data.inputs.length === 0) return;
    const width = s.data.inputs[0]!.length;
    s.data.inputs.forEach((row, i) => {
      if (row.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: ['data', 'inputs', i],
          message: `expected ${width} numbers like row 0, got ${row.length} (rows must all be the same length)`,
        });
      }
    });
    if (s.data.labels.length !== s.data.inputs.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['data', 'labels'],
        message: `expected one label per row (${s.data.inputs.length}), got ${s.data.labels.length}`,
      });
    }
    s.data.train?.forEach((row, i) => {
      if (row >= s.data.inputs.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['data', 'train', i],
          message: `expected a row index below ${s.data.inputs.length}, got ${row}`,
        });
      }
    });
    if (s.network.layers === 2 && s.network.weights && s.network.weights.length !== width) {
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'weights'],
        message: `expected one weight per input (${width}), got ${s.network.weights.length}`,
      });
    }
    if (s.network.layers === 3 && s.network.weights) {
      ctx.addIssue({ code: 'custom', path: ['network', 'weights'], message: 'expected weights_0_1 and weights_1_2: weights is for 2-layer nets' });
    }
    for (const issue of deepWeightIssues(s.network, width)) ctx.addIssue({ code: 'custom', ...issue });
  });

/** Shape checks of given 3-layer weights: weights_0_1 is inputs × hidden, weights_1_2 hidden × 1. */
function deepWeightIssues(
  n: { layers: 2 | 3; hidden: number; weights_0_1?: number[][]; weights_1_2?: number[][] },
  inputs: number,
): { path: string[]; message: string }[] {
  const { weights_0_1: w01, weights_1_2: w12 } = n;
  if (!w01 && !w12) return [];
  const at = (field: string, message: string) => [{ path: ['network', field], message }];
  if (n.layers === 2) return at(w01 ? 'weights_0_1' : 'weights_1_2', 'expected no such field on a 2-layer net (give weights, one per input)');
  if (!w01 || !w12) return at(w01 ? 'weights_1_2' : 'weights_0_1', 'expected weights_0_1 and weights_1_2 together (or neither, to draw them from seed)');
  const hidden = w01[0]?.length ?? 0;
  const shape = `${inputs} rows (one per input) of ${hidden || 'the same number of'} numbers (one per hidden node)`;
  if (w01.length !== inputs || hidden === 0 || hidden > LIMITS.hidden || w01.some((r) => r.length !== hidden)) {
    const got = w01.length !== inputs ? `${w01.length} row${w01.length === 1 ? '' : 's'}` : `rows of ${[...new Set(w01.map((r) => r.length))].join(', ')} numbers`;
    return at('weights_0_1', `expected ${shape}${hidden > LIMITS.hidden ? `, at most ${LIMITS.hidden} hidden nodes` : ''}, got ${got}`);
  }
  if (w12.length !== hidden || w12.some((r) => r.length !== 1)) {
    const got = w12.length !== hidden ? `${w12.length} row${w12.length === 1 ? '' : 's'}` : 'a row that is not one number';
    return at('weights_1_2', `expected ${hidden} rows of one number each, like [[0.5], [-1]] (one per hidden node of weights_0_1), got ${got}`);
  }
  return [];
}

export type Scenario = z.output<typeof scenarioSchema> & { id: string; source: string };
