/**
 * The package as a user gets it: `npm pack`, then the tarball installed into an empty folder with no
 * network (`--offline`: it has no dependency to fetch), then its `streetlight-tui` run: `--list`,
 * `--print` against the notebook's reference log, and a `--keys` run.
 *
 * The pack runs in a copy of the sources (with this checkout's node_modules linked in), because
 * `npm pack` builds dist/ (prepack) and rewrites package.json while it packs, which must not happen
 * under the other test files that run dist/cli.js and read package.json at the same time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandExists, ROOT, tempDir } from '../support/index.js';

const hasNpm = commandExists('npm');
if (!hasNpm) console.warn('skipping the tarball test: npm is not installed');

/** The environment without what an outer `npm test` passes to its children (npm reads npm_config_* as its own). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name) && !['CI', 'NO_COLOR', 'FORCE_COLOR'].includes(name)) env[name] = value;
  return env;
}

function npm(args: readonly string[], cwd: string) {
  const started = performance.now();
  const result = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, env: npmEnv(), encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

describe.skipIf(!hasNpm)('the packed tarball', () => {
  const tmp = tempDir('streetlight-tarball-');
  const source = path.join(tmp.dir, 'source');
  const installed = path.join(tmp.dir, 'installed');
  let tarball: string;
  let packed: { files: { path: string }[]; size: number };
  let install: ReturnType<typeof npm>;

  beforeAll(() => {
    for (const entry of ['package.json', 'package-lock.json', 'build.mjs', 'README.md', 'src', 'scenarios', 'scripts', 'talks']) {
      cpSync(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'));
    const pack = npm(['pack', '--json', '--pack-destination', tmp.dir], source);
    const [result] = JSON.parse(pack.stdout) as (typeof packed & { filename: string })[];
    packed = result!;
    tarball = path.join(tmp.dir, result!.filename);
    mkdirSync(installed);
    writeFileSync(path.join(installed, 'package.json'), '{ "name": "tarball-check", "private": true }\n');
    install = npm(['install', '--offline', tarball], installed);
    console.log(`tarball: ${(packed.size / 1024).toFixed(0)} KB, ${packed.files.length} files; installed offline in ${(install.ms / 1000).toFixed(1)} s`);
  }, 120_000);

  it('holds the bundle, the scenarios and their schema, and no sources; its package.json has no scripts and no dependencies', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('scenarios/deep-net.json');
    expect(files).toContain('scenarios/scenario.schema.json');
    expect(files.filter((f) => !/^(dist\/|scenarios\/|package\.json$|README\.md$)/.test(f))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(installed, 'node_modules', 'streetlight-tui', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.bin).toEqual({ 'streetlight-tui': 'dist/cli.js' });
    // The copy packed from is as it was: prepack's change to package.json was undone by postpack.
    expect(readFileSync(path.join(source, 'package.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  });

  it('installs offline with no dependency and no warning', () => {
    expect(install.stderr).toBe('');
    expect(install.stdout).toMatch(/added 1 package/);
    expect(readdirSync(path.join(installed, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['streetlight-tui']);
  });

  const bin = () => path.join(installed, 'node_modules', '.bin', 'streetlight-tui');
  const run = (args: readonly string[]) => spawnSync(bin(), args, { cwd: installed, env: npmEnv(), encoding: 'utf8', timeout: 30_000 });

  it('runs --list, --print (the reference log) and a --keys run', () => {
    const list = run(['--list']);
    expect([list.status, list.stderr]).toEqual([0, '']);
    expect(list.stdout).toMatch(/^single-light +\S/);
    expect(list.stdout).toMatch(/^deep-net +Deep net with relu$/m);

    const print = run(['deep-net', '--print']);
    expect([print.status, print.stderr]).toEqual([0, '']);
    expect(print.stdout).toBe(readFileSync(path.join(ROOT, 'test', 'fixtures', 'notebook-deep-net.txt'), 'utf8'));

    const keys = run(['deep-net', '--keys', 'space n e', '--size', '80x24']);
    expect([keys.status, keys.stderr]).toEqual([0, '']);
    expect(keys.stdout).toMatch(/^deep-net +iter 60\/60/);
  });

  it('runs the built-in talk, records it and exports the recording as a page (all bundled)', () => {
    const cast = path.join(installed, 'talk.cast');
    const talk = run(['--talk', 'chapter-6', '--keys', 'pagedown space', '--size', '80x24', '--record', cast]);
    expect([talk.status, talk.stderr]).toEqual([0, '']);
    const page = run(['export', cast, '--html', path.join(installed, 'talk.html')]);
    expect([page.status, page.stderr]).toEqual([0, '']);
    expect(readFileSync(path.join(installed, 'talk.html'), 'utf8')).toContain('asciinema-player');
  });
});
