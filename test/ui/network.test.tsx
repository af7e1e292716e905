import { describe, expect, it } from 'vitest';
import { findBuiltIn } from '../../src/scenarios/builtins.js';
import { openSession, sessionReducer, type SessionState } from '../../src/session/state.js';
import { Network } from '../../src/ui/panels/network.js';
import type { Theme } from '../../src/ui/theme.js';
import { COLOR, PLAIN, THEMES, frameAt, isPrintableAscii, lines, sessionAfter, widthOf } from './helpers.js';

function network(s: SessionState, theme: Theme, width: number, height = 22, detail = true) {
  return <Network trainer={s.trainer} theme={theme} width={width} height={height} detail={detail} />;
}

const row = (frame: string, label: string) => lines(frame).find((l) => l.startsWith(label)) ?? '';

describe('Network, 2-layer', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`shows each weight with its sign, a signed bar and its change at ${width} columns (${name})`, () => {
        const s = sessionAfter('whole-dataset', 'sss');
        const panelWidth = Math.min(width - 40, 40);
        const frame = frameAt(network(s, theme, panelWidth), width);
        for (const line of lines(frame)) expect(widthOf(line)).toBeLessThanOrEqual(panelWidth);
        const axis = theme.ascii ? '|' : '│';
        const block = theme.ascii ? '#' : '█';
        // After row 0 ([1,0,1], delta -0.2): w0 and w2 rise by 0.02, w1 (lamp off) stays.
        const w0 = row(frame, 'w0');
        const w1 = row(frame, 'w1');
        const w2 = row(frame, 'w2');
        expect(w0).toContain('+0.520');
        expect(w2).toContain('-0.680');
        // Negative weights draw left of the axis, positive ones right of it (after the lamp and value).
        const bar = (line: string) => line.slice(12);
        expect(bar(w0).indexOf(block)).toBeGreaterThan(bar(w0).indexOf(axis));
        expect(bar(w2).indexOf(block)).toBeLessThan(bar(w2).indexOf(axis));
        expect(w0).toContain(`${theme.glyphs.up}+0.020`);
        expect(w1.trimEnd().endsWith(theme.glyphs.none)).toBe(true);
        expect(frame).toContain('row 0 [1 0 1]');
        expect(frame).toMatch(/delta +-0\.200/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('shows the active row lamps beside the weights they feed', () => {
    const s = sessionAfter('whole-dataset', 's');
    const frame = frameAt(network(s, COLOR, 40), 80);
    expect(row(frame, 'w0')).toContain('w0 ●');
    expect(row(frame, 'w1')).toContain('w1 ○');
  });

  it('says when a batch holds the deltas back', () => {
    const s = sessionAfter('batch-gd', 'sss');
    const frame = frameAt(network(s, PLAIN, 40), 80);
    expect(frame).toContain('batch 1/2');
  });

  it('before any row: no prediction yet', () => {
    const frame = frameAt(network(sessionAfter('single-light'), COLOR, 40), 80);
    // Every part of the prediction line is in its place already, holding the placeholder.
    expect(frame).toContain('row · [· · ·]·w   =      ·  goal ·');
    expect(row(frame, 'w0')).toContain('+0.500');
  });
});

describe('Network, 3-layer', () => {
  for (const width of [80, 120]) {
    for (const [name, theme] of THEMES) {
      it(`draws the weight grids with layer values at ${width} columns (${name})`, () => {
        const s = sessionAfter('deep-net', 's');
        const panelWidth = Math.min(width, 46);
        const frame = frameAt(network(s, theme, panelWidth), width);
        for (const line of lines(frame)) expect(widthOf(line)).toBeLessThanOrEqual(panelWidth);
        expect(frame).toContain('weights_0_1');
        expect(row(frame, 'weights_0_1')).toMatch(/h0\s+h1\s+h2\s+h3/);
        // weights_0_1 is inputs × hidden: a row per lamp; weights_1_2 one value per hidden node.
        expect(lines(frame).filter((l) => /^\s+lamp \d/.test(l)).length).toBeGreaterThanOrEqual(3);
        expect(row(frame, '  lamp 0')).toContain('-0.166');
        expect(row(frame, 'weights_1_2')).toMatch(/([-+]\d\.\d{3}.*){4}/);
        // seed 1, row 0: relu switches h0, h2 and h3 off.
        const layer1 = row(frame, 'layer_1 ');
        expect(layer1.match(/off/g)).toHaveLength(3);
        expect(frame).toMatch(/layer_2 +\+0\.392/);
        expect(frame).toMatch(/row 0 {2}layer_0 \[1 0 1\] {2}goal 1/);
        if (theme.ascii) expect(isPrintableAscii(frame)).toBe(true);
      });
    }
  }

  it('fills in error and layer_2_delta at compare, layer_1_delta at backpropagate (0 at relu-off nodes)', () => {
    const predicted = frameAt(network(sessionAfter('deep-net', 's'), COLOR, 46), 80);
    expect(row(predicted, 'layer_1_delta').slice(14)).not.toMatch(/\d/);
    const compared = frameAt(network(sessionAfter('deep-net', 'ss'), COLOR, 60), 80);
    expect(compared).toMatch(/error +0\.370/);
    expect(compared).toMatch(/layer_2_delta +-0\.608/);
    expect(row(compared, 'layer_1_delta').slice(14)).not.toMatch(/\d/);
    const back = frameAt(network(sessionAfter('deep-net', 'sss'), COLOR, 46), 80);
    const deltas = row(back, 'layer_1_delta').slice(14);
    expect(deltas.match(/(^|\s)0(?=\s|$)/g)).toHaveLength(3);
    expect(deltas).toMatch(/[-+]\d\.\d{3}/);
  });

  it('marks the weights that moved at the update with arrows', () => {
    const before = frameAt(network(sessionAfter('deep-net', 'sss'), COLOR, 46), 80);
    expect(before).not.toMatch(/[↑↓]/);
    const after = frameAt(network(sessionAfter('deep-net', 'ssss'), COLOR, 46), 80);
    expect(row(after, 'weights_1_2')).toMatch(/[↑↓]/);
    expect(row(after, '  change')).toMatch(/[-+]\d\.\d{3}/);
    const ascii = frameAt(network(sessionAfter('deep-net', 'ssss'), PLAIN, 46), 80);
    expect(row(ascii, 'weights_1_2')).toMatch(/\d[v^]/);
  });

  it('shows the hidden sums before relu in detail, and leaves them out when compact', () => {
    const s = sessionAfter('deep-net', 's');
    expect(frameAt(network(s, COLOR, 46, 14, true), 80)).toContain('before relu');
    expect(frameAt(network(s, COLOR, 46, 14, false), 80)).not.toContain('before relu');
  });

  it('for a linear net, shows the equivalent single-layer weights and never "off"', () => {
    const s = sessionAfter('linear-deep', 's');
    const frame = frameAt(network(s, COLOR, 46), 80);
    expect(frame).toMatch(/weights_0_1·weights_1_2 \[[-+]\d\.\d{3} [-+]\d\.\d{3} [-+]\d\.\d{3}\]/);
    expect(frameAt(network(s, COLOR, 40), 80)).toContain('as one layer  [');
    expect(row(frame, 'layer_1 ')).not.toContain('off');
    expect(frame).not.toContain('before relu');
  });

  it('in a narrow panel, shows as many hidden columns as fit and says once, in the header, how many are left out', () => {
    const s = { ...sessionAfter('deep-net', 's') };
    const wide = frameAt(network(s, COLOR, 46), 80);
    expect(wide).not.toContain('more');
    const narrow = frameAt(network(s, COLOR, 38), 80);
    expect(row(narrow, 'weights_0_1')).toMatch(/h0\s+h1 +\+2 more/);
    // Only the header says it: no row carries a count that reads like a value.
    for (const label of ['  lamp 0', 'layer_1 ', 'weights_1_2', 'layer_1_delta']) expect(row(narrow, label)).not.toMatch(/\+2\b/);
    for (const line of lines(narrow)) expect(widthOf(line)).toBeLessThanOrEqual(38);
  });

  it('layer_2_delta keeps its full name with 2 or 3 hidden nodes', () => {
    for (const hidden of [2, 3]) {
      const s = openSession(findBuiltIn('deep-net')!, { hidden });
      const stepped = sessionReducer(sessionReducer(s, { type: 'step', step: 'phase' }), { type: 'step', step: 'phase' });
      const frame = frameAt(network(stepped, COLOR, 14 + 8 * hidden, 14), 80);
      expect(frame).toMatch(/layer_2_delta +[-+]\d\.\d{3}/);
      expect(frame).not.toContain('l2_');
    }
  });
});
