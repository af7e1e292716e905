// Bundles the CLI with esbuild. Splitting keeps the print path's chunk free of Ink and React:
// they live in chunks that only the screen paths import, so `--print` starts as fast as node.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';
import { rawTextPlugin } from './src/export/slides/rawTextPlugin.mjs';

// SL_OUTDIR lets a test run or a second engineer build elsewhere without wiping dist/ under someone else.
const outdir = process.env.SL_OUTDIR || 'dist';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.tsx' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink only loads the React devtools when DEV=true; they are not a dependency.
  external: ['react-devtools-core'],
  // Ink measures every line with string-width; ours answers at once for the glyphs the app draws.
  alias: { 'string-width': './src/terminal/stringWidthForInk.ts' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS (React) calls require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __slCreateRequire } from 'node:module'; const require = __slCreateRequire(import.meta.url);" },
  // `?raw` imports: the export inlines the asciinema player's bundle and stylesheet as text.
  plugins: [rawTextPlugin],
  logLevel: 'warning',
});
chmodSync(`${outdir}/cli.js`, 0o755);
