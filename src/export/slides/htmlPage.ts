/**
 * The self-contained HTML page of a recording: the asciinema player's script and stylesheet inlined,
 * the cast embedded, the markers as a chapter list, speed buttons, and the licence texts of what it
 * carries (in a comment at the top, and a one-line notice in the footer). Nothing is fetched when the
 * page is viewed, so it plays from a file, offline, or in an iframe of a slide deck.
 *
 * Everything from the cast is text from a file: labels and the title are escaped for HTML, and the
 * cast and the configuration sit in non-executed <script> blocks whose every "<" is written as \u003c
 * (inside JSON strings, where "<" can only occur, that is the same character), so no content can end
 * the block early.
 */
import { printable, type CastRecording } from '../../record/castReader.js';
import pageScript from './pageScript.js?raw';
import pageStyle from './pageStyle.css?raw';
import { playerThemeCss } from './palette.js';
import type { PlayerAssets } from './playerAssets.js';
import { playerCast, type Chapter } from './playerCast.js';

const THEME = 'streetlight';
export const SPEEDS = [0.5, 1, 2, 4] as const;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON (or JSON lines) that can sit inside a <script> block: see the module comment. */
const scriptJson = (json: string) => json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** Code for a <script> or <style> block: a closing tag inside a string literal must not close the block. */
const inlineCode = (code: string, tag: 'script' | 'style') => code.replace(new RegExp(`</(${tag})`, 'gi'), '<\\/$1');

/** Text for an HTML comment, which may not contain "-->". */
const commentText = (s: string) => s.replace(/--!?>/g, '- ->');

/**
 * The output that draws the recording's first screen: up to the end of the first synchronized update
 * (Ink wraps each frame in one), or, for a program that does not, the output of the first instant.
 */
export function firstScreenOutput(recording: CastRecording): string {
  const output = recording.events.filter((e) => e.kind === 'o');
  const frameEnd = output.findIndex((e) => e.data.includes('\u001b[?2026l'));
  const firstTime = output[0]?.time;
  const firstScreen = frameEnd === -1 ? output.filter((e) => e.time === firstTime) : output.slice(0, frameEnd + 1);
  return firstScreen.map((e) => e.data).join('');
}

/** "1:05" for 65.3 s. */
export function clockTime(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

function chapterList(chapters: readonly Chapter[]): string {
  return chapters
    .map(
      (c, i) =>
        `<li><button type="button" data-marker="${i}"><span class="sl-label">${escapeHtml(printable(c.label) || `marker ${i + 1}`)}</span>` +
        `<span class="sl-time">${clockTime(c.time)}</span></button></li>`,
    )
    .join('\n');
}

/** "Copyright 2011-2021 Marcin Kulik", as the licence text states it. */
const copyrightLine = (license: string) => /^\s*(Copyright (?:\(c\) )?\d.*)$/m.exec(license)?.[1]?.trim();

function licenceComment(assets: PlayerAssets): string {
  return assets.licenses.map((l) => `==== ${l.name} ====\n\n${commentText(l.text.trimEnd())}\n`).join('\n');
}

function licenceNotice(assets: PlayerAssets): string {
  const parts = assets.licenses.map((l) => {
    const name = l.name.replace(/ \(.*$/, '');
    const kind = /Apache License/.test(l.text) ? 'Apache License 2.0' : /MIT License/.test(l.text) ? 'MIT License' : 'see the licence';
    return `${escapeHtml(name)}, ${escapeHtml(copyrightLine(l.text) ?? '')}, ${kind}`;
  });
  return `Player: ${parts.join('; ')}. The full licence texts are in this page's source.`;
}

export function htmlPage(recording: CastRecording, title: string, assets: PlayerAssets): string {
  const cast = playerCast(recording);
  const config = {
    theme: THEME,
    chapters: cast.chapters.map((c) => c.group),
    groupTimes: cast.groupTimes,
    poster: `data:text/plain,${firstScreenOutput(recording)}`,
  };
  const speeds = SPEEDS.map((s) => `<button type="button" data-speed="${s}" aria-pressed="${s === 1}">${s}×</button>`).join('');
  return `<!DOCTYPE html>
<!--
${commentText(escapeHtml(title))}: a terminal recording, exported by streetlight-tui.
It is played by asciinema-player ${assets.version}, whose script and stylesheet are inlined below,
under the following licences.

${licenceComment(assets)}-->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${inlineCode(assets.style, 'style')}
</style>
<style>
${playerThemeCss(THEME)}
${inlineCode(pageStyle, 'style')}
</style>
</head>
<body>
<main class="sl-main">
<div class="sl-player" id="sl-player"></div>
<aside class="sl-side">
<h1>${escapeHtml(title)}</h1>
<ol class="sl-chapters" aria-label="Markers">
${chapterList(cast.chapters)}
</ol>
<div class="sl-speeds" role="group" aria-label="Speed">Speed ${speeds}</div>
<p class="sl-help">PageDown / PageUp: next / previous marker. Space: play / pause (the player stops at each marker).</p>
</aside>
</main>
<footer class="sl-footer">${licenceNotice(assets)}</footer>
<script type="application/json" id="sl-config">${scriptJson(JSON.stringify(config))}</script>
<script type="application/x-asciicast" id="sl-cast">${scriptJson(cast.text)}</script>
<script>
${inlineCode(assets.script, 'script')}
</script>
<script>
${inlineCode(pageScript, 'script')}
</script>
</body>
</html>
`;
}
