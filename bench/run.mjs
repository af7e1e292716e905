// `npm run bench` (builds first, then runs this): each section prints its own lines. To add one
// (e.g. UI frame times), write bench/<name>.mjs exporting an async function and list it below.
import { cpus, loadavg } from 'node:os';
import { engineSection } from './engine.mjs';
import { processSection } from './process.mjs';
import { scaleSection } from './scale.mjs';
import { uiSection } from './ui.mjs';

const SECTIONS = [engineSection, processSection, scaleSection, uiSection];

const started = performance.now();
console.log(`streetlight-tui bench: node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)}\n`);
for (const section of SECTIONS) {
  await section();
  console.log('');
}
console.log(`(bench took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
