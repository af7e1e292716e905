/**
 * Helpers for the export tests: the output a marker's screen is drawn from, a still read back as text,
 * the export run through the built CLI, and Debian's Chromium driven by playwright-core.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { CastMarker, CastRecording } from '../../src/record/castReader.js';
import { SVG_LAYOUT } from '../../src/export/slides/svgStill.js';
import { replay, runCli, type Run } from '../support/index.js';

/** What the terminal showed at `marker`, replayed from the cast's output before it (right-trimmed lines). */
export function screenAt(recording: CastRecording, marker: CastMarker): Promise<string> {
  const output = recording.events.slice(0, marker.event).filter((e) => e.kind === 'o').map((e) => e.data).join('');
  return replay(output, recording.header.width, recording.header.height);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * A still's text, row by row, as screenText spells a screen: each <tspan> put back at its column
 * (read from its x), lines right-trimmed, no trailing blank lines. A reader of our own output only;
 * the browser test parses the same files as XML.
 */
export function svgScreenText(svg: string): string {
  const { cellWidth, cellHeight, padding, baseline } = SVG_LAYOUT;
  const rows: string[][] = [];
  for (const text of svg.matchAll(/<text y="([\d.]+)">(.*?)<\/text>/g)) {
    const row = Math.round((Number(text[1]) - padding - baseline) / cellHeight);
    const cells = (rows[row] ??= []);
    for (const span of text[2]!.matchAll(/<tspan x="([\d.]+)"[^>]*>(.*?)<\/tspan>/g)) {
      const column = Math.round((Number(span[1]) - padding) / cellWidth);
      const chars = [...span[2]!.replace(/&(amp|lt|gt|quot);/g, (e) => ENTITIES[e]!)];
      chars.forEach((c, i) => (cells[column + i] = c));
    }
  }
  const lines = Array.from(rows, (cells = []) => Array.from(cells, (c) => c ?? ' ').join('').trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines.map((line) => `${line}\n`).join('');
}

/** Runs `streetlight-tui export ARGS` with the built CLI, from `cwd`. */
export function exportWithCli(args: readonly string[], cwd: string): Run {
  return runCli(['export', ...args], {}, cwd);
}

/** Debian's Chromium (CHROMIUM overrides the path). */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * Chromium headless with the flags it needs here as root and on a closed network, and a fresh profile.
 * Undefined, with the reason, where it cannot start.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> } | string> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(tmpdir(), 'streetlight-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 700 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    return `${CHROMIUM} did not start: ${(error as Error).message.split('\n')[0]}`;
  }
}
