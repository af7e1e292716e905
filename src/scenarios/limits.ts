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
   * Total work of a run to the end, in weight-steps: training is iterations × rows × weights, where
   * rows counts the trained and the held-out rows (each is predicted every iteration) and weights is
   * inputs for a 2-layer net and inputs × hidden + hidden for a 3-layer one; writing the log adds the
   * numbers it prints (see WORK_COSTS). About 4e8 steps run per second, so 2e10 is a minute or two at
   * worst (deep-net with --hidden 256 and 1,000,000 iterations is 4.2e9, about 9 s).
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

/**
 * What one printed number costs, in weight-steps, for the work bound (measured with `--print`: a
 * Python-style number and its line take about 1.7 µs, a JSON number about 0.2 µs, a weight-step about
 * 2 ns). Without these, a 1000-row 1-lamp scenario at 1,000,000 iterations would train quickly and
 * then print for half an hour.
 */
export const WORK_COSTS = {
  logNumber: 800,
  jsonNumber: 100,
} as const;
