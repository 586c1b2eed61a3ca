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
  // Each row x becomes x·R⁻¹ (forward substitution).
  for (let r = 0; r < rows; r++) {
    const base = r * width;
    for (let j = 0; j < width; j++) {
      let v = m[base + j];
      for (let k = 0; k < j; k++) v -= m[base + k] * gram[k * width + j];
      m[base + j] = v / gram[j * width + j];
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
}

/** Returns the documents in `dims` dimensions (rows × dims, row-major), each row scaled to unit length. */
export function lsa(a: SparseRows, options: LsaOptions): { vectors: Float64Array; dims: number } {
  const dims = Math.max(1, Math.min(options.dims, a.rows - 1, a.cols - 1));
  const width = Math.min(dims + (options.oversample ?? 10), a.rows, a.cols);
  const rng = createRng(options.seed ?? 7);
  const omega = new Float64Array(a.cols * width);
  for (let i = 0; i < omega.length; i++) omega[i] = rng.gaussian();
  let q = multiplyDense(a, omega, width);
  orthonormalize(q, a.rows, width, false);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    // Only the short side is re-orthonormalised: the singular values of a row-normalised TF-IDF matrix are
    // modest, so one unnormalised half-step loses no useful precision and halves the cost.
    const z = multiplyTransposeDense(a, q, width);
    q = multiplyDense(a, z, width);
    orthonormalize(q, a.rows, width);
  }
  // B = Qᵀ A (width × cols); its left singular vectors come from the small matrix B Bᵀ.
  const bt = multiplyTransposeDense(a, q, width);
  const gram = new Float64Array(width * width);
  for (let c = 0; c < a.cols; c++) {
    const base = c * width;
    for (let i = 0; i < width; i++) {
      const v = bt[base + i];
      if (v === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j] += v * bt[base + j];
    }
  }
  const g = new Matrix(width, width);
  for (let i = 0; i < width; i++) for (let j = i; j < width; j++) g.set(i, j, gram[i * width + j]).set(j, i, gram[i * width + j]);
  const eig = new EigenvalueDecomposition(g, { assumeSymmetric: true });
  const order = eig.realEigenvalues.map((value, index) => ({ value, index })).sort((x, y) => y.value - x.value || x.index - y.index);
  const vectorsOfG = eig.eigenvectorMatrix;
  // Document coordinates U·Σ = Q · (eigenvectors of B Bᵀ) · Σ ... scaled by Σ; rows normalised afterwards.
  const out = new Float64Array(a.rows * dims);
  for (let d = 0; d < dims; d++) {
    const { index, value } = order[d];
    const sigma = Math.sqrt(Math.max(value, 0));
    const u = new Float64Array(width);
    // Eigenvector signs are arbitrary; fix them so the output does not depend on the solver.
    let sign = 0;
    for (let i = 0; i < width; i++) {
      u[i] = vectorsOfG.get(i, index);
      if (sign === 0 && Math.abs(u[i]) > 1e-9) sign = u[i] > 0 ? 1 : -1;
    }
    for (let r = 0; r < a.rows; r++) {
      let s = 0;
      const base = r * width;
      for (let i = 0; i < width; i++) s += q[base + i] * u[i];
      out[r * dims + d] = s * sigma * (sign || 1);
    }
  }
  normalizeRows(out, a.rows, dims);
  return { vectors: out, dims };
}

export function normalizeRows(m: Float64Array, rows: number, dims: number): void {
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += m[r * dims + d] ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let d = 0; d < dims; d++) m[r * dims + d] *= inv;
  }
}
