/**
 * Okapi BM25 over documents whose fields carry different weights (title words count more than description
 * words). Pure: build an index from data, score a weighted query against it.
 */

export interface Bm25Document {
  id: string;
  /** Tokens per field; a field's weight multiplies its term counts. */
  fields: { tokens: readonly string[]; weight: number }[];
}

export interface Bm25Index {
  ids: string[];
  termFreqs: Map<string, number>[];
  lengths: number[];
  avgLength: number;
  docFreq: Map<string, number>;
  k1: number;
  b: number;
}

export function buildBm25(documents: readonly Bm25Document[], k1 = 1.2, b = 0.75): Bm25Index {
  const termFreqs: Map<string, number>[] = [];
  const lengths: number[] = [];
  const docFreq = new Map<string, number>();
  for (const doc of documents) {
    const tf = new Map<string, number>();
    let length = 0;
    for (const field of doc.fields) {
      for (const token of field.tokens) {
        tf.set(token, (tf.get(token) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    for (const term of tf.keys()) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    termFreqs.push(tf);
    lengths.push(length);
  }
  const avgLength = lengths.reduce((a, n) => a + n, 0) / Math.max(1, lengths.length);
  return { ids: documents.map((d) => d.id), termFreqs, lengths, avgLength, docFreq, k1, b };
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

/** Scores every document; a term's weight scales its contribution (person's own words 1, synonyms less). */
export function scoreBm25(index: Bm25Index, query: readonly WeightedTerm[]): { id: string; score: number }[] {
  const n = index.ids.length;
  const merged = new Map<string, number>();
  for (const q of query) merged.set(q.term, Math.max(merged.get(q.term) ?? 0, q.weight));
  return index.ids.map((id, i) => {
    const tf = index.termFreqs[i] as Map<string, number>;
    const norm = index.k1 * (1 - index.b + (index.b * (index.lengths[i] as number)) / (index.avgLength || 1));
    let score = 0;
    for (const [term, weight] of merged) {
      const f = tf.get(term);
      if (!f) continue;
      const df = index.docFreq.get(term) ?? 0;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += weight * idf * ((f * (index.k1 + 1)) / (f + norm));
    }
    return { id, score };
  });
}
