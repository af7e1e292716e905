#!/usr/bin/env node
// `npm run demo`: regenerates docs/demo.cast from the committed key script docs/demo.keys,
// docs/demo.txt, the final screen as text (what the README shows), and docs/demo.html, the recording as
// a page that plays offline (`export --html`). All are byte-identical from run to run: the scripted
// runner uses a virtual terminal and a virtual clock.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist/cli.js');
const SIZE = '80x24';

/** Newest modification time of the files that go into the bundle. */
function newestSource() {
  let newest = statSync(path.join(root, 'build.mjs')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(path.join(root, 'src'));
  return newest;
}

function builtAt() {
  try {
    return statSync(cli).mtimeMs;
  } catch {
    return -Infinity;
  }
}

function run(args, what) {
  // A plain environment: colour on (16 colours), whatever the caller's shell says.
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'CI']) delete env[name];
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    console.error(`demo: ${what} failed (exit ${result.status})`);
    process.exit(1);
  }
  return result.stdout;
}

if (builtAt() < newestSource()) {
  console.log('demo: building dist/ first');
  run(['build.mjs'], 'the build');
}

const keys = readFileSync(path.join(root, 'docs/demo.keys'), 'utf8')
  .split('\n')
  .filter((line) => !line.trimStart().startsWith('#'))
  .join(' ')
  .trim()
  .replace(/\s+/g, ' ');

const castFile = path.join(root, 'docs/demo.cast');
run([cli, '--keys', keys, '--size', SIZE, '--record', castFile], 'recording');
// The final screen of the recorded session, from `replay` (which runs its keys again): a check that the demo
// replays, and the screen as recorded ("Marker 1 added to the recording.").
const screen = run([cli, 'replay', castFile, '--keys', ''], 'the replay');
writeFileSync(path.join(root, 'docs/demo.txt'), screen);
const htmlFile = path.join(root, 'docs/demo.html');
run([cli, 'export', castFile, '--html', htmlFile], 'the HTML export');

// Keep the screen shown in the docs in step with the demo.
for (const doc of ['README.md', 'docs/recording.md']) {
  const file = path.join(root, doc);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  const block = /^<!-- demo:start -->$[\s\S]*?^<!-- demo:end -->$/m;
  if (!block.test(text)) continue;
  const fenced = `<!-- demo:start -->\n\`\`\`text\n${screen}\`\`\`\n<!-- demo:end -->`;
  const updated = text.replace(block, () => fenced);
  if (updated !== text) {
    writeFileSync(file, updated);
    console.log(`demo: updated the screen in ${doc}`);
  }
}

const events = readFileSync(castFile, 'utf8').trimEnd().split('\n').slice(1).map((line) => JSON.parse(line));
const bytes = events.filter((e) => e[1] === 'o').reduce((n, e) => n + Buffer.byteLength(e[2]), 0);
const markers = events.filter((e) => e[1] === 'm').length;
console.log(`demo: docs/demo.cast: ${events.length} events, ${events.at(-1)?.[0] ?? 0} s, ${bytes} bytes of output, ${markers} markers`);
const inputs = events.filter((e) => e[1] === 'i').length;
console.log(`demo: docs/demo.cast: ${inputs} input events (the keys, for replay), ${statSync(castFile).size} bytes in all`);
console.log('demo: docs/demo.txt: the final screen');
console.log(`demo: docs/demo.html: ${Math.round(statSync(htmlFile).size / 1024)} KB, plays offline (open it in a browser)`);
console.log('demo: play it with `asciinema play docs/demo.cast`');
