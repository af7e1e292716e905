import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markerScreens, screenLines } from '../../src/export/slides/markerScreens.js';
import { PALETTE, paletteColor } from '../../src/export/slides/palette.js';
import { svgStill, xmlText } from '../../src/export/slides/svgStill.js';
import { parseCast, readCast } from '../../src/record/castReader.js';
import { ROOT } from '../support/index.js';
import { screenAt, svgScreenText } from './support.js';

const demo = () => readCast(path.join(ROOT, 'docs/demo.cast'));

describe('markerScreens', () => {
  it('gives, for every marker of the demo, the screen its output drew (as the emulator shows it)', async () => {
    const recording = await demo();
    const screens = await markerScreens(recording);
    expect(screens).toHaveLength(recording.markers.length);
    for (const marker of recording.markers) {
      expect(screenLines(screens[marker.index]!), marker.label).toBe(await screenAt(recording, marker));
    }
    // The stills differ from marker to marker: they are not all one screen.
    expect(screenLines(screens[1]!)).toContain('iter 1/60');
    expect(screenLines(screens[2]!)).toContain('iter 2/60');
  });

  it('follows resizes and reads colours, bold, inverse and wide characters', async () => {
    const recording = parseCast(
      [
        '{"version":2,"width":10,"height":2}',
        '[0,"o","\\u001b[31mR\\u001b[1;92mG\\u001b[0m \\u001b[7mI\\u001b[0m\\u001b[38;2;1;2;3mT\\u001b[48;5;196mB\\u001b[0m日"]',
        '[0.1,"m","first"]',
        '[0.2,"r","12x3"]',
        '[0.3,"m","after resize"]',
      ].join('\n'),
      'colours.cast',
    );
    const [first, second] = await markerScreens(recording);
    const row = first!.cells[0]!;
    expect(row.slice(0, 7).map((c) => c.char).join('')).toBe('RG ITB日');
    expect(row[0]!.style).toMatchObject({ fg: PALETTE.ansi[1], bg: undefined, bold: false });
    expect(row[1]!.style).toMatchObject({ fg: PALETTE.ansi[10], bold: true });
    expect(row[3]!.style).toMatchObject({ fg: PALETTE.background, bg: PALETTE.foreground });
    expect(row[4]!.style.fg).toBe('#010203');
    expect(row[5]!.style.bg).toBe(paletteColor(196));
    expect([row[6]!.width, row[7]!.width, row[7]!.char]).toEqual([2, 0, '']);
    expect([second!.columns, second!.rows]).toEqual([12, 3]);
  });
});

describe('svgStill', () => {
  it('holds the screen of its marker as text, row by row and column by column', async () => {
    const recording = await demo();
    const screens = await markerScreens(recording);
    for (const marker of recording.markers.slice(0, 8)) {
      const svg = svgStill(screens[marker.index]!, { title: marker.label });
      expect(svgScreenText(svg), marker.label).toBe(await screenAt(recording, marker));
      expect(svg).toContain(`<title>${marker.label}</title>`);
    }
  });

  it('draws the 16 colours from the palette, bold as bold, backgrounds as rectangles, and escapes markup', async () => {
    const recording = parseCast(
      ['{"version":2,"width":20,"height":2}', '[0,"o","\\u001b[32m+0.5\\u001b[39m \\u001b[1;90mdim\\u001b[0m \\u001b[41m<&>\\u001b[0m"]', '[0,"m","a <b> & \\u001b[2J"]'].join('\n'),
      'c.cast',
    );
    const [screen] = await markerScreens(recording);
    const svg = svgStill(screen!, { title: recording.markers[0]!.label });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="[\d.]+" height="[\d.]+" viewBox=/);
    expect(svg).toContain(`<tspan x="12" textLength="33.6" fill="${PALETTE.ansi[2]}">+0.5</tspan>`);
    expect(svg).toContain(`fill="${PALETTE.ansi[8]}" font-weight="bold">dim</tspan>`);
    expect(svg).toContain(`<rect x="87.6" y="12" width="25.2" height="18" fill="${PALETTE.ansi[1]}"/>`);
    expect(svg).toContain('>&lt;&amp;&gt;</tspan>');
    expect(svg).toContain('<title>a &lt;b&gt; &amp; [2J</title>');
    expect(svgScreenText(svg)).toBe('+0.5 dim <&>\n');
  });

  it('never puts two spaces in a row, or an edge space, into a piece of text (renderers collapse them)', async () => {
    const recording = await demo();
    const [screen] = await markerScreens(recording);
    const pieces = [...svgStill(screen!).matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((m) => m[1]!);
    expect(pieces.length).toBeGreaterThan(20);
    expect(pieces.filter((p) => / {2}|^ | $/.test(p))).toEqual([]);
  });

  it('drops characters XML cannot hold', () => {
    expect(xmlText('a\u0000b\u001bc\ud800d\u00e9"')).toBe('abcdé&quot;');
  });
});
