/**
 * The terminal's SGR "pen" (bold, dim, colours...) as the frame differ models it: parsed from SGR
 * parameters, interned so cells compare by reference, and the shortest sequence from one pen to another.
 */
/** The SGR state: attribute bits, and foreground/background as the SGR parameters that set them. */
export interface Pen {
  readonly flags: number;
  /** '' for the default colour, else e.g. '31', '94', '38;5;208', '38;2;1;2;3'. */
  readonly fg: string;
  readonly bg: string;
}

const BOLD = 1;
const DIM = 2;
/** [bit, code that sets it, code that clears it]. 22 clears bold and dim together. */
const FLAGS: ReadonlyArray<readonly [number, number, number]> = [
  [BOLD, 1, 22],
  [DIM, 2, 22],
  [4, 3, 23], // italic
  [8, 4, 24], // underline
  [16, 5, 25], // blink
  [32, 7, 27], // inverse
  [64, 8, 28], // hidden
  [128, 9, 29], // strikethrough
  [256, 53, 55], // overline
];

/** Pens are interned, so cells compare by reference. */
export class Pens {
  private readonly byKey = new Map<string, Pen>();
  readonly plain: Pen;

  constructor() {
    this.plain = this.get(0, '', '');
  }

  get(flags: number, fg: string, bg: string): Pen {
    const key = `${flags}|${fg}|${bg}`;
    let pen = this.byKey.get(key);
    if (!pen) {
      pen = { flags, fg, bg };
      this.byKey.set(key, pen);
    }
    return pen;
  }

  /** The pen after `ESC[<params>m`, or undefined for anything this model does not know. */
  apply(pen: Pen, params: string): Pen | undefined {
    if (params === '') return this.plain;
    const ps = params.split(';');
    let { flags, fg, bg } = pen;
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i]!;
      const n = p === '' ? 0 : Number(p);
      if (n === 0) {
        flags = 0;
        fg = '';
        bg = '';
        continue;
      }
      const flag = FLAGS.find((f) => f[1] === n);
      if (flag) {
        flags |= flag[0];
        continue;
      }
      if (n === 22) {
        flags &= ~(BOLD | DIM);
        continue;
      }
      const off = FLAGS.find((f) => f[2] === n);
      if (off) {
        flags &= ~off[0];
        continue;
      }
      if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) fg = String(n);
      else if (n === 39) fg = '';
      else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) bg = String(n);
      else if (n === 49) bg = '';
      else if (n === 38 || n === 48) {
        const colour = extendedColour(ps, i);
        if (!colour) return undefined;
        if (n === 38) fg = `38;${colour.value}`;
        else bg = `48;${colour.value}`;
        i += colour.used;
      } else return undefined;
    }
    return this.get(flags, fg, bg);
  }
}

/** `5;n` or `2;r;g;b` after a 38/48 at index i. */
function extendedColour(ps: readonly string[], i: number): { value: string; used: number } | undefined {
  const byte = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const n = s === '' ? 0 : Number(s);
    return n <= 255 ? n : undefined;
  };
  if (ps[i + 1] === '5') {
    const n = byte(ps[i + 2]);
    return n === undefined ? undefined : { value: `5;${n}`, used: 2 };
  }
  if (ps[i + 1] === '2') {
    const rgb = [byte(ps[i + 2]), byte(ps[i + 3]), byte(ps[i + 4])];
    if (rgb.some((v) => v === undefined)) return undefined;
    return { value: `2;${rgb.join(';')}`, used: 4 };
  }
  return undefined;
}

/** Parameters that take a default pen to `to`. */
function setCodes(to: Pen): string[] {
  const codes: string[] = [];
  for (const [bit, on] of FLAGS) if (to.flags & bit) codes.push(String(on));
  if (to.fg) codes.push(to.fg);
  if (to.bg) codes.push(to.bg);
  return codes;
}

/** The shortest SGR sequence that takes the terminal from pen `from` to pen `to`. */
export function sgr(from: Pen, to: Pen, plain: Pen): string {
  if (from === to) return '';
  if (to === plain) return '\x1b[m';
  const reset = ['0', ...setCodes(to)].join(';');
  const codes: string[] = [];
  const off = from.flags & ~to.flags;
  let on = to.flags & ~from.flags;
  if (off & (BOLD | DIM)) {
    codes.push('22');
    on |= to.flags & (BOLD | DIM);
  }
  for (const [bit, , offCode] of FLAGS) if (off & bit & ~(BOLD | DIM)) codes.push(String(offCode));
  for (const [bit, onCode] of FLAGS) if (on & bit) codes.push(String(onCode));
  if (from.fg !== to.fg) codes.push(to.fg || '39');
  if (from.bg !== to.bg) codes.push(to.bg || '49');
  const incremental = codes.join(';');
  return `\x1b[${incremental.length < reset.length ? incremental : reset}m`;
}

/** The pen after `data` passes through, as far as can be told. */
/** Control sequences in pass-through data, for tracking the pen. */
const CONTROL = /\x1b(?:\[([\x30-\x3f]*)([\x20-\x2f]*)([\x40-\x7e])|c)/g;

export function scanPen(pen: Pen | undefined, data: string, pens: Pens): Pen | undefined {
  for (const match of data.matchAll(CONTROL)) {
    if (match[0] === '\x1bc') pen = pens.plain;
    else if (match[3] === 'p' && match[2] === '!') pen = pens.plain; // DECSTR, soft reset
    else if (match[3] === 'm' && match[2] === '') {
      const params = match[1]!;
      if (!/^[0-9;]*$/.test(params)) pen = undefined;
      else if (pen) pen = pens.apply(pen, params);
      else if (params === '' || params === '0') pen = pens.plain;
    }
  }
  return pen;
}
