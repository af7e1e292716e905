/** A terminal's size in cells, and the smallest one the training screen fits in. Defined once, for everyone. */
export interface Size {
  readonly columns: number;
  readonly rows: number;
}

export const MIN_SIZE: Size = { columns: 60, rows: 20 };
