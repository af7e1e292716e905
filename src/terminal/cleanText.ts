/**
 * Text from a file or the command line, made safe to draw, record or print on a terminal.
 *
 * A scenario file from a stranger must not be able to drive the terminal: an OSC 52 sequence in a
 * title writes the clipboard (tmux with set-clipboard on), OSC 0 renames the window, CSI sequences
 * move the cursor and repaint, and a carriage return overwrites what was drawn. So every control is
 * taken out, and with it the whole sequence it starts, in both the 7-bit (ESC x) and 8-bit (C1) forms:
 *
 * - CSI (ESC [ or 0x9B): parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte
 *   0x40-0x7E; a malformed one ends where the grammar breaks.
 * - OSC (ESC ] or 0x9D): up to BEL or ST (ESC \ or 0x9C); DCS, SOS, PM, APC (ESC P, X, ^, _ or
 *   0x90, 0x98, 0x9E, 0x9F): up to ST (or BEL). An unterminated string runs to the end of the text,
 *   as a terminal would swallow it.
 * - Any other ESC: ESC, its intermediate bytes 0x20-0x2F and one final byte 0x30-0x7E (ESC c, ESC ( B).
 * - The remaining C0 controls, DEL and C1 controls are dropped, except: a tab becomes a space; a line
 *   break (\n, \r\n, or a lone \r) stays a \n when `newlines` is set and becomes a space otherwise, so
 *   "a\nb" never glues into "ab" nor splits a one-line field such as a picker row.
 */
export interface CleanOptions {
  /** Keep line breaks (as \n), for texts that are wrapped, such as a description. Default: false. */
  readonly newlines?: boolean;
}

const ESC = 0x1b;
const BEL = 0x07;
/** C0, DEL and C1: the only code units this module changes. */
const CONTROLS = /[\x00-\x1f\x7f-\x9f]/;

function isControl(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

function isStringStart(c: number): boolean {
  return c === 0x50 || c === 0x58 || c === 0x5e || c === 0x5f; // P X ^ _
}

export function cleanText(text: string, options: CleanOptions = {}): string {
  if (!CONTROLS.test(text)) return text;
  const keepLines = options.newlines === true;
  let out = '';
  let i = 0;
  const n = text.length;
  /** Skips a string (OSC, DCS, ...) starting at i, through its terminator (BEL, ESC \, or 0x9C). */
  const skipString = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === BEL || c === 0x9c) return void i++;
      if (c === ESC && text.charCodeAt(i + 1) === 0x5c) return void (i += 2);
      i++;
    }
  };
  /** Skips the rest of a CSI after its introducer. */
  const skipCsi = () => {
    while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
    while (i < n && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
    if (i < n && text.charCodeAt(i) >= 0x40 && text.charCodeAt(i) <= 0x7e) i++;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) {
      // A run of ordinary text is copied in one slice.
      let j = i + 1;
      while (j < n && !isControl(text.charCodeAt(j))) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    i++;
    if (c === ESC) {
      const next = text.charCodeAt(i);
      if (next === 0x5b) (i++, skipCsi());
      else if (next === 0x5d || isStringStart(next)) (i++, skipString());
      else {
        while (i < n && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
        if (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x7e) i++;
      }
    } else if (c === 0x9b) skipCsi();
    else if (c === 0x9d || c === 0x90 || c === 0x98 || c === 0x9e || c === 0x9f) skipString();
    else if (c === 0x09) out += ' ';
    else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i) === 0x0a) i++;
      out += keepLines ? '\n' : ' ';
    }
    // Every other control (C0, DEL, C1) is dropped.
  }
  return out;
}
