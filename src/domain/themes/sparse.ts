/** Compressed sparse rows: the document-term matrix, small enough for 50,000 messages. */
export interface SparseRows {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/**
 * out[outBase..+width] += Σ values[p] · m[indices[p]·width..+width] for p in [from, to), in order of p.
 * Four terms per pass over the output row read and write it a quarter as often; each output element still
 * adds its terms one by one in the same order, so the result is bit for bit the one of the plain loop.
 */
export function accumulateRows(
  out: Float64Array,
  outBase: number,
  values: Float64Array,
  indices: Int32Array,
  from: number,
  to: number,
  m: Float64Array,
  width: number,
): void {
  let p = from;
  for (; p + 3 < to; p += 4) {
    const v0 = values[p];
    const v1 = values[p + 1];
    const v2 = values[p + 2];
    const v3 = values[p + 3];
    const b0 = indices[p] * width;
    const b1 = indices[p + 1] * width;
    const b2 = indices[p + 2] * width;
    const b3 = indices[p + 3] * width;
    for (let j = 0; j < width; j++) {
      let o = out[outBase + j];
      o += v0 * m[b0 + j];
      o += v1 * m[b1 + j];
      o += v2 * m[b2 + j];
      o += v3 * m[b3 + j];
      out[outBase + j] = o;
    }
  }
  for (; p < to; p++) {
    const v = values[p];
    const b = indices[p] * width;
    for (let j = 0; j < width; j++) out[outBase + j] += v * m[b + j];
  }
}

/** Y = A·M, with M dense (cols × width, row-major). */
export function multiplyDense(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const out = new Float64Array(a.rows * width);
  for (let r = 0; r < a.rows; r++) accumulateRows(out, r * width, a.values, a.indices, a.indptr[r], a.indptr[r + 1], m, width);
  return out;
}

/**
 * Aᵀ in CSR form (A in compressed columns). Rows of A are visited in order, so each column lists its rows in
 * ascending order and Aᵀ·M adds its terms in the same order as a scatter over A's rows would.
 */
export function transpose(a: SparseRows): SparseRows {
  const nnz = a.indptr[a.rows];
  const indptr = new Int32Array(a.cols + 1);
  for (let p = 0; p < nnz; p++) indptr[a.indices[p] + 1]++;
  for (let c = 0; c < a.cols; c++) indptr[c + 1] += indptr[c];
  const fill = indptr.slice(0, a.cols);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.indptr[r]; p < a.indptr[r + 1]; p++) {
      const at = fill[a.indices[p]]++;
      indices[at] = r;
      values[at] = a.values[p];
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, values };
}

/** Z = Aᵀ·M, with M dense (rows × width, row-major); pass `at = transpose(a)` when it is used more than once. */
export function multiplyTransposeDense(a: SparseRows, m: Float64Array, width: number, at: SparseRows = transpose(a)): Float64Array {
  return multiplyDense(at, m, width);
}
