/**
 * Special and huge files: only regular files are read (a FIFO must not hang, /dev/zero must not be read
 * to the end), a size cap, text that is not UTF-8; and the speed of loading a 1000 x 20 file.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tempDir } from '../support/cli.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/scenarios/limits.js';
import { ScenarioFileError, loadScenarioFile, readScenarioText } from '../../src/scenarios/loader.js';

const { dir } = tempDir('streetlight-files-');

async function refusal(file: string): Promise<string[]> {
  const started = performance.now();
  try {
    await loadScenarioFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFileError);
    expect(performance.now() - started).toBeLessThan(1000);
    return [...(error as ScenarioFileError).lines];
  }
  throw new Error(`${file} loaded`);
}

describe('only regular files are read', () => {
  it('a FIFO is refused before it is opened (it would block forever)', async () => {
    const fifo = path.join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toEqual([`${fifo}: is not a regular file (a device, pipe or socket); expected a scenario .json file`]);
  });

  it.each(['/dev/zero', '/dev/urandom', '/dev/null'])('%s is refused without reading it', async (device) => {
    expect(await refusal(device)).toEqual([`${device}: is not a regular file (a device, pipe or socket); expected a scenario .json file`]);
  });

  it('a link to a device is refused too', async () => {
    const link = path.join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    expect(await refusal(link)).toEqual([`${link}: is not a regular file (a device, pipe or socket); expected a scenario .json file`]);
  });

  it('a folder, a missing file', async () => {
    const folder = path.join(dir, 'folder.json');
    mkdirSync(folder);
    expect(await refusal(folder)).toEqual([`${folder}: is a folder; expected a scenario .json file`]);
    expect(await refusal(path.join(dir, 'none.json'))).toEqual([
      `${path.join(dir, 'none.json')}: no such file; expected a built-in id (see --list) or the path of a scenario .json file`,
    ]);
  });
});

describe('size and encoding', () => {
  it(`a file over ${LIMITS.fileBytes} bytes is refused, the limit stated`, async () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(LIMITS.fileBytes + 1, 0x20));
    expect(await refusal(big)).toEqual([`${big}: is larger than the limit of 8 MB for a scenario file (${LIMITS.fileBytes + 1} bytes)`]);
    const atLimit = path.join(dir, 'at-limit.json');
    writeFileSync(atLimit, Buffer.alloc(LIMITS.fileBytes, 0x20));
    expect((await readScenarioText(atLimit)).length).toBe(LIMITS.fileBytes);
  });

  it('text that is not UTF-8 is refused', async () => {
    const latin = path.join(dir, 'latin1.json');
    writeFileSync(latin, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect(await refusal(latin)).toEqual([`${latin}: is not UTF-8 text; expected a scenario .json file`]);
  });

  it('100,000-deep nesting is one line, not a stack overflow', async () => {
    const deep = path.join(dir, 'deep.json');
    writeFileSync(deep, '['.repeat(100_000) + ']'.repeat(100_000));
    const lines = await refusal(deep);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^.*deep\.json: not valid JSON: line 1, column 17 \((\[0\]){16}\): expected at most 16 levels of nesting/);
  });
});

describe('speed: a 1000-row x 20-lamp file (20,000 numbers)', () => {
  it('loads and validates in a few milliseconds', async () => {
    const file = path.join(dir, 'thousand.json');
    const inputs = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 20 }, (_, j) => Math.round(((r * 31 + j * 17) % 101) / 1.01) / 100));
    writeFileSync(
      file,
      JSON.stringify({ title: '1000 x 20', data: { inputs, labels: inputs.map((r) => (r[0]! > 0.5 ? 1 : 0)) }, network: { layers: 3, hidden: 32 }, training: { alpha: 0.001, iterations: 60 } }, null, 2),
    );
    const first = performance.now();
    await loadScenarioFile(file);
    const cold = performance.now() - first;
    const times: number[] = [];
    for (let k = 0; k < 7; k++) {
      const t = performance.now();
      const s = await loadScenarioFile(file);
      times.push(performance.now() - t);
      expect(s.data.inputs).toHaveLength(1000);
    }
    times.sort((a, b) => a - b);
    console.log(`load 1000 x 20: first ${cold.toFixed(1)} ms (with the schema's import), then median ${times[3]!.toFixed(1)} ms`);
    expect(times[3]).toBeLessThan(10);
  });
});
