/**
 * TF-IDF over several term families (word n-grams, character n-grams), each weighted and normalised on its
 * own before they are joined, so that the many character n-grams do not drown the few words.
 */
import type { SparseRows } from "./sparse.js";

export interface TermFamily {
  terms(text: string): string[];
  weight: number;
  /** Terms seen in fewer documents are dropped: they cannot link two messages. */
  minDocs: number;
}

export function buildTfidf(texts: string[], families: TermFamily[]): SparseRows {
  const n = texts.length;
  const perFamily = families.map((family) => {
    const vocab = new Map<string, number>();
    const docFreq: number[] = [];
    const docs: Map<number, number>[] = texts.map((text) => {
      const counts = new Map<number, number>();
      for (const term of family.terms(text)) {
        let id = vocab.get(term);
        if (id === undefined) {
          id = vocab.size;
          vocab.set(term, id);
          docFreq.push(0);
        }
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      for (const id of counts.keys()) docFreq[id]++;
      return counts;
    });
    // Keep only useful terms, renumbered densely in first-seen order (deterministic).
    const remap = new Int32Array(docFreq.length).fill(-1);
    let kept = 0;
    for (let id = 0; id < docFreq.length; id++) if (docFreq[id] >= family.minDocs) remap[id] = kept++;
    const idf = new Float64Array(kept);
    for (let id = 0; id < docFreq.length; id++) if (remap[id] >= 0) idf[remap[id]] = Math.log((1 + n) / (1 + docFreq[id])) + 1;
    return { docs, remap, idf, kept, weight: family.weight };
  });

  const indptr = new Int32Array(n + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let d = 0; d < n; d++) {
    const rowStart = indices.length;
    let offset = 0;
    for (const family of perFamily) {
      const start = indices.length;
      let norm = 0;
      for (const [id, count] of family.docs[d]) {
        const col = family.remap[id];
        if (col < 0) continue;
        const value = (1 + Math.log(count)) * family.idf[col];
        indices.push(offset + col);
        values.push(value);
        norm += value * value;
      }
      const scale = norm > 0 ? family.weight / Math.sqrt(norm) : 0;
      for (let p = start; p < indices.length; p++) values[p] *= scale;
      offset += family.kept;
    }
    let rowNorm = 0;
    for (let p = rowStart; p < values.length; p++) rowNorm += values[p] * values[p];
    const rowScale = rowNorm > 0 ? 1 / Math.sqrt(rowNorm) : 0;
    for (let p = rowStart; p < values.length; p++) values[p] *= rowScale;
    indptr[d + 1] = indices.length;
  }
  const cols = perFamily.reduce((sum, f) => sum + f.kept, 0);
  return { rows: n, cols, indptr, indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
