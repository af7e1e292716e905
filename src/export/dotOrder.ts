/**
 * Where the script may call np.dot and still add exactly as the engine does: left to right, from 0.0.
 *
 * Measured on OpenBLAS's Sandybridge kernels (the ones the script pins; test/export checks the rules
 * end to end): a vector · vector of 2 to 15 products is one running sum; from 16 products on the
 * kernel keeps several sums and adds them at the end; a single product comes back bare, so 0 times a
 * negative weight stays -0.0 where the engine's sum gives 0.0 (and `--print` shows `0.0`). A one-row
 * layer times a matrix of 2 or more columns adds every column in order, for every row count tried
 * up to the 64 inputs a scenario may have. Elsewhere the script adds with the book's `w_sum`.
 */

const LONGEST_IN_ORDER_VECTOR = 15;
const LONGEST_IN_ORDER_MATRIX = 64;

/** `a.dot(b)` of two vectors of length `n` (or a 1 × n layer times an n × 1 matrix). */
export function vectorDotInOrder(n: number): boolean {
  return n >= 2 && n <= LONGEST_IN_ORDER_VECTOR;
}

/** `np.dot(layer, matrix)` of a 1 × rows layer and a rows × cols matrix. */
export function layerDotInOrder(rows: number, cols: number): boolean {
  return cols === 1 ? vectorDotInOrder(rows) : rows <= LONGEST_IN_ORDER_MATRIX;
}
