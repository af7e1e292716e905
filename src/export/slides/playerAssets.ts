/**
 * The asciinema player, as text to inline into an exported page: its standalone bundle (which carries
 * its terminal emulator as WebAssembly, so it fetches nothing), its stylesheet, and the licence texts
 * that must travel with it: its own (Apache-2.0) and that of Solid (MIT), which the bundle includes.
 *
 * Only the HTML export imports this module, and only dynamically: the text (about 250 KB) lives in a
 * chunk of its own that no other path of the CLI loads.
 *
 * Under vitest every .css import, `?raw` included, is an empty string (vitest stubs CSS unless its `css`
 * option is on), so tests that look at a whole page export through the bundle (test/export/support.ts).
 */
import playerScript from 'asciinema-player/dist/bundle/asciinema-player.min.js?raw';
import playerStyle from 'asciinema-player/dist/bundle/asciinema-player.css?raw';
// The package's exports map lists neither its LICENSE nor its package.json, so they are reached by path.
import playerLicense from '../../../node_modules/asciinema-player/LICENSE?raw';
import playerPackage from '../../../node_modules/asciinema-player/package.json' with { type: 'json' };
import solidLicense from '../../../node_modules/solid-js/LICENSE?raw';

export interface PlayerAssets {
  readonly script: string;
  readonly style: string;
  readonly version: string;
  /** Licence texts, each headed by what it covers. */
  readonly licenses: readonly { readonly name: string; readonly text: string }[];
}

export const PLAYER_ASSETS: PlayerAssets = {
  script: playerScript,
  style: playerStyle,
  version: playerPackage.version,
  licenses: [
    { name: `asciinema-player ${playerPackage.version} (https://github.com/asciinema/asciinema-player)`, text: playerLicense },
    { name: 'Solid (https://github.com/solidjs/solid), bundled in the player', text: solidLicense },
  ],
};
