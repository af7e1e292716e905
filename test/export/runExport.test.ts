import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { htmlPage } from '../../src/export/slides/htmlPage.js';
import { playerCast } from '../../src/export/slides/playerCast.js';
import { PLAYER_ASSETS } from '../../src/export/slides/playerAssets.js';
import { parseCast, readCast } from '../../src/record/castReader.js';
import { EXPORT_HELP, runExport, stillName } from '../../src/run/export.js';
import { CLI, ensureBuilt, ROOT, tempDir } from '../support/index.js';
import { exportWithCli } from './support.js';

const DEMO = path.join(ROOT, 'docs/demo.cast');
const tmp = tempDir();
afterAll(() => tmp.cleanup());
const out = (name: string) => path.join(tmp.dir, name);

async function exportWith(args: string[]): Promise<string> {
  let printed = '';
  expect(await runExport(args, (text) => (printed += text))).toBe(0);
  return printed;
}

async function refusal(args: string[]): Promise<string> {
  const error = await runExport(args, () => {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).not.toContain('\n');
  return (error as Error).message;
}

describe('runExport', () => {
  it('prints its help', async () => {
    expect(await exportWith(['--help'])).toBe(EXPORT_HELP);
    expect(EXPORT_HELP).toContain('--html OUT.html');
    expect(EXPORT_HELP).toContain('--svg DIR');
  });

  it('writes the demo as one page with every marker as a chapter', async () => {
    const file = out('demo.html');
    const printed = await exportWith([DEMO, '--html', file]);
    const recording = await readCast(DEMO);
    const size = statSync(file).size;
    expect(printed).toBe(`wrote ${file} (${Math.round(size / 1024)} KB, ${recording.markers.length} markers as chapters)\n`);
    const page = readFileSync(file, 'utf8');
    expect(page.match(/<button type="button" data-marker="\d+">/g)).toHaveLength(recording.markers.length);
    expect(page).toContain('<span class="sl-label">deep-net · opened</span><span class="sl-time">0:03</span>');
    expect(page).toContain(PLAYER_ASSETS.script.slice(0, 200));
  });

  it('carries the licence texts in a comment and the notice in the footer', async () => {
    const page = htmlPage(await readCast(DEMO), 'demo', PLAYER_ASSETS);
    const comment = page.slice(page.indexOf('<!--'), page.indexOf('-->'));
    expect(comment).toContain('==== asciinema-player 3.18.0');
    expect(comment).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
    expect(comment).toContain('Copyright 2011-2021 Marcin Kulik');
    expect(comment).toContain('Permission is hereby granted, free of charge');
    expect(page).toContain(
      '<footer class="sl-footer">Player: asciinema-player 3.18.0, Copyright 2011-2021 Marcin Kulik, Apache License 2.0; Solid, Copyright (c) 2016-2025 Ryan Carniato, MIT License.',
    );
  });

  it('keeps text from the cast from ending a block or adding markup', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const recording = parseCast(
      [JSON.stringify({ version: 2, width: 20, height: 2, title: evil }), JSON.stringify([0, 'o', evil]), JSON.stringify([0.5, 'm', evil])].join('\n'),
      'evil.cast',
    );
    const page = htmlPage(recording, evil, PLAYER_ASSETS);
    // Only the page's own four scripts open and close.
    expect(page.match(/<script/gi)).toHaveLength(4);
    expect(page.match(/<\/script/gi)).toHaveLength(4);
    expect(page).toContain('<span class="sl-label">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--</span>');
    expect(page).toContain('<title>&lt;/script&gt;');
    // The embedded cast is the checked cast, "<" spelled \u003c, which JSON reads back as "<".
    const embedded = /<script type="application\/x-asciicast" id="sl-cast">([^]*?)<\/script>/.exec(page)![1]!;
    expect(embedded).toBe(playerCast(recording).text.replaceAll('<', '\\u003c'));
    expect(parseCast(embedded, 'embedded').events.map((e) => e.data)).toEqual([evil, evil]);
  });

  it('writes one SVG per marker, named by number and label', async () => {
    const dir = out('stills');
    const printed = await exportWith([DEMO, '--svg', dir]);
    const recording = await readCast(DEMO);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(recording.markers.length);
    expect(files[0]).toBe('01-deep-net-opened.svg');
    expect(printed).toBe(`wrote ${files.length} stills to ${dir} (${files[0]} … ${files.at(-1)})\n`);
    expect(readFileSync(path.join(dir, files[1]!), 'utf8')).toContain('<title>deep-net · iteration 1 · error 1.4142058374213209</title>');
  });

  it('names stills safely', () => {
    expect(stillName(0, 'iteration 12 · row 0 predict', 9)).toBe('01-iteration-12-row-0-predict.svg');
    expect(stillName(99, '../../etc/passwd\u001b[2J', 120)).toBe('100-etc-passwd-2j.svg');
    expect(stillName(2, '', 3)).toBe('03.svg');
  });

  it('refuses bad usage with one line', async () => {
    expect(await refusal([])).toBe('export: expected one recording FILE.cast, got none (see export --help)');
    expect(await refusal(['a.cast', 'b.cast', '--html', 'x'])).toBe('export: expected one recording FILE.cast, got 2: a.cast b.cast (see export --help)');
    expect(await refusal([DEMO])).toBe('export: expected --html OUT.html or --svg DIR (see export --help)');
    expect(await refusal([DEMO, '--html'])).toBe('export --html: expected a file name');
    expect(await refusal([DEMO, '--svg'])).toBe('export --svg: expected a folder');
    expect(await refusal([DEMO, '--pdf', 'x'])).toBe("export: unknown option '--pdf' (see export --help)");
    expect(await refusal([DEMO, '--html', ''])).toBe("export --html: expected a file name, got ''");
  });

  it('refuses a bad cast, an unwritable output, and stills of a cast without markers', async () => {
    const bad = out('bad.cast');
    writeFileSync(bad, '{"version":2,"width":80,"height":24}\n[0,"o"]\n');
    expect(await refusal([bad, '--html', out('bad.html')])).toBe(`${bad}: line 2: expected an event [time, code, data], got an array of 2 items`);
    expect(await refusal([DEMO, '--html', out('no/such/dir/x.html')])).toBe(`export --html: cannot write '${out('no/such/dir/x.html')}' (no such folder)`);
    const aFile = out('a-file');
    writeFileSync(aFile, '');
    expect(await refusal([DEMO, '--svg', aFile])).toBe(`export --svg: cannot write '${aFile}' (is a file)`);
    const plain = out('plain.cast');
    writeFileSync(plain, '{"version":2,"width":80,"height":24}\n[0,"o","$ "]\n');
    expect(await refusal([plain, '--html', out('plain.html'), '--svg', out('plain')])).toBe(
      `${plain}: no markers; --svg makes one still per marker (press m while recording to add one)`,
    );
    // Refused before anything was written.
    expect(() => statSync(out('plain.html'))).toThrow();
  });

  it.skipIf(process.getuid?.() === 0)('names a folder it may not write to', async () => {
    const locked = out('locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    expect(await refusal([DEMO, '--html', path.join(locked, 'x.html')])).toContain('(permission denied)');
  });
});

describe('the export through the built CLI', () => {
  const dir = tempDir();
  beforeAll(ensureBuilt, 60_000);
  const dist = path.join(ROOT, 'dist');
  const run = (...args: string[]) => exportWithCli(args, dir.dir);

  it('keeps the player and the emulator out of the entry and what it loads at start', () => {
    const chunks = readdirSync(path.join(dist, 'chunks'));
    const entryCode = readFileSync(CLI, 'utf8');
    const staticImports = [...entryCode.matchAll(/(?:^|[;\s])import\s*(?:[^"'();]*?from\s*)?["']\.\/chunks\/([^"']+)["']/g)].map((m) => m[1]!);
    const startCode = [entryCode, ...staticImports.map((c) => readFileSync(path.join(dist, 'chunks', c), 'utf8'))].join('\n');
    expect(startCode).not.toContain('AsciinemaPlayer');
    // (package.json, bundled for --version, names @xterm/headless: look for its code, not its name.)
    expect(startCode).not.toMatch(/allowProposedApi|new Terminal\(/);
    const playerChunk = chunks.find((c) => readFileSync(path.join(dist, 'chunks', c), 'utf8').includes('var AsciinemaPlayer='));
    expect(playerChunk).toMatch(/^playerAssets-/);
  });

  it('exports the demo from a folder with no node_modules: one page under 1 MB that links to nothing', () => {
    const page = path.join(dir.dir, 'demo.html');
    const ok = run(DEMO, '--html', page, '--svg', path.join(dir.dir, 'stills'));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^wrote .*demo\.html \(\d+ KB, \d+ markers as chapters\)\nwrote \d+ stills to /);
    expect(statSync(page).size).toBeLessThan(1024 * 1024);
    const html = readFileSync(page, 'utf8');
    // The player, its stylesheet, ours and the cast are all inside; no src= or href= points anywhere.
    expect(html).toContain('var AsciinemaPlayer=');
    expect(html).toContain('div.ap-wrapper');
    expect(html).toContain('.asciinema-player-theme-streetlight {');
    expect(html).toContain('.sl-chapters button[aria-current]');
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it('exits 2 with one line on a bad file', () => {
    const bad = run(path.join(dir.dir, 'missing.cast'), '--svg', 'x');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`streetlight-tui: ${path.join(dir.dir, 'missing.cast')}: cannot read it (no such file); expected an asciicast v2 .cast file\n`);
  });
});
