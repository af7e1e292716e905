/**
 * What Ink (and its helpers) get for `import stringWidth from 'string-width'`: build.mjs aliases the
 * package here. string-width itself is pulled in with `require`, which esbuild turns into a lazily
 * initialised module: it is loaded the first time some text needs it, not at start-up.
 */
import { fastStringWidth, type StringWidth } from './stringWidth.js';

let real: StringWidth | undefined;
const slow = (): StringWidth =>
  (real ??= (require('../../node_modules/string-width/index.js') as { default: StringWidth }).default);

export default function stringWidth(text: string, options?: object): number {
  return fastStringWidth(text, options, slow);
}
