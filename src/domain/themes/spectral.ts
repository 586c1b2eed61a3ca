/**
 * Spectral embedding of a similarity graph (Ng, Jordan and Weiss): the top eigenvectors of the normalised
 * adjacency, found by subspace iteration, with each row scaled to unit length. Messages that are linked by
 * chains of close neighbours land together even when they share few words with each other directly.
 */
import type { KnnGraph } from "./knn-graph.js";
import { normalizeRows, orthonormalize } from "./lsa.js";
import { createRng } from "./prng.js";
import { accumulateRows } from "./sparse.js";

export interface SpectralOptions {
  dims: number;
  iterations?: number;
  seed?: number;
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
  let x = new Float64Array(n * width);
  for (let i = 0; i < x.length; i++) x[i] = rng.gaussian();
  orthonormalize(x, n, width, false);
  const iterations = options.iterations ?? 40;
  let y = new Float64Array(n * width);
  for (let it = 0; it < iterations; it++) {
    propagate(graph, normalised, x, y, width);
    [x, y] = [y, x];
    // Re-orthonormalising every ten steps (measured: the same themes as every third step) is enough to keep the subspace from collapsing, at a fraction of the cost.
    if (it % 10 === 9 || it === iterations - 1) orthonormalize(x, n, width, it === iterations - 1);
  }
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) for (let c = 0; c < dims; c++) out[i * dims + c] = x[i * width + c];
  normalizeRows(out, n, dims);
  return { vectors: out, dims };
}

/** y = (I + N)·x / 2 up to scale: (I + N) has N's eigenvectors with eigenvalues in [0, 2], so the largest win. */
function propagate(graph: KnnGraph, normalised: Float64Array, x: Float64Array, y: Float64Array, width: number): void {
  const { n, indptr, indices } = graph;
  for (let i = 0; i < n; i++) {
    const bi = i * width;
    for (let c = 0; c < width; c++) y[bi + c] = x[bi + c];
    accumulateRows(y, bi, normalised, indices, indptr[i], indptr[i + 1], x, width);
  }
}
