// Whole-process time of `node dist/cli.js deep-net --print --iterations 20000` next to the notebook's
// numpy code doing the same 20,000 iterations (../shared/reference/numpy_deep_net.py), measured in the
// same run. numpy is timed twice: with the environment as it is, and with OPENBLAS_CORETYPE and
// OPENBLAS_L2_SIZE removed (they choose OpenBLAS's kernels and blocking, and so numpy's speed).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { line, ms, ROOT, timeCommand } from './lib.mjs';

const ITERATIONS = 20_000;
const BLAS_VARS = ['OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE'];
const TARGET = 30;

/** The reference script beside the project (../shared), or beside the folder of worktrees (../../shared). */
function numpyScript() {
  if (process.env.STREETLIGHT_NUMPY_SCRIPT) return process.env.STREETLIGHT_NUMPY_SCRIPT;
  const places = [['..'], ['..', '..']].map((up) => path.resolve(ROOT, ...up, 'shared', 'reference', 'numpy_deep_net.py'));
  return places.find((p) => existsSync(p)) ?? places[0];
}

/** Why numpy cannot be timed here, or undefined when it can. */
function numpyMissing(script) {
  if (!existsSync(script)) return `${script} not found`;
  const probe = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error) return 'python3 not found';
  if (probe.status !== 0) return 'python3 has no numpy';
  return undefined;
}

function withoutBlasVars() {
  const env = { ...process.env };
  for (const name of BLAS_VARS) delete env[name];
  return env;
}

/** How many lines of two logs differ. */
function differingLines(a, b) {
  const x = a.split('\n');
  const y = b.split('\n');
  let n = Math.abs(x.length - y.length);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) n++;
  return n;
}

export async function processSection() {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run bench` (it builds first)');
  const args = [cli, 'deep-net', '--print', '--iterations', String(ITERATIONS)];

  console.log(`whole process: deep-net --print --iterations ${ITERATIONS}, wall time (median)`);
  const bare = timeCommand(process.execPath, ['-e', ''], { runs: 10 });
  line("node -e '' (node's own start, for context)", ms(bare.median), `min ${ms(bare.min)}, 10 runs`);
  const ours = timeCommand(process.execPath, args, { runs: 10 });
  line(`node dist/cli.js deep-net --print --iterations ${ITERATIONS}`, ms(ours.median), `min ${ms(ours.min)}, 10 runs`);

  const script = numpyScript();
  const missing = numpyMissing(script);
  if (missing) {
    line('numpy_deep_net.py', 'skipped', `${missing}: no comparison`);
    return { node: bare.median, cli: ours.median };
  }
  const set = BLAS_VARS.filter((v) => process.env[v] !== undefined).map((v) => `${v}=${process.env[v]}`);
  const asIs = timeCommand('python3', [script, String(ITERATIONS)], { runs: 5 });
  line(`python3 numpy_deep_net.py ${ITERATIONS}`, ms(asIs.median), `min ${ms(asIs.min)}, 5 runs; env as is (${set.length ? set.join(' ') : `${BLAS_VARS.join(', ')} not set`})`);
  const unset = timeCommand('python3', [script, String(ITERATIONS)], { runs: 5, env: withoutBlasVars() });
  line(`  same, env -u ${BLAS_VARS.join(' -u ')}`, ms(unset.median), `min ${ms(unset.min)}, 5 runs${set.length ? '' : ' (same settings: neither was set)'}`);

  const ratio = asIs.median / ours.median;
  const ratioUnset = unset.median / ours.median;
  const verdict = ratio >= TARGET ? 'met' : 'not met';
  line('speed-up, numpy / streetlight-tui (env as is)', `${ratio.toFixed(1)}x`, `target >= ${TARGET}x: ${verdict}`);
  line('speed-up, numpy / streetlight-tui (OpenBLAS vars unset)', `${ratioUnset.toFixed(1)}x`);
  line('best possible here, numpy / bare node start', `${(asIs.median / bare.median).toFixed(1)}x`, 'if training and printing took no time at all');
  const diff = differingLines(ours.stdout, asIs.stdout);
  line('same log as numpy (env as is)', diff === 0 ? 'yes' : `${diff} lines differ`, diff === 0 ? '' : "numpy's BLAS kernels on this CPU fuse multiply-adds; see the note in test/fixtures/make_fixtures.py");
  return { node: bare.median, cli: ours.median, numpy: asIs.median, numpyUnset: unset.median, ratio };
}
