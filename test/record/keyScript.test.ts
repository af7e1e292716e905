import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseKeys } from '../../src/record/keyScript.js';
import { VirtualClock } from '../../src/record/virtualClock.js';

describe('parseKeys', () => {
  it('sends single characters as typed and names as the bytes a terminal sends', () => {
    const bytes = parseKeys('n s E ? space enter esc tab left right up down backspace ctrl+c').map((s) => (s.kind === 'key' ? s.bytes : ''));
    expect(bytes).toEqual(['n', 's', 'E', '?', ' ', '\r', '\x1b', '\t', '\x1b[D', '\x1b[C', '\x1b[A', '\x1b[B', '\x7f', '\x03']);
  });

  it('reads wait:MS and ignores extra spaces', () => {
    expect(parseKeys('  p  wait:1500 wait:0 ')).toEqual([
      { kind: 'key', name: 'p', bytes: 'p' },
      { kind: 'wait', ms: 1500 },
      { kind: 'wait', ms: 0 },
    ]);
    expect(parseKeys('')).toEqual([]);
  });

  it('accepts key names in any case', () => {
    expect(parseKeys('Enter CTRL+C')).toEqual([
      { kind: 'key', name: 'enter', bytes: '\r' },
      { kind: 'key', name: 'ctrl+c', bytes: '\x03' },
    ]);
  });

  it('refuses an unknown name with one line that lists what is accepted', () => {
    expect(() => parseKeys('n xyz')).toThrow(UsageError);
    expect(() => parseKeys('n xyz')).toThrow(
      "--keys: unknown key 'xyz': expected a single character, one of space enter esc tab backspace up down right left home end pageup pagedown ctrl+c ctrl+l f5 shift+f5, or wait:MS",
    );
  });

  it('takes the keymap\'s own key names, as a terminal sends them', () => {
    expect(parseKeys('pagedown pageup home end ctrl+l')).toEqual([
      { kind: 'key', name: 'pagedown', bytes: '\x1b[6~' },
      { kind: 'key', name: 'pageup', bytes: '\x1b[5~' },
      { kind: 'key', name: 'home', bytes: '\x1b[H' },
      { kind: 'key', name: 'end', bytes: '\x1b[F' },
      { kind: 'key', name: 'ctrl+l', bytes: '\x0c' },
    ]);
  });

  it('refuses a malformed or huge wait', () => {
    for (const bad of ['wait:', 'wait:-5', 'wait:1.5', 'wait:abc', 'wait:600001']) {
      expect(() => parseKeys(bad), bad).toThrow(/--keys: 'wait:.*': expected wait:MS/);
    }
  });
});

describe('VirtualClock', () => {
  it('fires timers in due order, oldest first on ties, settling after each', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    clock.every(50, () => log.push(`a@${clock.now}`));
    const cancelB = clock.every(100, () => log.push(`b@${clock.now}`));
    let settled = 0;
    await clock.advance(200, async () => {
      settled++;
    });
    expect(log).toEqual(['a@50', 'a@100', 'b@100', 'a@150', 'a@200', 'b@200']);
    expect(settled).toBe(6);
    expect(clock.now).toBe(200);
    cancelB();
    await clock.advance(60, async () => {});
    expect(log.slice(6)).toEqual(['a@250']);
    expect(clock.now).toBe(260);
  });

  it('lets a timer cancel itself and another start during an advance', async () => {
    const clock = new VirtualClock();
    const log: string[] = [];
    const cancel = clock.every(10, () => {
      log.push(`first@${clock.now}`);
      cancel();
      clock.every(25, () => log.push(`second@${clock.now}`));
    });
    await clock.advance(70, async () => {});
    expect(log).toEqual(['first@10', 'second@35', 'second@60']);
  });
});
