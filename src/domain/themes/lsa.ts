/**
 * Latent semantic analysis by randomized SVD (Halko, Martinsson and Tropp): a few sparse products and two
 * small eigen-decompositions give the top singular directions without ever forming a dense term matrix.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { createRng } from "./prng.js";
import { accumulateRows, multiplyDense, type SparseRows, transpose } from "./sparse.js";

/**
 * Orthonormalises the columns of an (rows × width) row-major matrix in place. Cholesky QR (Gram matrix,
 * Cholesky, one triangular solve per row) reads the rows in order and does half the work of Gram-Schmidt;
 * run twice it is as accurate. Inside an iteration only the subspace matters, so `exact: false` runs it once.
 * A rank-deficient input (tiny inputs) falls back to Gram-Schmidt.
 */
export function orthonormalize(m: Float64Array, rows: number, width: number, exact = true): void {
  if (!choleskyQr(m, rows, width) || (exact && !choleskyQr(m, rows, width))) gramSchmidt(m, rows, width);
}

function choleskyQr(m: Float64Array, rows: number, width: number): boolean {
  const gram = upperGram(m, rows, width);
  // Upper-triangular R with RᵀR = gram, in place.
  let largest = 0;
  for (let i = 0; i < width; i++) largest = Math.max(largest, gram[i * width + i]);
  for (let i = 0; i < width; i++) {
    let pivot = gram[i * width + i];
    for (let k = 0; k < i; k++) pivot -= gram[k * width + i] ** 2;
    if (!(pivot > largest * 1e-10)) return false;
    const rii = Math.sqrt(pivot);
    gram[i * width + i] = rii;
    for (let j = i + 1; j < width; j++) {
      let v = gram[i * width + j];
      for (let k = 0; k < i; k++) v -= gram[k * width + i] * gram[k * width + j];
      gram[i * width + j] = v / rii;
    }
  }
  // Each row x becomes x·R⁻¹ (forward substitution), with R transposed so the inner loop reads memory in order.
  const rt = new Float64Array(width * width);
  for (let k = 0; k < width; k++) for (let j = k; j < width; j++) rt[j * width + k] = gram[k * width + j];
  for (let r = 0; r < rows; r++) solveRow(m, r * width, rt, width);
  return true;
}

/**
 * The upper triangle of MᵀM for an (rows × width) row-major M. Four rows of the gram share each load of M;
 * every entry still adds the rows' terms in row order, so the sums are exactly the plain loop's. (A
 * column-major copy with dot products measured no faster and costs another rows × width array.)
 */
export function upperGram(m: Float64Array, rows: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    let i = 0;
    for (; i + 3 < width; i += 4) {
      const v0 = m[base + i];
      const v1 = m[base + i + 1];
      const v2 = m[base + i + 2];
      const v3 = m[base + i + 3];
      const g0 = i * width;
      const g1 = g0 + width;
      const g2 = g1 + width;
      const g3 = g2 + width;
      // The corner of the block, then the four rows side by side.
      gram[g0 + i] += v0 * v0;
      gram[g0 + i + 1] += v0 * v1;
      gram[g0 + i + 2] += v0 * v2;
      gram[g0 + i + 3] += v0 * v3;
      gram[g1 + i + 1] += v1 * v1;
      gram[g1 + i + 2] += v1 * v2;
      gram[g1 + i + 3] += v1 * v3;
      gram[g2 + i + 2] += v2 * v2;
      gram[g2 + i + 3] += v2 * v3;
      gram[g3 + i + 3] += v3 * v3;
      for (let j = i + 4; j < width; j++) {
        const x = m[base + j];
        gram[g0 + j] += v0 * x;
        gram[g1 + j] += v1 * x;
        gram[g2 + j] += v2 * x;
        gram[g3 + j] += v3 * x;
      }
    }
    for (; i < width; i++) {
      const v = m[base + i];
      const gi = i * width;
      for (let j = i; j < width; j++) gram[gi + j] += v * m[base + j];
    }
  }
  return gram;
}

/**
 * One row x becomes x·R⁻¹ by forward substitution (rt = Rᵀ, row-major). Four unknowns at a time share the
 * loads of the solved part; each still subtracts its terms in the order of the plain loop.
 */
function solveRow(m: Float64Array, base: number, rt: Float64Array, width: number): void {
  let j = 0;
  for (; j + 3 < width; j += 4) {
    const r0 = j * width;
    const r1 = r0 + width;
    const r2 = r1 + width;
    const r3 = r2 + width;
    let a0 = m[base + j];
    let a1 = m[base + j + 1];
    let a2 = m[base + j + 2];
    let a3 = m[base + j + 3];
    for (let k = 0; k < j; k++) {
      const x = m[base + k];
      a0 -= x * rt[r0 + k];
      a1 -= x * rt[r1 + k];
      a2 -= x * rt[r2 + k];
      a3 -= x * rt[r3 + k];
    }
    const x0 = a0 / rt[r0 + j];
    m[base + j] = x0;
    a1 -= x0 * rt[r1 + j];
    a2 -= x0 * rt[r2 + j];
    a3 -= x0 * rt[r3 + j];
    const x1 = a1 / rt[r1 + j + 1];
    m[base + j + 1] = x1;
    a2 -= x1 * rt[r2 + j + 1];
    a3 -= x1 * rt[r3 + j + 1];
    const x2 = a2 / rt[r2 + j + 2];
    m[base + j + 2] = x2;
    a3 -= x2 * rt[r3 + j + 2];
    m[base + j + 3] = a3 / rt[r3 + j + 3];
  }
  for (; j < width; j++) {
    const rj = j * width;
    let v = m[base + j];
    for (let k = 0; k < j; k++) v -= m[base + k] * rt[rj + k];
    m[base + j] = v / rt[rj + j];
  }
}

function gramSchmidt(m: Float64Array, rows: number, width: number): void {
  // Work column-major so every inner loop walks contiguous memory.
  const cols = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) cols[j * rows + r] = m[r * width + j];
  for (let j = 0; j < width; j++) {
    const cj = j * rows;
    for (let k = 0; k < j; k++) {
      const ck = k * rows;
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += cols[cj + r] * cols[ck + r];
      for (let r = 0; r < rows; r++) cols[cj + r] -= dot * cols[ck + r];
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += cols[cj + r] * cols[cj + r];
    const inv = norm > 1e-24 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < rows; r++) cols[cj + r] *= inv;
  }
  for (let r = 0; r < rows; r++) for (let j = 0; j < width; j++) m[r * width + j] = cols[j * rows + r];
}

export interface LsaOptions {
  dims: number;
  oversample?: number;
  powerIterations?: number;
  seed?: number;
  /**
   * With more documents than this, the term directions are found on an evenly spaced sample of this many and
   * every document is projected onto them: a few thousand messages pin down 100 directions as well as all of
   * them do, and the cost of the SVD stops growing with the input.
   */
  sampleRows?: number;
}

/** Returns the documents in `dims` dimensions (rows × dims, row-major), each row scaled to unit length. */
export function lsa(a: SparseRows, options: LsaOptions): { vectors: Float64Array; dims: number } {
  const fit = options.sampleRows !== undefined && a.rows > options.sampleRows ? sampleRows(a, options.sampleRows) : a;
  const dims = Math.max(1, Math.min(options.dims, fit.rows - 1, a.cols - 1));
  const width = Math.min(dims + (options.oversample ?? 10), fit.rows, a.cols);
  const rng = createRng(options.seed ?? 7);
  const omega = new Float64Array(a.cols * width);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.gaussian();
  // No orthonormalisation before the power step: with one step the sketch stays well enough conditioned for the
  // (two-pass) Cholesky QR after it, and the pass it saves is a tenth of the SVD's time.
  // Aᵀ once, so that the products with it gather rows like those with A (see sparse.ts).
  const fitT = transpose(fit);
  let q = multiplyDense(fit, omega, width);
  if ((options.powerIterations ?? 2) !== 1) orthonormalize(q, fit.rows, width, false);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    const z = multiplyDense(fitT, q, width);
    q = multiplyDense(fit, z, width);
    orthonormalize(q, fit.rows, width);
  }
  // B = Qᵀ A (width × cols); its left singular vectors come from the small matrix B Bᵀ.
  const bt = multiplyDense(fitT, q, width);
  const { basis, sigma } = topEigenvectors(upperGram(bt, a.cols, width), width, dims);
  const identity = Int32Array.from({ length: width }, (_, i) => i);
  let out: Float64Array;
  if (fit === a) {
    // Document coordinates U·Σ = Q · (eigenvectors of B Bᵀ) · Σ.
    out = new Float64Array(a.rows * dims);
    for (let r = 0; r < a.rows; r++) accumulateRows(out, r * dims, q.subarray(r * width, r * width + width), identity, 0, width, basis, dims);
    for (let r = 0; r < a.rows; r++) for (let d = 0; d < dims; d++) out[r * dims + d] *= sigma[d];
  } else {
    // Term directions V = Bᵀ·U_B·Σ⁻¹ (cols × dims); every document's coordinates are then A·V·Σ... up to the
    // per-dimension scale Σ, which A·V already carries.
    const terms = new Float64Array(a.cols * dims);
    for (let c = 0; c < a.cols; c++) accumulateRows(terms, c * dims, bt.subarray(c * width, c * width + width), identity, 0, width, basis, dims);
    for (let c = 0; c < a.cols; c++) for (let d = 0; d < dims; d++) terms[c * dims + d] /= sigma[d] || 1;
    out = multiplyDense(a, terms, dims);
  }
  normalizeRows(out, a.rows, dims);
  return { vectors: out, dims };
}

/** The top `dims` eigenvectors (width × dims, row-major, signs fixed) of a symmetric gram, and Σ = √eigenvalues. */
function topEigenvectors(gram: Float64Array, width: number, dims: number): { basis: Float64Array; sigma: Float64Array } {
  const g = new Matrix(width, width);
  for (let i = 0; i < width; i++) for (let j = i; j < width; j++) g.set(i, j, gram[i * width + j]).set(j, i, gram[i * width + j]);
  const eig = new EigenvalueDecomposition(g, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((value, index) => ({ value, index })).sort((x, y) => y.value - x.value || x.index - y.index);
  const vectors = eig.eigenvectorMatrix;
  const basis = new Float64Array(width * dims);
  const sigma = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    const { index, value } = order[d];
    sigma[d] = Math.sqrt(Math.max(value, 0));
    // Eigenvector signs are arbitrary; fix them so the output does not depend on the solver.
    let sign = 0;
    for (let i = 0; i < width && sign === 0; i++) {
      const v = vectors.get(i, index);
      if (Math.abs(v) > 1e-9) sign = v > 0 ? 1 : -1;
    }
    for (let i = 0; i < width; i++) basis[i * dims + d] = vectors.get(i, index) * (sign || 1);
  }
  return { basis, sigma };
}

/** Evenly spaced rows of a sparse matrix (deterministic), as a smaller sparse matrix with the same columns. */
function sampleRows(a: SparseRows, size: number): SparseRows {
  const step = a.rows / size;
  const picked = Array.from({ length: size }, (_, s) => Math.floor(s * step));
  const indptr = new Int32Array(size + 1);
  for (let s = 0; s < size; s++) indptr[s + 1] = indptr[s] + a.indptr[picked[s] + 1] - a.indptr[picked[s]];
  const indices = new Int32Array(indptr[size]);
  const values = new Float64Array(indptr[size]);
  for (let s = 0; s < size; s++) {
    indices.set(a.indices.subarray(a.indptr[picked[s]], a.indptr[picked[s] + 1]), indptr[s]);
    values.set(a.values.subarray(a.indptr[picked[s]], a.indptr[picked[s] + 1]), indptr[s]);
  }
  return { rows: size, cols: a.cols, indptr, indices, values };
}

export function normalizeRows(m: Float64Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += m[r * dims + d] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) m[r * dims + d] *= inv;
  }
}
