/** numpy's legacy Mersenne Twister, against draws made by numpy itself (test/fixtures/random.json). */
import { describe, expect, it } from 'vitest';
import { mersenneTwister, randomMatrix, symmetricRandomMatrix } from '../../src/engine/random.js';
import { expectExact, readFixture } from './fixtures.js';

interface Draws {
  random: { seed: number; rows: number; cols: number; values: number[] }[];
  uint32: { seed: number; values: number[] }[];
}
const { random, uint32 } = readFixture<Draws>('random.json');

describe('np.random.seed(s); np.random.random((r, c))', () => {
  it.each(random.map((d) => [d.seed, d.rows, d.cols, d] as const))('seed %i, %i x %i', (seed, rows, cols, d) => {
    const matrix = randomMatrix(mersenneTwister(seed), rows, cols);
    expect(matrix.map((r) => r.length)).toEqual(new Array(rows).fill(cols));
    // Row by row, as numpy fills a C-ordered array.
    expectExact(matrix.flat(), d.values, `seed ${seed}`);
  });

  it('the long runs cross the 624-word twist several times', () => {
    const long = random.filter((d) => d.rows * d.cols * 2 > 624 * 4);
    expect(long.map((d) => d.seed)).toEqual(expect.arrayContaining([0, 1, 42, 2 ** 32 - 1]));
  });

  it('2 * random - 1 is the book weight initialisation', () => {
    const d = random.find((x) => x.seed === 2)!;
    const w = symmetricRandomMatrix(mersenneTwister(2), d.rows, d.cols);
    expectExact(w.flat(), d.values.map((x) => 2 * x - 1), 'seed 2 weights');
  });
});

describe('raw 32-bit outputs (RandomState.randint(0, 2**32, dtype=uint32))', () => {
  it.each(uint32.map((d) => [d.seed, d] as const))('seed %i', (seed, d) => {
    const rng = mersenneTwister(seed);
    expectExact(d.values.map(() => rng.nextUint32()), d.values, `seed ${seed}`);
  });
});

describe('seeds numpy would refuse', () => {
  it.each([-1, 2 ** 32, 1.5, Number.NaN])('%s throws a RangeError', (seed) => {
    expect(() => mersenneTwister(seed)).toThrow(RangeError);
  });
});
