/**
 * A k-nearest-neighbour graph over unit vectors, found approximately: points are first split into coarse
 * cells by a quick k-means, and each point only looks at the cells nearest to it. Exact enough for
 * clustering and linear-ish in the number of messages, where the exact graph is quadratic.
 */
import { sphericalKMeans } from "./kmeans.js";

export interface KnnGraph {
  n: number;
  /** Symmetric adjacency in CSR form; weights are cosine similarities (clamped at 0). */
  indptr: Int32Array;
  indices: Int32Array;
  weights: Float64Array;
}

export interface KnnOptions {
  neighbours: number;
  /** How many coarse cells each point searches. */
  probes?: number;
  seed?: number;
}

function dot(a: Float64Array, ai: number, b: Float64Array, bi: number, dims: number): number {
  let s = 0;
  for (let d = 0; d < dims; d++) s += a[ai + d] * b[bi + d];
  return s;
}

function coarseCells(points: Float64Array, n: number, dims: number, seed: number): { cellOf: Int32Array; centroids: Float64Array; cells: number } {
  const cells = Math.max(1, Math.min(n, Math.round(Math.sqrt(n))));
  // Train the cells on an evenly spaced sample: the cells only need to be roughly right.
  const sampleSize = Math.min(n, 40 * cells);
  const step = n / sampleSize;
  const sample = new Float64Array(sampleSize * dims);
  for (let s = 0; s < sampleSize; s++) sample.set(points.subarray(Math.floor(s * step) * dims, Math.floor(s * step) * dims + dims), s * dims);
  const { centroids } = sphericalKMeans(sample, sampleSize, dims, { k: cells, restarts: 1, maxIterations: 8, seed });
  const cellOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestSim = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < cells; c++) {
      const s = dot(points, i * dims, centroids, c * dims, dims);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    cellOf[i] = best;
  }
  return { cellOf, centroids, cells };
}

export function buildKnnGraph(points: Float64Array, n: number, dims: number, options: KnnOptions): KnnGraph {
  const m = Math.max(1, Math.min(options.neighbours, n - 1));
  const { cellOf, centroids, cells } = coarseCells(points, n, dims, options.seed ?? 5);
  const members: number[][] = Array.from({ length: cells }, () => []);
  for (let i = 0; i < n; i++) members[cellOf[i]].push(i);
  const probes = Math.min(cells, options.probes ?? 3);

  const neighbour = new Int32Array(n * m).fill(-1);
  const similarity = new Float64Array(n * m).fill(Number.NEGATIVE_INFINITY);
  const cellSims = new Float64Array(cells);
  const cellOrder = Array.from({ length: cells }, (_, c) => c);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < cells; c++) cellSims[c] = dot(points, i * dims, centroids, c * dims, dims);
    cellOrder.sort((x, y) => cellSims[y] - cellSims[x] || x - y);
    const base = i * m;
    for (let p = 0; p < probes; p++) {
      for (const j of members[cellOrder[p]]) {
        if (j === i) continue;
        const s = dot(points, i * dims, points, j * dims, dims);
        if (s <= similarity[base + m - 1]) continue;
        // Insertion into the short sorted list of the best m so far.
        let q = m - 1;
        while (q > 0 && similarity[base + q - 1] < s) {
          similarity[base + q] = similarity[base + q - 1];
          neighbour[base + q] = neighbour[base + q - 1];
          q--;
        }
        similarity[base + q] = s;
        neighbour[base + q] = j;
      }
    }
  }
  return symmetrise(neighbour, similarity, n, m);
}

/** An edge exists when either end lists the other; its weight is their similarity. */
function symmetrise(neighbour: Int32Array, similarity: Float64Array, n: number, m: number): KnnGraph {
  const lists: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (let i = 0; i < n; i++) {
    for (let q = 0; q < m; q++) {
      const j = neighbour[i * m + q];
      if (j < 0) continue;
      const w = Math.max(0, similarity[i * m + q]);
      lists[i].set(j, w);
      lists[j].set(i, w);
    }
  }
  const indptr = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) indptr[i + 1] = indptr[i] + lists[i].size;
  const indices = new Int32Array(indptr[n]);
  const weights = new Float64Array(indptr[n]);
  for (let i = 0; i < n; i++) {
    let p = indptr[i];
    for (const [j, w] of [...lists[i]].sort((x, y) => x[0] - y[0])) {
      indices[p] = j;
      weights[p++] = w;
    }
  }
  return { n, indptr, indices, weights };
}
