/** The words some fields take, kept apart from the zod schema so the checks that need them load no zod. */
import type { Activation, Mode } from '../engine/types.js';

export const MODES = ['sgd', 'batch', 'full'] as const satisfies readonly Mode[];
export const ACTIVATIONS = ['relu', 'linear'] as const satisfies readonly Activation[];
export const FOCUSES = ['lights', 'network', 'pressure', 'chart'] as const;
export const LOG_FORMATS = ['error-and-prediction', 'predictions', 'error-every'] as const;
export type Focus = (typeof FOCUSES)[number];
export type LogFormat = (typeof LOG_FORMATS)[number];
