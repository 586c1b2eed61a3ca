/**
 * Spherical k-means (cosine similarity on unit vectors) with k-means++ seeding and several seeded restarts;
 * the restart with the highest total similarity wins. Deterministic for a given seed.
 */
import { dot, dotsWithRows } from "./dots.js";
import { createRng, type Rng } from "./prng.js";

export interface KMeansResult {
  k: number;
  assignments: Int32Array;
  /** k × dims, row-major, unit length. */
  centroids: Float64Array;
  /** Each point's cosine similarity to its centroid. */
  similarity: Float64Array;
  objective: number;
}

export interface KMeansOptions {
  k: number;
  restarts?: number;
  maxIterations?: number;
  seed?: number;
}

/**
 * Index of the nearest centroid (the first of equals); its similarity is left in `out[0]` (no tuple allocated
 * per point). `sims` (at least k long) is scratch a caller can reuse across points.
 */
export function nearest(
  points: Float64Array,
  offset: number,
  centroids: Float64Array,
  k: number,
  dims: number,
  out: Float64Array,
  sims: Float64Array = new Float64Array(k),
): number {
  dotsWithRows(points, offset, centroids, 0, k, dims, sims);
  let best = 0;
  let bestSim = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < k; c++) {
    if (sims[c] > bestSim) {
      bestSim = sims[c];
      best = c;
    }
  }
  out[0] = bestSim;
  return best;
}

function seedPlusPlus(points: Float64Array, n: number, dims: number, k: number, rng: Rng): Float64Array {
  const centroids = new Float64Array(k * dims);
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = Math.floor(rng.next() * n);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dims, chosen * dims + dims), c * dims);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(points, i * dims, centroids, c * dims, dims));
      if (d < distance[i]) distance[i] = d;
      total += distance[i];
    }
    if (c + 1 === k) break;
    let target = rng.next() * total;
    chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= distance[i];
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }
  return centroids;
}

function lloyd(points: Float64Array, n: number, dims: number, k: number, start: Float64Array, maxIterations: number): KMeansResult {
  const centroids = start;
  const assignments = new Int32Array(n).fill(-1);
  const similarity = new Float64Array(n);
  const found = new Float64Array(1);
  const sims = new Float64Array(k);
  let objective = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let changed = 0;
    objective = 0;
    for (let i = 0; i < n; i++) {
      const best = nearest(points, i * dims, centroids, k, dims, found, sims);
      const bestSim = found[0];
      if (assignments[i] !== best) changed++;
      assignments[i] = best;
      similarity[i] = bestSim;
      objective += bestSim;
    }
    centroids.fill(0);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignments[i];
      sizes[c]++;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] += points[i * dims + d];
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) {
        // An empty cluster takes the point that fits its own cluster worst.
        let worst = 0;
        for (let i = 1; i < n; i++) if (similarity[i] < similarity[worst]) worst = i;
        similarity[worst] = 1;
        centroids.set(points.subarray(worst * dims, worst * dims + dims), c * dims);
        changed++;
        continue;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d] ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] *= inv;
    }
    // Stop when almost nothing moves: the last few reassignments do not change any theme.
    if (changed <= n * 2e-3) break;
  }
  return { k, assignments, centroids, similarity, objective };
}

export function sphericalKMeans(points: Float64Array, n: number, dims: number, options: KMeansOptions): KMeansResult {
  const k = Math.max(1, Math.min(options.k, n));
  const rng = createRng(options.seed ?? 11);
  const restarts = options.restarts ?? 4;
  const maxIterations = options.maxIterations ?? 30;
  // On large inputs the restarts run on an evenly spaced sample, and only the winner runs on everything, for a
  // few rounds: it starts from nearly final centres. Measured on Banking77 train: same scores, a fifth of the time.
  const sampleSize = Math.min(n, Math.max(SAMPLE_LIMIT, 20 * k));
  let sample = points;
  if (sampleSize < n) {
    sample = new Float64Array(sampleSize * dims);
    const step = n / sampleSize;
    for (let s = 0; s < sampleSize; s++) sample.set(points.subarray(Math.floor(s * step) * dims, Math.floor(s * step) * dims + dims), s * dims);
  }
  let best: KMeansResult | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const start = seedPlusPlus(sample, sampleSize, dims, k, rng);
    const result = lloyd(sample, sampleSize, dims, k, start, maxIterations);
    if (!best || result.objective > best.objective) best = result;
  }
  if (sampleSize === n) return best!;
  return lloyd(points, n, dims, k, best!.centroids, Math.min(maxIterations, FULL_ROUNDS));
}

const SAMPLE_LIMIT = 4000;
const FULL_ROUNDS = 3;
