// The screen's figures: launch to the first full frame (against a bare node start), bytes written
// per iteration step at 80x24, and rows per second in play mode at full speed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { line, median, ms, ROOT, withTempDir } from './lib.mjs';

const CLI = path.join(ROOT, 'dist/cli.js');
// Ink draws only the last frame when CI is set: the screen figures need the real behaviour.
const ENV = { ...process.env, CI: '', CONTINUOUS_INTEGRATION: '', TERM: 'xterm-256color' };
delete ENV.CI;
delete ENV.CONTINUOUS_INTEGRATION;

/**
 * Runs `command` in a pseudo-terminal of 80x24 (script(1)), and returns the ms until its output
 * contains `marker`; then closes it. The same harness times a bare node start, so both carry the
 * same pseudo-terminal overhead, which is measured too and subtracted.
 */
function timeToOutput(command, marker) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], { env: ENV, cwd: ROOT });
    let out = '';
    let elapsed;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.stdout.on('data', (chunk) => {
      // Colour codes sit between the words of the frame; match on the plain text.
      out += chunk.toString('utf8').replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      if (elapsed === undefined && out.includes(marker)) {
        elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        child.stdin.write('q');
      }
    });
    child.on('error', reject);
    // Resolve only once the process has gone: a run still quitting would steal a core from the next one.
    child.on('exit', () => {
      clearTimeout(timer);
      if (elapsed === undefined) reject(new Error(`'${command}' ended without printing '${marker}'`));
      else resolve(elapsed);
    });
  });
}

async function medianOf(runs, measure) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = await measure();
    if (i > 0) times.push(t);
  }
  return median(times);
}

export async function firstFrame() {
  const runs = 9;
  const overhead = await medianOf(runs, () => timeToOutput(`printf READY`, 'READY'));
  const bare = await medianOf(runs, () => timeToOutput(`node -e "process.stdout.write('READY')"`, 'READY'));
  // The key hints are the last line of the training frame: once they are out, the frame is complete.
  // The picker is what `npx streetlight-tui` opens; its last line is the key hint ending in "q quit".
  const picker = await medianOf(runs, () => timeToOutput(`node ${CLI}`, 'q quit'));
  const app = await medianOf(runs, () => timeToOutput(`node ${CLI} deep-net`, '? help'));
  line('pseudo-terminal overhead (script + stty), subtracted below', ms(overhead));
  line("bare node start (node -e '' writing one word)", ms(bare - overhead));
  line('streetlight-tui (the picker): launch to first full frame', ms(picker - overhead));
  line('  ratio to the bare node start', `${((picker - overhead) / (bare - overhead)).toFixed(2)}x`, 'target <= 3x');
  line('streetlight-tui deep-net (training screen): launch to first full frame', ms(app - overhead));
  line('  ratio to the bare node start', `${((app - overhead) / (bare - overhead)).toFixed(2)}x`, 'target <= 3x');
}

/** Total bytes of output events in a scripted recording at 80x24. */
function recordedBytes(dir, scenario, keys, env = ENV, extra = []) {
  const file = path.join(dir, `${scenario}-${keys.length}.cast`);
  execFileSync('node', [CLI, scenario, ...extra, '--keys', keys, '--record', file, '--size', '80x24'], { env, cwd: ROOT });
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l))
    .filter((e) => e[1] === 'o')
    .reduce((sum, e) => sum + Buffer.byteLength(e[2]), 0);
}

function bytesPerStep() {
  const steps = 20;
  const keys = Array(steps).fill('space').join(' ');
  return withTempDir(async (dir) => {
    for (const [scenario, label, env] of [
      ['deep-net', 'colour', ENV],
      ['deep-net', 'NO_COLOR', { ...ENV, NO_COLOR: '1' }],
      ['whole-dataset', 'colour', ENV],
    ]) {
      // The difference between 20 steps and none leaves out the opening frame and the exit.
      const perStep = (recordedBytes(dir, scenario, keys, env) - recordedBytes(dir, scenario, 'wait:1', env)) / steps;
      line(`bytes per iteration step at 80x24, ${scenario}, ${label}`, `${perStep.toFixed(0)} B`, 'target <= 1536 B');
    }
    // A comparison redraws two runs' weights and a chart with two curves at every step.
    for (const [scenario, compare] of [
      ['whole-dataset', 'mode=full'],
      ['deep-net', 'activation=linear'],
    ]) {
      const extra = ['--compare', compare];
      const perStep = (recordedBytes(dir, scenario, keys, ENV, extra) - recordedBytes(dir, scenario, 'wait:1', ENV, extra)) / steps;
      line(`compare bytes/step at 80x24, ${scenario} vs ${compare}`, `${perStep.toFixed(0)} B`, "target <= 2048 B");
    }
  });
}

function tmux(...args) {
  return spawnSync('tmux', ['-L', 'sl-bench', ...args], { encoding: 'utf8', env: ENV }).stdout ?? '';
}

/** Rows trained so far, from the status line: "iter 13/1000000  row 2 (of 4)" (rows are named from 0). */
function rowsDone(screen, rowsPerIteration) {
  const m = /iter (\d+)\/\d+\s+row (\d+|·)/.exec(screen);
  if (!m) return undefined;
  const row = m[2] === '·' ? 0 : Number(m[2]) + 1;
  return (Number(m[1]) - 1) * rowsPerIteration + row;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function playSpeed() {
  if (spawnSync('tmux', ['-V']).status !== 0) return line('play mode', 'skipped', 'tmux is not installed');
  tmux('kill-server');
  tmux('new-session', '-d', '-x', '80', '-y', '24', `node ${CLI} deep-net --iterations 1000000`);
  try {
    await sleep(1500);
    for (let i = 0; i < 12; i++) tmux('send-keys', '+');
    tmux('send-keys', 'p');
    await sleep(1000);
    const a = rowsDone(tmux('capture-pane', '-p'), 4);
    const t0 = performance.now();
    await sleep(3000);
    const b = rowsDone(tmux('capture-pane', '-p'), 4);
    const seconds = (performance.now() - t0) / 1000;
    if (a === undefined || b === undefined) return line('play mode', 'unreadable', 'status line not found');
    line('play mode at full speed (8192 rows/s asked), deep-net, 80x24', `${((b - a) / seconds).toFixed(0)} rows/s`, `${((b - a) / seconds / 4).toFixed(0)} iterations/s`);
  } finally {
    tmux('kill-server');
  }
}

export async function uiSection() {
  console.log('screen: the interactive UI in a real pseudo-terminal (CI unset for the app)');
  await firstFrame();
  await bytesPerStep();
  await playSpeed();
}
