// A user-sized scenario (1000 rows, 20 lamps, 32 hidden relu nodes, sgd, 60 iterations) as a whole
// process, `node dist/cli.js FILE --print`, next to the notebook's numpy code doing the same per-row
// training on the same file (numpy_scenario.py), and where the process spends its time: node's own
// start, loading the file checks (validate.ts; zod only loads for a file with problems), reading and
// validating the file, building the setup,
// training, and the rest (the CLI's modules, formatting the log, exit). The data are made here from a
// fixed seed, so every run of the bench trains the same numbers.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { line, median, ms, ROOT, timeCommand, withTempDir } from './lib.mjs';

const ROWS = 1000;
const LAMPS = 20;
const HIDDEN = 32;
const ITERATIONS = 60;
const TARGET = 8;

/** mulberry32: a small fixed-seed generator, so the data are the same on every machine. */
function generator(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The scenario: each lamp on or off at random; WALK when at least two of the first three lamps are on. */
export function scaleScenario() {
  const random = generator(1);
  const inputs = Array.from({ length: ROWS }, () => Array.from({ length: LAMPS }, () => (random() < 0.5 ? 1 : 0)));
  const labels = inputs.map((row) => (row[0] + row[1] + row[2] >= 2 ? 1 : 0));
  return {
    id: 'bench-scale',
    title: `Bench: ${ROWS} rows, ${LAMPS} lamps, ${HIDDEN} hidden relu nodes`,
    data: { inputs, labels },
    network: { layers: 3, hidden: HIDDEN, activation: 'relu', seed: 1 },
    // alpha 0.01 keeps the numbers ordinary (the error falls from 92.7 to 62.9 over the 60 iterations).
    training: { alpha: 0.01, iterations: ITERATIONS, mode: 'sgd' },
  };
}

/** The phases of the CLI's --print path, timed in a fresh process from the same source (bundled as the build does). */
const PHASES = (entry, file) => `
  const t0 = performance.now();
  const e = await import(${JSON.stringify(pathToFileURL(entry).href)});
  const t1 = performance.now();
  await e.loadSchema();
  const t2 = performance.now();
  const scenario = await e.loadScenarioFile(${JSON.stringify(file)});
  const t3 = performance.now();
  const setup = e.buildSetup(scenario);
  const t4 = performance.now();
  e.createKernel(setup).runInto(new Float64Array(setup.iterations));
  const t5 = performance.now();
  console.log(JSON.stringify({ modules: t1 - t0, schema: t2 - t1, file: t3 - t2, setup: t4 - t3, train: t5 - t4 }));
`;

const SOURCE = `
  export { loadScenarioFile } from './src/scenarios/loader.ts';
  export { buildSetup } from './src/scenarios/setup.ts';
  export { createKernel } from './src/engine/kernel.ts';
  export const loadSchema = () => import('./src/scenarios/validate.ts');
`;

/** Bundles with code splitting, as build.mjs does, so the checks load when asked for, as in the CLI. */
async function bundlePhases(dir) {
  const { build } = await import('esbuild');
  await build({
    stdin: { contents: SOURCE, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    outdir: path.join(dir, 'phases'),
    entryNames: 'entry',
    logLevel: 'warning',
  });
  return path.join(dir, 'phases', 'entry.js');
}

function numpyMissing() {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error) return 'python3 not found';
  if (probe.status !== 0) return 'python3 has no numpy';
  return undefined;
}

function phaseMedians(entry, file, runs) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const run = timeCommand(process.execPath, ['--input-type=module', '-e', PHASES(entry, file)], { runs: 1, warmup: i === 0 ? 1 : 0 });
    all.push(JSON.parse(run.stdout));
  }
  return Object.fromEntries(Object.keys(all[0]).map((k) => [k, median(all.map((p) => p[k]))]));
}

export async function scaleSection() {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run bench` (it builds first)');
  return withTempDir(async (dir) => {
    const file = path.join(dir, 'bench-scale.json');
    writeFileSync(file, JSON.stringify(scaleScenario(), null, 1));
    const label = `${ROWS} rows x ${LAMPS} lamps x ${HIDDEN} hidden, relu, sgd, ${ITERATIONS} iterations`;
    console.log(`whole process at scale: ${label}, --print, wall time (median)`);

    // Node 20 reads NODE_EXTRA_CA_CERTS and builds its certificate store at every start when the variable
    // is set (nodejs/node#40524), some 35 ms here, though the app makes no TLS connection: the timings
    // leave it out, and say what it costs where it is set.
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const bare = timeCommand(process.execPath, ['-e', ''], { runs: 10, env });
    const ours = timeCommand(process.execPath, [cli, file, '--print'], { runs: 10, env });
    line('node dist/cli.js FILE --print', ms(ours.median), `min ${ms(ours.min)}, 10 runs`);
    const certs = process.env.NODE_EXTRA_CA_CERTS ? timeCommand(process.execPath, [cli, file, '--print'], { runs: 10 }) : undefined;

    const phases = phaseMedians(await bundlePhases(dir), file, 7);
    const rest = ours.median - bare.median - phases.schema - phases.file - phases.setup - phases.train;
    line("  node's own start (node -e '')", ms(bare.median));
    line('  loading the file checks', ms(phases.schema), 'src/scenarios/validate.ts, loaded for user files (zod only for one with problems)');
    line('  reading and validating the file (44 KB)', ms(phases.file), 'loadScenarioFile: read, JSON.parse, checks');
    line('  building the setup (initial weights)', ms(phases.setup));
    line(`  training, ${ITERATIONS} iterations (kernel, cold JIT)`, ms(phases.train), `${((phases.train * 1000) / (ITERATIONS * ROWS)).toFixed(2)} µs per row`);
    line('  the rest: the CLI modules, formatting, exit', ms(rest), 'whole process minus the lines above');

    const missing = numpyMissing();
    if (missing) {
      line('numpy_scenario.py', 'skipped', `${missing}: no comparison`);
      return { cli: ours.median, phases };
    }
    const script = path.join(ROOT, 'bench', 'numpy_scenario.py');
    const numpy = timeCommand('python3', [script, file], { runs: 5 });
    line('python3 bench/numpy_scenario.py FILE (the notebook cell)', ms(numpy.median), `min ${ms(numpy.min)}, 5 runs`);
    const ratio = numpy.median / ours.median;
    line('speed-up, numpy / streetlight-tui', `${ratio.toFixed(1)}x`, `target >= ${TARGET}x: ${ratio >= TARGET ? 'met' : 'not met'}`);
    if (certs) {
      const withCerts = numpy.median / certs.median;
      const cost = `node dist/cli.js takes ${ms(certs.median)}: NODE_EXTRA_CA_CERTS costs every node start ${ms(certs.median - ours.median)}`;
      line('  the same with NODE_EXTRA_CA_CERTS as set here', `${withCerts.toFixed(1)}x`, `${withCerts >= TARGET ? 'met' : 'not met'}; ${cost}`);
    }
    const withoutSchema = numpy.median / (ours.median - phases.schema - phases.file);
    line('  the same, if loading the file cost nothing', `${withoutSchema.toFixed(1)}x`, 'checks and validation left out');
    const same = ours.stdout === numpy.stdout;
    const note = "last digits differ: numpy's BLAS sums the 20 lamps in its own order; ours adds left to right, as the book's loops";
    line('same log as numpy', same ? 'yes' : 'no', same ? '' : note);
    return { cli: ours.median, numpy: numpy.median, ratio, withCerts: certs && numpy.median / certs.median, phases };
  });
}
