/**
 * The lesson line a scenario shows under the caption. A scenario file gives one text, or an object
 * with a `default` and texts per variant: `sgd`, `batch`, `full` for 2-layer nets (the mode the `g`
 * key switches to) and `relu`, `linear` for 3-layer nets (the activation the `a` key switches to).
 * The text is bare: the screen puts "Lesson: " in front of it.
 */
import type { Activation, Mode } from '../engine/types.js';
import type { Scenario } from './schema.js';

export function lessonText(
  scenario: { readonly lesson?: Scenario['lesson']; readonly network: { readonly layers: 2 | 3 } },
  run: { readonly mode: Mode; readonly activation: Activation },
): string | undefined {
  const lesson = scenario.lesson;
  if (lesson === undefined || typeof lesson === 'string') return lesson;
  const variant = scenario.network.layers === 3 ? lesson[run.activation] : lesson[run.mode];
  return variant ?? lesson.default;
}
