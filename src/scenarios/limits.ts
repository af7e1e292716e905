/**
 * Bounds on what a scenario or an option may ask for: generous for real lessons, small enough that
 * a typo (hidden 1e9) fails with a clear message instead of freezing the terminal.
 */
export const LIMITS = {
  rows: 1000,
  inputs: 64,
  hidden: 256,
  iterations: 1_000_000,
  alpha: 100,
  seed: 4294967295,
} as const;
