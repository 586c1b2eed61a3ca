/**
 * Picks the number of themes without being told it: start from more clusters than there can be, then merge
 * the pair of clusters whose merge raises the graph's modularity the most, until no merge raises it. A merge
 * only pays when two clusters are linked by more neighbour edges than their sizes alone would predict.
 * With a known K the same merging runs down to exactly K clusters, which beats k-means at K on Banking77.
 */
import type { KnnGraph } from "./knn-graph.js";

/**
 * With `targetK`, merging goes on (taking the least harmful merge when none helps) until that many clusters are
 * left; without it, it stops when no merge raises modularity.
 */
export function mergeByModularity(
  graph: KnnGraph,
  assignments: Int32Array,
  k: number,
  resolution = 1,
  targetK?: number,
): { assignments: Int32Array; k: number } {
  const { n, indptr, indices, weights } = graph;
  // Cluster-level graph: e[a][b] = total edge weight between clusters a and b (both directions counted).
  const between: Map<number, number>[] = Array.from({ length: k }, () => new Map());
  const strength = new Float64Array(k);
  const used = new Uint8Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = assignments[i];
    used[a] = 1;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const b = assignments[indices[p]];
      const w = weights[p];
      total += w;
      strength[a] += w;
      if (a !== b) between[a].set(b, (between[a].get(b) ?? 0) + w);
    }
  }
  if (total === 0) return { assignments, k };
  const parent = Int32Array.from({ length: k }, (_, i) => i);
  // Empty clusters are not counted: with a target, the result must have exactly that many non-empty ones.
  const alive = new Set<number>(Array.from({ length: k }, (_, i) => i).filter((c) => used[c] === 1));
  for (;;) {
    if (targetK !== undefined && alive.size <= targetK) break;
    let bestGain = targetK === undefined ? 0 : Number.NEGATIVE_INFINITY;
    let pair: [number, number] | undefined;
    for (const a of alive) {
      for (const [b, w] of between[a]) {
        if (b <= a) continue;
        // ΔQ for joining a and b, with `total` = 2m (every edge was counted from both ends).
        const gain = (2 * w) / total - (2 * resolution * strength[a] * strength[b]) / (total * total);
        if (gain > bestGain + 1e-12 || (pair && Math.abs(gain - bestGain) <= 1e-12 && (a < pair[0] || (a === pair[0] && b < pair[1])))) {
          if (gain <= 0 && targetK === undefined) continue;
          bestGain = gain;
          pair = [a, b];
        }
      }
    }
    if (!pair && targetK !== undefined) pair = leastConnected(alive, strength);
    if (!pair) break;
    const [a, b] = pair;
    parent[b] = a;
    alive.delete(b);
    strength[a] += strength[b];
    for (const [c, w] of between[b]) {
      between[c].delete(b);
      if (c === a) continue;
      between[a].set(c, (between[a].get(c) ?? 0) + w);
      between[c].set(a, (between[c].get(a) ?? 0) + w);
    }
    between[a].delete(b);
    between[b].clear();
  }
  const root = (c: number) => {
    let r = c;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  const renumber = new Map<number, number>();
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = root(assignments[i]);
    if (!renumber.has(r)) renumber.set(r, renumber.size);
    out[i] = renumber.get(r)!;
  }
  return { assignments: out, k: renumber.size };
}

/** Two clusters with no edge between them (separate components): the two lightest, which distorts the least. */
function leastConnected(alive: Set<number>, strength: Float64Array): [number, number] | undefined {
  const order = [...alive].sort((x, y) => strength[x] - strength[y] || x - y);
  if (order.length < 2) return undefined;
  return order[0] < order[1] ? [order[0], order[1]] : [order[1], order[0]];
}
