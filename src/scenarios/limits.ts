/**
 * Every bound on what a scenario file or a command-line option may ask for, in one place. Each is
 * generous for real lessons and small enough that a typo (hidden 1e9) or a hostile file fails at once
 * with a message that states the limit, instead of freezing the terminal or filling memory.
 */
export const LIMITS = {
  /** Rows in data.inputs (and labels, and entries of data.train): the street lights of one dataset. */
  rows: 1000,
  /** Numbers per row: the lamps of one street light. */
  inputs: 64,
  /** Hidden nodes of a 3-layer net (network.hidden, --hidden, the columns of weights_0_1). */
  hidden: 256,
  /** training.iterations and --iterations. */
  iterations: 1_000_000,
  /** training.alpha and --alpha: above 0, at most this. */
  alpha: 100,
  /** network.seed and --seed: numpy's seeds are 32-bit. */
  seed: 4294967295,
  /**
   * Total training work: iterations × rows × weights, where rows counts the trained and the held-out
   * rows (each is predicted every iteration) and weights is inputs for a 2-layer net and
   * inputs × hidden + hidden for a 3-layer one. Every weight is touched a few times per row, so this
   * bounds the time of a run to the end: 2e10 is a minute or two of `--print` on a laptop at worst
   * (e.g. deep-net with --hidden 256 and 1,000,000 iterations is 1.0e10).
   */
  work: 2e10,
  /** Bytes of a scenario file: 1000 rows of 64 numbers written out in full fit several times over. */
  fileBytes: 8 * 1024 * 1024,
  /** Levels of nested [ ] and { } in a scenario file; the format itself needs 4. */
  nesting: 16,
  /** Characters of the texts (after cleaning): a title fits a line, a lesson a caption line. */
  title: 100,
  summary: 200,
  description: 4000,
  lesson: 200,
  id: 64,
  /** Problems of one file reported together, one line each (the rest are counted on the last line). */
  problems: 5,
} as const;
