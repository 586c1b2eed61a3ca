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

/** One family's counts: document d's distinct terms are ids[start[d]..start[d+1]), in first-seen order. */
interface FamilyCounts {
  start: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
  remap: Int32Array;
  idf: Float64Array;
  kept: number;
  weight: number;
}

/**
 * Counts every document's terms in flat arrays (no map per document: at 50,000 messages those maps were most
 * of the time and the garbage). A term's first occurrence in a document fixes its place in the row.
 */
function countFamily(texts: string[], family: TermFamily): FamilyCounts {
  const n = texts.length;
  const vocab = new Map<string, number>();
  let docFreq = new Int32Array(1024);
  let lastDoc = new Int32Array(1024).fill(-1);
  let slot = new Int32Array(1024);
  const start = new Int32Array(n + 1);
  let ids = new Int32Array(1024);
  let counts = new Int32Array(1024);
  let used = 0;
  for (let d = 0; d < n; d++) {
    for (const term of family.terms(texts[d])) {
      let id = vocab.get(term);
      if (id === undefined) {
        id = vocab.size;
        vocab.set(term, id);
        if (id === docFreq.length) {
          docFreq = grow(docFreq, 0);
          lastDoc = grow(lastDoc, -1);
          slot = grow(slot, 0);
        }
      }
      if (lastDoc[id] === d) {
        counts[slot[id]]++;
        continue;
      }
      lastDoc[id] = d;
      docFreq[id]++;
      if (used === ids.length) {
        ids = grow(ids, 0);
        counts = grow(counts, 0);
      }
      slot[id] = used;
      ids[used] = id;
      counts[used++] = 1;
    }
    start[d + 1] = used;
  }
  // Keep only useful terms, renumbered densely in first-seen order (deterministic).
  const size = vocab.size;
  const remap = new Int32Array(size).fill(-1);
  let kept = 0;
  for (let id = 0; id < size; id++) if (docFreq[id] >= family.minDocs) remap[id] = kept++;
  const idf = new Float64Array(kept);
  for (let id = 0; id < size; id++) if (remap[id] >= 0) idf[remap[id]] = Math.log((1 + n) / (1 + docFreq[id])) + 1;
  return { start, ids: ids.subarray(0, used), counts: counts.subarray(0, used), remap, idf, kept, weight: family.weight };
}

function grow(array: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(fill);
  bigger.set(array);
  return bigger;
}

export function buildTfidf(texts: string[], families: TermFamily[]): SparseRows {
  const n = texts.length;
  const perFamily = families.map((family) => countFamily(texts, family));
  let capacity = 0;
  for (const family of perFamily) capacity += family.ids.length;
  const indptr = new Int32Array(n + 1);
  const indices = new Int32Array(capacity);
  const values = new Float64Array(capacity);
  let used = 0;
  for (let d = 0; d < n; d++) {
    const rowStart = used;
    let offset = 0;
    for (const family of perFamily) {
      const start = used;
      let norm = 0;
      for (let p = family.start[d]; p < family.start[d + 1]; p++) {
        const col = family.remap[family.ids[p]];
        if (col < 0) continue;
        const value = (1 + Math.log(family.counts[p])) * family.idf[col];
        indices[used] = offset + col;
        values[used++] = value;
        norm += value * value;
      }
      const scale = norm > 0 ? family.weight / Math.sqrt(norm) : 0;
      for (let p = start; p < used; p++) values[p] *= scale;
      offset += family.kept;
    }
    let rowNorm = 0;
    for (let p = rowStart; p < used; p++) rowNorm += values[p] * values[p];
    const rowScale = rowNorm > 0 ? 1 / Math.sqrt(rowNorm) : 0;
    for (let p = rowStart; p < used; p++) values[p] *= rowScale;
    indptr[d + 1] = used;
  }
  const cols = perFamily.reduce((sum, f) => sum + f.kept, 0);
  return { rows: n, cols, indptr, indices: indices.slice(0, used), values: values.slice(0, used) };
}
