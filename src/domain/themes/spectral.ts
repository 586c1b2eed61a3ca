/**
 * Spectral embedding of a similarity graph (Ng, Jordan and Weiss): the top eigenvectors of the normalised
 * adjacency, found by subspace iteration, with each row scaled to unit length. Messages that are linked by
 * chains of close neighbours land together even when they share few words with each other directly.
 */
import type { KnnGraph } from "./knn-graph.js";
import { normalizeRows, orthonormalize } from "./lsa.js";
import { createRng } from "./prng.js";
import type { RowPool } from "./row-pool.js";
import { accumulateRows, type SparseRows } from "./sparse.js";

export interface SpectralOptions {
  dims: number;
  iterations?: number;
  seed?: number;
  /** Runs the propagation on both cores; the result is the same without it. */
  pool?: RowPool;
}

export function spectralEmbedding(graph: KnnGraph, options: SpectralOptions): { vectors: Float64Array; dims: number } {
  const { n, indptr, indices, weights } = graph;
  const dims = Math.max(1, Math.min(options.dims, n));
  const width = Math.min(n, dims + 8);
  const degree = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) degree[i] += weights[p];
  const invSqrt = degree.map((d) => (d > 0 ? 1 / Math.sqrt(d) : 0));
  const normalised = new Float64Array(weights.length);
  for (let i = 0; i < n; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) normalised[p] = weights[p] * invSqrt[i] * invSqrt[indices[p]];

  const rng = createRng(options.seed ?? 3);
  const pool = options.pool;
  const alloc = (length: number) => (pool ? pool.alloc(length) : new Float64Array(length));
  let x = alloc(n * width);
  for (let i = 0; i < x.length; i++) x[i] = rng.gaussian();
  orthonormalize(x, n, width, false);
  const iterations = options.iterations ?? 40;
  // y = (I + N)·x / 2 up to scale: (I + N) has N's eigenvectors with eigenvalues in [0, 2], so the largest win.
  const operator: SparseRows = { rows: n, cols: n, indptr, indices, values: normalised };
  let y = alloc(n * width);
  for (let it = 0; it < iterations; it++) {
    y = pool ? pool.multiply(operator, x, width, { addSelf: true, out: y }) : propagate(operator, x, y, width);
    [x, y] = [y, x];
    // Re-orthonormalising every ten steps (measured: the same themes as every third step) is enough to keep the subspace from collapsing, at a fraction of the cost.
    if (it % 10 === 9 || it === iterations - 1) orthonormalize(x, n, width, it === iterations - 1);
  }
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) for (let c = 0; c < dims; c++) out[i * dims + c] = x[i * width + c];
  normalizeRows(out, n, dims);
  return { vectors: out, dims };
}

function propagate(operator: SparseRows, x: Float64Array, y: Float64Array, width: number): Float64Array {
  const { rows, indptr, indices, values } = operator;
  for (let i = 0; i < rows; i++) {
    const bi = i * width;
    for (let c = 0; c < width; c++) y[bi + c] = x[bi + c];
    accumulateRows(y, bi, values, indices, indptr[i], indptr[i + 1], x, width);
  }
  return y;
}
