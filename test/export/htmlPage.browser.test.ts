/**
 * The exported page and stills in a real browser: Debian's headless Chromium, driven by playwright-core
 * (no browser download: the system's). The page is opened from a file, as a talk would open it: it
 * must show the recorded terminal's text before anything is pressed, jump to a marker's screen from its
 * chapter and with PageDown / PageUp, pause at the next marker when played, change speed in place, and
 * fetch nothing. Each SVG still is parsed as XML by the browser and must hold its marker's screen.
 * The files come from the export bundled as the CLI bundles it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstScreenOutput } from '../../src/export/slides/htmlPage.js';
import { SVG_LAYOUT } from '../../src/export/slides/svgStill.js';
import { readCast, type CastRecording } from '../../src/record/castReader.js';
import { ensureBuilt, replay, runCli, tempDir } from '../support/index.js';
import { exportWithCli, launchChromium, screenAt } from './support.js';

// The few browser globals the page functions below use (they run in Chromium; the project's types have no DOM).
interface DomElement {
  readonly children: ArrayLike<DomElement>;
  readonly textContent: string | null;
  readonly style: { getPropertyValue(name: string): string };
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  readonly contentWindow?: { postMessage(message: unknown, origin: string): void };
}
declare const document: DomElement;
declare const window: { streetlight: { current: () => number } };
declare const DOMParser: new () => { parseFromString(text: string, type: string): DomElement };

const tmp = tempDir();
const castFile = path.join(tmp.dir, 'talk.cast');
const htmlFile = path.join(tmp.dir, 'talk.html');
const svgDir = path.join(tmp.dir, 'stills');
let recording: CastRecording;
let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
let skipReason: string | undefined;

beforeAll(async () => {
  ensureBuilt();
  // Markers: 0 scenario, 1 iteration 1, 2 marker 1, then `e` marks iterations 2 to 60 on one frame
  // (3 to 61, one instant), and 62 marker 2.
  const run = runCli(['deep-net', '--keys', 's s s s n space m e m', '--record', castFile]);
  expect(run.status, run.stderr).toBe(0);
  recording = await readCast(castFile);
  // Exported by the built CLI: under vitest the page would lack its stylesheets.
  const exported = exportWithCli([castFile, '--html', htmlFile, '--svg', svgDir], tmp.dir);
  expect(exported.stderr).toBe('');
  const launched = await launchChromium();
  if (typeof launched === 'string') {
    skipReason = launched;
    console.warn(`skipping the browser tests of the HTML export: ${launched}`);
  } else browser = launched;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  tmp.cleanup();
});

/**
 * What the terminal shows as text, right-trimmed lines without trailing blanks. The player draws block
 * elements (the bars: █ ▌) on a canvas, not as text, so they read as spaces on both sides.
 */
const comparable = (screen: string) => trimmed(screen.replace(/[\u2580-\u259f]/g, ' '));

function trimmed(screen: string): string {
  const lines = screen.split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}

/** The player's screen, read from its DOM: each line's spans put back at their column (--offset). */
function playerText(page: Page | Frame): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.ap-term-text .ap-line'), (line) => {
      const cells: string[] = [];
      for (const span of Array.from(line.children)) {
        const offset = Number(span.style.getPropertyValue('--offset'));
        [...(span.textContent ?? '')].forEach((c, i) => (cells[offset + i] = c));
      }
      return Array.from(cells, (c) => c ?? ' ').join('');
    }).join('\n'),
  );
}

/** Waits until the player shows `expected` (compared as above); on timeout, fails with what it showed. */
async function expectScreen(page: Page | Frame, expected: string, what: string): Promise<void> {
  const want = comparable(expected);
  let shown = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(50)) {
    shown = comparable(await playerText(page));
    if (shown === want) return;
  }
  expect(shown, what).toBe(want);
}

const state = (page: Page) =>
  page.evaluate(() => {
    const sl = window.streetlight;
    const current = document.querySelector('[data-marker][aria-current]')?.getAttribute('data-marker');
    return { current: sl.current(), highlighted: current === undefined || current === null ? -1 : Number(current) };
  });

describe('the exported HTML page in Chromium', () => {
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!browser) return;
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => requests.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(htmlFile).href);
  });

  it('shows the first screen of the recording before anything is pressed', async (context) => {
    if (!browser) return context.skip(skipReason);
    const first = await replay(firstScreenOutput(recording), recording.header.width, recording.header.height);
    expect(first).toContain('deep-net');
    await expectScreen(page, first, 'the poster');
    expect(await page.locator('.sl-chapters button').allInnerTexts()).toEqual(
      recording.markers.map((m) => expect.stringContaining(m.label) as unknown as string),
    );
  });

  it('jumps to a marker from its chapter, and on with PageDown and back with PageUp, an instant a press', async (context) => {
    if (!browser) return context.skip(skipReason);
    const markers = recording.markers;
    expect(markers).toHaveLength(63);
    expect([markers[2]!.label, markers[62]!.label]).toEqual(['marker 1 · deep-net · iteration 1 · row 3 update', 'marker 2 · deep-net · iteration 60 · row 3 update']);
    expect(new Set(markers.slice(3, 62).map((m) => m.time)).size).toBe(1);
    await page.click('[data-marker="2"]');
    await expectScreen(page, await screenAt(recording, markers[2]!), `chapter 3 (${markers[2]!.label})`);
    expect(await state(page)).toEqual({ current: 2, highlighted: 2 });
    // The 59 markers of one instant are one press, and it lands on the last of them (its screen).
    await page.keyboard.press('PageDown');
    await expectScreen(page, await screenAt(recording, markers[61]!), 'PageDown from chapter 3');
    expect(await state(page)).toEqual({ current: 61, highlighted: 61 });
    await page.keyboard.press('PageDown');
    await expectScreen(page, await screenAt(recording, markers[62]!), 'PageDown from chapter 62');
    expect(await state(page)).toEqual({ current: 62, highlighted: 62 });
    await page.keyboard.press('PageUp');
    await expectScreen(page, await screenAt(recording, markers[61]!), 'PageUp from chapter 63');
    await page.keyboard.press('PageUp');
    await expectScreen(page, await screenAt(recording, markers[2]!), 'PageUp from chapter 62');
    expect(await state(page)).toEqual({ current: 2, highlighted: 2 });
    // A chapter inside the instant shows the instant's screen.
    await page.click('[data-marker="10"]');
    await expectScreen(page, await screenAt(recording, markers[61]!), 'chapter 11, inside the instant');
    expect(await state(page)).toEqual({ current: 10, highlighted: 10 });
  });

  it('changes speed where it is, then plays on to the next marker and pauses there, once per instant', async (context) => {
    if (!browser) return context.skip(skipReason);
    const markers = recording.markers;
    await page.click('[data-marker="0"]');
    await expectScreen(page, await screenAt(recording, markers[0]!), 'chapter 1');
    await page.click('[data-speed="4"]');
    expect(await page.getAttribute('[data-speed="4"]', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('[data-speed="1"]', 'aria-pressed')).toBe('false');
    await expectScreen(page, await screenAt(recording, markers[0]!), 'chapter 1 after the speed change');
    // Space goes to the player (focused after the click) and plays; it stops by itself at the next marker.
    await page.keyboard.press(' ');
    await expectScreen(page, await screenAt(recording, markers[1]!), 'paused at the next marker');
    expect(await state(page)).toEqual({ current: 1, highlighted: 1 });
    await page.waitForTimeout(600);
    await expectScreen(page, await screenAt(recording, markers[1]!), 'still paused at the next marker');
    await page.keyboard.press(' ');
    await expectScreen(page, await screenAt(recording, markers[2]!), 'paused at marker 1');
    await page.keyboard.press(' ');
    await expectScreen(page, await screenAt(recording, markers[61]!), 'paused at the instant of 59 markers');
    expect(await state(page)).toEqual({ current: 61, highlighted: 61 });
    await page.keyboard.press(' ');
    await expectScreen(page, await screenAt(recording, markers[62]!), 'one more play: past the instant, at marker 2');
    expect(await state(page)).toEqual({ current: 62, highlighted: 62 });
  });

  it('fetches nothing, and carries the player licence notice in the page', async (context) => {
    if (!browser) return context.skip(skipReason);
    expect(requests).toEqual([pathToFileURL(htmlFile).href]);
    const footer = await page.locator('footer').innerText();
    expect(footer).toContain('asciinema-player 3.18.0, Copyright 2011-2021 Marcin Kulik, Apache License 2.0');
    expect(await page.locator('footer').isVisible()).toBe(true);
  });
});

describe('the exported page in an iframe of a slide', () => {
  it('plays in the frame and follows the postMessage commands of the deck', async (context) => {
    if (!browser) return context.skip(skipReason);
    const deck = path.join(tmp.dir, 'deck.html');
    writeFileSync(deck, `<!DOCTYPE html><section><iframe id="demo" src="${path.basename(htmlFile)}" width="960" height="600"></iframe></section>`);
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(deck).href);
    const frame = await (await page.waitForSelector('#demo')).contentFrame();
    expect(frame).not.toBeNull();
    await frame!.waitForSelector('.ap-term-text .ap-line');
    const markers = recording.markers;
    // What a reveal.js deck does on its own keys: tell the frame where to go.
    const post = (message: object) => page.evaluate((m) => document.querySelector('#demo')!.contentWindow!.postMessage(m, '*'), message);
    await post({ streetlight: 'marker', index: 2 });
    await expectScreen(frame!, await screenAt(recording, markers[2]!), 'marker 2 by message');
    await post({ streetlight: 'prev' });
    await expectScreen(frame!, await screenAt(recording, markers[1]!), 'the marker before, by message');
    await page.close();
  });
});

describe('the SVG stills in Chromium', () => {
  it('are XML that holds the screen of each marker', async (context) => {
    if (!browser) return context.skip(skipReason);
    const page = await browser.context.newPage();
    const files = readdirSync(svgDir).sort();
    expect(files).toHaveLength(recording.markers.length);
    expect([files[0], files[2], files[62]]).toEqual(['01-deep-net-opened.svg', '03-marker-1-deep-net-iteration-1-row-3-upda.svg', '63-marker-2-deep-net-iteration-60-row-3-upd.svg']);
    for (const [i, file] of files.entries()) {
      const svg = readFileSync(path.join(svgDir, file), 'utf8');
      const parsed = await page.evaluate(([text, layout]) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const error = doc.querySelector('parsererror');
        if (error) return { error: error.textContent ?? 'parsererror' };
        const rows: string[][] = [];
        for (const text of Array.from(doc.querySelectorAll('text'))) {
          const row = Math.round((Number(text.getAttribute('y')) - layout.padding - layout.baseline) / layout.cellHeight);
          const cells = (rows[row] ??= []);
          for (const span of Array.from(text.querySelectorAll('tspan'))) {
            const column = Math.round((Number(span.getAttribute('x')) - layout.padding) / layout.cellWidth);
            [...(span.textContent ?? '')].forEach((c, k) => (cells[column + k] = c));
          }
        }
        const title = doc.querySelector('title')?.textContent;
        return { title, screen: Array.from(rows, (cells = []) => Array.from(cells, (c) => c ?? ' ').join('')).join('\n') };
      }, [svg, SVG_LAYOUT] as const);
      const marker = recording.markers[i]!;
      expect(parsed.error, file).toBeUndefined();
      expect(parsed.title).toBe(marker.label);
      // The still holds every character, bars included.
      expect(trimmed(parsed.screen!), file).toBe(trimmed(await screenAt(recording, marker)));
    }
    await page.close();
  });
});
