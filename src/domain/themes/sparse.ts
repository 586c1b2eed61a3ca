/** Compressed sparse rows: the document-term matrix, small enough for 50,000 messages. */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Y = A·M, with M dense (cols × width, row-major). */
export function multiplyDense(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.rows * width);
  for (let r = 0; r < a.rows; r++) {
    const base = r * width;
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const v = a.values[p];
      const mBase = a.indices[p] * width;
      for (let j = 0; j < width; j++) out[base + j] += v * m[mBase + j];
    }
  }
  return out;
}

/** Z = Aᵀ·M, with M dense (rows × width, row-major). */
export function multiplyTransposeDense(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.cols * width);
  for (let r = 0; r < a.rows; r++) {
    const mBase = r * width;
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const v = a.values[p];
      const base = a.indices[p] * width;
      for (let j = 0; j < width; j++) out[base + j] += v * m[mBase + j];
    }
  }
  return out;
}
