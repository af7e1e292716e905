import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CLEAR_SCREEN } from '../../src/terminal/clearOnResize.js';
import { muteGate } from '../../src/terminal/muteGate.js';

function sink() {
  const writes: string[] = [];
  const stream = new Writable({ write: (chunk, _encoding, done) => (writes.push(String(chunk)), done()) });
  return { stream, writes };
}

const ERASE_2 = '\x1b[2K\x1b[1A\x1b[2K\x1b[G';

describe('muteGate', () => {
  it('passes writes through until muted', () => {
    const { stream, writes } = sink();
    const gate = muteGate(stream);
    gate.stream.write('a\n');
    expect(writes).toEqual(['a\n']);
  });

  it('while muted drops frames but keeps the last, which unmuting draws on a clean screen', () => {
    const { stream, writes } = sink();
    const gate = muteGate(stream);
    gate.mute();
    gate.stream.write('one\ntwo\n');
    gate.stream.write('\x1b[?2026h');
    gate.stream.write(`${ERASE_2}three\nfour\n`);
    gate.stream.write('\x1b[?25l');
    expect(writes).toEqual(['\x1b[?25l']);
    // Muting again (a jump back mounts the app afresh, muted) keeps the frame already in hand.
    gate.mute();
    gate.unmute();
    expect(writes).toEqual(['\x1b[?25l', `${CLEAR_SCREEN}three\nfour\n`]);
    gate.stream.write('five\n');
    expect(writes.at(-1)).toBe('five\n');
  });

  it('unmuting after no frame writes nothing: the screen still shows the frame before', () => {
    const { stream, writes } = sink();
    const gate = muteGate(stream);
    gate.mute();
    gate.unmute();
    gate.unmute();
    expect(writes).toEqual([]);
    expect(gate.muted).toBe(false);
  });

  it('calls a muted write\'s callback, as a write would', () => {
    const { stream } = sink();
    const gate = muteGate(stream);
    gate.mute();
    let called = false;
    gate.stream.write('x\n', () => (called = true));
    expect(called).toBe(true);
  });
});
