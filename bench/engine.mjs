// Engine throughput: deep-net row updates per second, in this process, through the stepwise trainer
// (one immutable snapshot per row, what the screen steps through) and through the kernel (flat arrays,
// what --print and "run to end" use). The engine is bundled from src/ with esbuild (see lib.mjs), so
// the figures are for the current source, optimised by V8 after a warm-up. A last figure is the
// kernel's first 20,000 iterations in a fresh process: what `--print` pays before V8 has optimised.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSource, line, median, ms, rate, timeCommand, withTempDir } from './lib.mjs';

/** Calls `work()` (which returns rows done) until `seconds` have passed; returns rows per second. */
function measure(work, seconds) {
  let rows = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    rows += work();
    elapsed = performance.now() - start;
  }
  return (rows / elapsed) * 1000;
}

const SOURCE = `
  export { initialState, stepRow } from './src/engine/trainer.ts';
  export { createKernel } from './src/engine/kernel.ts';
  export { findBuiltIn } from './src/scenarios/builtins.ts';
  export { buildSetup } from './src/scenarios/setup.ts';
`;

/** A script that trains deep-net 20,000 iterations with the kernel, cold, and prints the ms it took. */
const COLD = (bundle) => `
  const e = await import(${JSON.stringify(pathToFileURL(bundle).href)});
  const setup = e.buildSetup(e.findBuiltIn('deep-net'), { iterations: 20000 });
  const start = performance.now();
  e.createKernel(setup).runInto(new Float64Array(20000));
  console.log(performance.now() - start);
`;

export async function engineSection() {
  return withTempDir(async (dir) => {
    const bundle = await bundleSource(SOURCE, path.join(dir, 'engine.mjs'));
    const engine = await import(pathToFileURL(bundle).href);
    const setup = engine.buildSetup(engine.findBuiltIn('deep-net'), { iterations: 1_000_000 });
    const rowsPerIteration = setup.trainRows.length;

    let state = engine.initialState(setup);
    const stepRows = () => {
      for (let i = 0; i < 1000; i++) state = engine.stepRow(state);
      return 1000;
    };
    measure(stepRows, 0.3);
    const stepwise = measure(stepRows, 1.5);

    let kernel = engine.createKernel(setup);
    const errors = new Float64Array(1000);
    const runKernel = () => {
      // Start over when a run ends (deep-net's numbers stay ordinary: the error settles near 1e-31).
      if (kernel.iteration + errors.length > setup.iterations) kernel = engine.createKernel(setup);
      return kernel.runInto(errors) * rowsPerIteration;
    };
    measure(runKernel, 0.3);
    const fast = measure(runKernel, 1.5);

    const coldRuns = [];
    for (let i = 0; i < 7; i++) {
      const run = timeCommand(process.execPath, ['--input-type=module', '-e', COLD(bundle)], { runs: 1, warmup: 0 });
      coldRuns.push(Number(run.stdout));
    }
    const cold = median(coldRuns);

    console.log('engine: deep-net (3 inputs, 4 hidden, relu, sgd) row updates per second, in-process');
    line('stepwise trainer, stepRow (a new snapshot per row)', rate(stepwise), `${(1e9 / stepwise).toFixed(0)} ns/row`);
    line('kernel, createKernel().runInto (flat arrays), warmed up', rate(fast), `${(1e9 / fast).toFixed(1)} ns/row`);
    line('kernel, 20,000 iterations in a fresh process (cold JIT)', ms(cold), `${rate((20000 * rowsPerIteration * 1000) / cold)}, median of 7`);
    return { stepwise, kernel: fast, cold };
  });
}
