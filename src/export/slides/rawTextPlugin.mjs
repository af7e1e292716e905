// An esbuild plugin for `import text from 'some/file?raw'`: the file's contents as a string, as Vite
// (and so vitest) reads the same import. The HTML export inlines the asciinema player's bundle and
// stylesheet this way, so the built CLI carries them and needs nothing installed at run time.
// build.mjs uses it; so does the export test that bundles an entry of its own.
import { readFile } from 'node:fs/promises';

export const rawTextPlugin = {
  name: 'raw-text',
  setup(build) {
    build.onResolve({ filter: /\?raw$/ }, async (args) => {
      const resolved = await build.resolve(args.path.slice(0, -'?raw'.length), {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, namespace: 'raw-text' };
    });
    build.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};
