/**
 * numpy's legacy random generator (np.random.seed + np.random.random), bit for bit.
 *
 * numpy seeds MT19937 from an integer with init_genrand and builds each double from
 * two 32-bit outputs: 27 high bits of the first and 26 of the second. Reproducing this
 * exactly is what lets `seed 1` start the deep net from the notebook's very weights.
 */
const N = 624;
const M = 397;

export interface MersenneTwister {
  /** The next 32-bit unsigned output. */
  nextUint32(): number;
  /** The next double in [0, 1), as numpy's random_sample draws it. */
  nextDouble(): number;
}

export function mersenneTwister(seed: number): MersenneTwister {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  const mt = new Uint32Array(N);
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    // 1812433253 * prev overflows 2^53, so multiply in 16-bit halves to stay exact mod 2^32.
    mt[i] = ((((prev & 0xffff0000) >>> 16) * 1812433253) << 16) + (prev & 0x0000ffff) * 1812433253 + i;
  }
  let index = N;

  function twist(): void {
    for (let i = 0; i < N; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % N]! & 0x7fffffff);
      mt[i] = mt[(i + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    index = 0;
  }

  function nextUint32(): number {
    if (index >= N) twist();
    let y = mt[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  function nextDouble(): number {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  return { nextUint32, nextDouble };
}

/** `np.random.random((rows, cols))`, filled row by row. */
export function randomMatrix(rng: MersenneTwister, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = [];
    for (let c = 0; c < cols; c++) row.push(rng.nextDouble());
    out.push(row);
  }
  return out;
}

/** `2 * np.random.random((rows, cols)) - 1`: the book's weight initialisation in [-1, 1). */
export function symmetricRandomMatrix(rng: MersenneTwister, rows: number, cols: number): number[][] {
  return randomMatrix(rng, rows, cols).map((row) => row.map((x) => 2 * x - 1));
}
