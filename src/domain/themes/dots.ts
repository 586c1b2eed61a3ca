/**
 * Dot products over row-major Float64Arrays, the inner loop of clustering: one pair, or one vector against a
 * run of rows at once. Pure.
 */

export function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[ai + d] * b[bi + d];
  return s;
}

/**
 * out[q] = a[ai..+dims] · rows[(first + q)·dims..+dims] for q < count. Four rows share each load of `a`; every
 * dot product still sums in dimension order, so the values are exactly those of a plain dot.
 */
export function dotsWithRows(a: Float64Array, ai: number, rows: Float64Array, first: number, count: number, dims: number, out: Float64Array): void {
  let q = 0;
  for (; q + 3 < count; q += 4) {
    const b0 = (first + q) * dims;
    const b1 = b0 + dims;
    const b2 = b1 + dims;
    const b3 = b2 + dims;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let d = 0; d < dims; d++) {
      const x = a[ai + d];
      s0 += x * rows[b0 + d];
      s1 += x * rows[b1 + d];
      s2 += x * rows[b2 + d];
      s3 += x * rows[b3 + d];
    }
    out[q] = s0;
    out[q + 1] = s1;
    out[q + 2] = s2;
    out[q + 3] = s3;
  }
  for (; q < count; q++) out[q] = dot(a, ai, rows, (first + q) * dims, dims);
}
