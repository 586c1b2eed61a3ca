/**
 * Picks the number of themes without being told it: start from more clusters than there can be, then merge
 * the pair of clusters whose merge raises the graph's modularity the most, until no merge raises it. A merge
 * only pays when two clusters are linked by more neighbour edges than their sizes alone would predict.
 */
import type { KnnGraph } from "./knn-graph.js";

export function mergeByModularity(graph: KnnGraph, assignments: Int32Array, k: number, resolution = 1): { assignments: Int32Array; k: number } {
  const { n, indptr, indices, weights } = graph;
  // Cluster-level graph: e[a][b] = total edge weight between clusters a and b (both directions counted).
  const between: Map<number, number>[] = Array.from({ length: k }, () => new Map());
  const strength = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const a = assignments[i];
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
  const alive = new Set<number>(Array.from({ length: k }, (_, i) => i));
  for (;;) {
    let bestGain = 0;
    let pair: [number, number] | undefined;
    for (const a of alive) {
      for (const [b, w] of between[a]) {
        if (b <= a) continue;
        // ΔQ for joining a and b, with `total` = 2m (every edge was counted from both ends).
        const gain = (2 * w) / total - (2 * resolution * strength[a] * strength[b]) / (total * total);
        if (gain > bestGain + 1e-12 || (pair && Math.abs(gain - bestGain) <= 1e-12 && (a < pair[0] || (a === pair[0] && b < pair[1])))) {
          if (gain <= 0) continue;
          bestGain = gain;
          pair = [a, b];
        }
      }
    }
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
