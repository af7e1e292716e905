// The package.json that goes into the tarball (`npm pack`, `npm publish`): without "scripts" (and
// "allowScripts", which only says which devDependencies may run theirs while building).
//
// Why: the bundle in dist/ needs nothing at run time, so every library is a devDependency and the
// tarball installs with no dependency at all. But npm 11 counts `prepare` as an install script of a
// package installed from a file or git, blocks it, and warns about it (and, allowed, it would run
// `node build.mjs`, which is not in the tarball). `prepare` is still what builds dist/ after
// `npm install` in a clone, so it stays in the repository's package.json, and only the packed copy
// loses it:
//   prepack:  node build.mjs && node scripts/packManifest.mjs strip    (npm then reads the stripped file)
//   postpack: node scripts/packManifest.mjs restore
// A pack that fails in between leaves the original in .package.json.unpacked; `restore` (or the next
// `strip`) puts it back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = path.join(root, 'package.json');
const kept = path.join(root, '.package.json.unpacked');

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

const action = process.argv[2];
if (action === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  const { scripts: _scripts, allowScripts: _allowScripts, ...packed } = JSON.parse(text);
  writeFileSync(kept, text);
  writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (action === 'restore') {
  restore();
} else {
  console.error('usage: node scripts/packManifest.mjs strip|restore');
  process.exit(2);
}
