/**
 * The no-model clustering pipeline, chosen by measuring on Banking77 (see bench/clustering.bench.ts):
 * TF-IDF on words, word pairs and character n-grams → LSA (randomized SVD) → a k-nearest-neighbour graph →
 * spectral embedding → spherical k-means into more clusters than wanted → merging by modularity, down to K
 * when it is given, or until no merge helps when it is not. Both cases share every step, so the estimated
 * K behaves like the known one. Vectors from an embedding model can replace the LSA step.
 */

import { sphericalKMeans } from "./kmeans.js";
import { buildKnnGraph } from "./knn-graph.js";
import { lsa, normalizeRows } from "./lsa.js";
import { mergeByModularity } from "./merge.js";
import { createRowPool, type RowPool } from "./row-pool.js";
import { spectralEmbedding } from "./spectral.js";
import { buildTfidf } from "./tfidf.js";
import { charTerms, contentWords, words, wordTerms } from "./tokenize.js";

export interface ClusterOptions {
  /** A number of themes, or "auto" (the default) to estimate it. */
  k?: number | "auto";
  seed?: number;
  /** Unit-length or raw embedding vectors (one per text) to use instead of LSA. */
  embeddings?: { vectors: Float64Array; dims: number };
  /** With K unknown: the modularity resolution to merge at, instead of the measured default (for tuning). */
  resolution?: number;
  /**
   * Threads for the spectral step (default 1); the themes are the same with any number. Two measured no faster
   * on this shared 2-core machine (load average 4–5: the other core is always busy), so they are opt-in.
   */
  threads?: number;
}

export interface Clustering {
  k: number;
  /** Cluster of each text, 0..k-1 (before anything is set aside as "other"). */
  assignments: Int32Array;
  /** The texts in the space the graph was built on (LSA or embeddings), unit rows; for centroids and matching. */
  vectors: Float64Array;
  dims: number;
  /**
   * 1 for a text that shares no content word with any other (no model: "recipe for lemon drizzle cake" among
   * banking questions). The graph still links it somewhere through character n-grams; it belongs in "other".
   */
  strays?: Uint8Array;
}

// Measured on Banking77 test: 100 LSA dimensions beat 150 and 200 once the graph does the rest.
const LSA_DIMS = 100;
// Above this many messages the SVD runs on a sample (see LsaOptions.sampleRows); 5,000 cost .03 ARI on Banking77 train.
const LSA_SAMPLE = 12_000;
// 7 neighbours with a sharp edge kernel beat 10 and 15: fewer edges that cross between intents.
const NEIGHBOURS = 7;
const BANDWIDTH = 0.2;
// A 50-dimensional spectral embedding scores as well as one per theme and is several times faster.
const SPECTRAL_DIMS = 50;
const SPECTRAL_ITERATIONS = 30;
const MAX_START_CLUSTERS = 160;
/**
 * Modularity's resolution sets the scale of the themes it keeps, not their number: at 4 it lands near the true
 * K on Banking77 (69 of 77 on test, 104 on train) and splits the demo week's 73 small intents among 462
 * messages into 36 themes (NMI .71); but it also cuts six big intents among 240 messages into about 24 pieces.
 * Lower resolutions, one that shrinks with n, one that follows the K it yields, a density-ratio and a
 * centre-similarity merge were tried: each fixed the six-intent case only by mixing the demo week's themes
 * (n^0.9 scaling: 7 of 6 there, but NMI .62 on the demo week) or Banking77's. A split theme is less harmful
 * in a digest than a mixed one.
 */
const RESOLUTION = 4;
/**
 * From this many texts the spectral step's products run on a second thread (below, its start-up costs more than
 * it saves). The LSA products stay on one: split in two they measured no faster (they wait on memory, not on
 * arithmetic) and the shared copies of their operands added about 70 MB to the 10,000-message peak.
 */
const PARALLEL_FROM = 2_000;

export function clusterTexts(texts: string[], options: ClusterOptions = {}): Clustering {
  // Small inputs are done before a helper thread would have started.
  const threads = options.threads ?? 1;
  const pool = threads > 1 && texts.length >= PARALLEL_FROM ? createRowPool({ threads }) : undefined;
  try {
    return clusterWith(texts, options, pool);
  } finally {
    pool?.close();
  }
}

function clusterWith(texts: string[], options: ClusterOptions, pool: RowPool | undefined): Clustering {
  const n = texts.length;
  const seed = options.seed ?? 1;
  if (n === 0) return { k: 0, assignments: new Int32Array(0), vectors: new Float64Array(0), dims: 0 };
  const space = options.embeddings ? normalisedCopy(options.embeddings, n) : { ...lexicalSpace(texts, seed), strays: strayTexts(texts) };
  const wanted = options.k === undefined || options.k === "auto" ? undefined : Math.max(1, Math.min(Math.floor(options.k), n));
  if (n < 4 || wanted === 1) return { k: 1, assignments: new Int32Array(n), ...space };
  const graph = buildKnnGraph(space.vectors, n, space.dims, { neighbours: NEIGHBOURS, seed, bandwidth: BANDWIDTH });
  // Start from about twice as many clusters as there will be (2√n when K is unknown), so merging has room.
  const start = Math.min(n - 1, Math.max(Math.round(2 * Math.sqrt(n)), 2 * (wanted ?? 0)), Math.max(MAX_START_CLUSTERS, 2 * (wanted ?? 0)));
  const embedded = spectralEmbedding(graph, { dims: Math.min(start, n - 1, SPECTRAL_DIMS), seed, iterations: SPECTRAL_ITERATIONS, pool });
  if (wanted !== undefined && start <= wanted) {
    // Asked for nearly one theme per message: nothing to merge, k-means at K directly.
    const direct = sphericalKMeans(embedded.vectors, n, embedded.dims, { k: wanted, restarts: 1, seed });
    return { k: direct.k, assignments: direct.assignments, ...space };
  }
  const first = sphericalKMeans(embedded.vectors, n, embedded.dims, { k: start, restarts: 1, maxIterations: 10, seed });
  if (wanted !== undefined) {
    const merged = mergeByModularity(graph, first.assignments, first.k, RESOLUTION, wanted);
    return { k: merged.k, assignments: merged.assignments, ...space };
  }
  const merged = mergeByModularity(graph, first.assignments, first.k, options.resolution ?? RESOLUTION);
  return { k: merged.k, assignments: merged.assignments, ...space };
}

function lexicalSpace(texts: string[], seed: number): { vectors: Float64Array; dims: number } {
  const matrix = buildTfidf(texts, [
    { terms: wordTerms, weight: 1, minDocs: 2 },
    { terms: (text) => charTerms(text, 2, 4), weight: 1, minDocs: 2 },
  ]);
  if (matrix.cols < 2) return { vectors: new Float64Array(texts.length), dims: 1 };
  return lsa(matrix, { dims: LSA_DIMS, seed, powerIterations: 1, sampleRows: LSA_SAMPLE });
}

function strayTexts(texts: string[]): Uint8Array {
  const perText = texts.map((text) => new Set(contentWords(words(text))));
  const documentFrequency = new Map<string, number>();
  for (const terms of perText) for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  return Uint8Array.from(perText, (terms) => ([...terms].some((term) => documentFrequency.get(term)! > 1) ? 0 : 1));
}

function normalisedCopy(embeddings: { vectors: Float64Array; dims: number }, n: number): { vectors: Float64Array; dims: number } {
  if (embeddings.vectors.length !== n * embeddings.dims) throw new Error(`expected ${n} embeddings of ${embeddings.dims} numbers`);
  const vectors = Float64Array.from(embeddings.vectors);
  normalizeRows(vectors, n, embeddings.dims);
  return { vectors, dims: embeddings.dims };
}
