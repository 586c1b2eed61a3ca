/**
 * Latent semantic analysis by randomized SVD (Halko, Martinsson and Tropp): a few sparse products and two
 * small eigen-decompositions give the top singular directions without ever forming a dense term matrix.
 */
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { createRng } from "./prng.js";
import { multiplyDense, multiplyTransposeDense, type SparseRows } from "./sparse.js";

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
  const gram = new Float64Array(width * width);
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    for (let i = 0; i < width; i++) {
      const v = m[base + i];
      if (v === 0) continue;
      const gi = i * width;
      for (let j = i; j < width; j++) gram[gi + j] += v * m[base + j];
    }
  }
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
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    for (let j = 0; j < width; j++) {
      const rj = j * width;
      let v = m[base + j];
      for (let k = 0; k < j; k++) v -= m[base + k] * rt[rj + k];
      m[base + j] = v / rt[rj + j];
    }
  }
  return true;
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
  let q = multiplyDense(fit, omega, width);
  if ((options.powerIterations ?? 2) !== 1) orthonormalize(q, fit.rows, width, false);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    const z = multiplyTransposeDense(fit, q, width);
    q = multiplyDense(fit, z, width);
    orthonormalize(q, fit.rows, width);
  }
  // B = Qᵀ A (width × cols); its left singular vectors come from the small matrix B Bᵀ.
  const bt = multiplyTransposeDense(fit, q, width);
  const { basis, sigma } = topEigenvectors(gramOfColumns(bt, a.cols, width), width, dims);
  let out: Float64Array;
  if (fit === a) {
    // Document coordinates U·Σ = Q · (eigenvectors of B Bᵀ) · Σ.
    out = new Float64Array(a.rows * dims);
    for (let r = 0; r < a.rows; r++) {
      const qb = r * width;
      const ob = r * dims;
      for (let i = 0; i < width; i++) {
        const v = q[qb + i];
        if (v === 0) continue;
        const bb = i * dims;
        for (let d = 0; d < dims; d++) out[ob + d] += v * basis[bb + d];
      }
    }
    for (let r = 0; r < a.rows; r++) for (let d = 0; d < dims; d++) out[r * dims + d] *= sigma[d];
  } else {
    // Term directions V = Bᵀ·U_B·Σ⁻¹ (cols × dims); every document's coordinates are then A·V·Σ... up to the
    // per-dimension scale Σ, which A·V already carries.
    const terms = new Float64Array(a.cols * dims);
    for (let c = 0; c < a.cols; c++) {
      const tb = c * width;
      const vb = c * dims;
      for (let i = 0; i < width; i++) {
        const v = bt[tb + i];
        if (v === 0) continue;
        const bb = i * dims;
        for (let d = 0; d < dims; d++) terms[vb + d] += v * basis[bb + d];
      }
    }
    for (let c = 0; c < a.cols; c++) for (let d = 0; d < dims; d++) terms[c * dims + d] /= sigma[d] || 1;
    out = multiplyDense(a, terms, dims);
  }
  normalizeRows(out, a.rows, dims);
  return { vectors: out, dims };
}

function gramOfColumns(bt: Float64Array, cols: number, width: number): Float64Array {
  const gram = new Float64Array(width * width);
  for (let c = 0; c < cols; c++) {
    const base = c * width;
    for (let i = 0; i < width; i++) {
      const v = bt[base + i];
      if (v === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j] += v * bt[base + j];
    }
  }
  return gram;
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
