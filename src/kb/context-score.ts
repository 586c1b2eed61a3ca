/**
 * How much a candidate chunk agrees with the earlier conversation, computed in memory over the few best
 * candidates instead of a second full-index query. It follows FTS5's bm25 shape (the same column weights
 * and term-frequency saturation, presence instead of counts) so it adds to bm25 scores on the same scale.
 */
import { words } from "./analyze.js";
import type { ChunkRow } from "./kb-index.js";
import type { TermStats } from "./term-stats.js";

const COLUMN_WEIGHTS = { title: 5, heading: 3, collection: 1.5, body: 1 } as const;
const K1 = 1.2;
/** Context words worth matching: the rarest ones say what the conversation is about. */
const MAX_TERMS = 12;
const MAX_CACHED_CHUNKS = 5000;

interface ChunkStems {
  title: Set<string>;
  heading: Set<string>;
  collection: Set<string>;
  body: Set<string>;
}

export class ContextScorer {
  private readonly cache = new Map<number, ChunkStems>();
  private cacheGeneration = -1;

  constructor(
    private readonly stats: TermStats,
    private readonly generation: () => number,
  ) {}

  private stemsOf(row: ChunkRow): ChunkStems {
    if (this.cacheGeneration !== this.generation() || this.cache.size > MAX_CACHED_CHUNKS) {
      this.cache.clear();
      this.cacheGeneration = this.generation();
    }
    let entry = this.cache.get(row.chunkId);
    if (!entry) {
      const set = (text: string) => new Set(this.stats.stemsOf(words(text)));
      entry = { title: set(row.title), heading: set(row.heading), collection: set(row.collection), body: set(row.text) };
      this.cache.set(row.chunkId, entry);
    }
    return entry;
  }

  /** A scorer for these context words (already without the question's own words). */
  forTerms(contextTerms: readonly string[]): (row: ChunkRow) => number {
    const total = Math.max(1, this.stats.chunkCount());
    const stems = this.stats.stemsOf(contextTerms);
    const docs = this.stats.documentFrequencies(contextTerms);
    const weighted = stems
      .map((stem, i) => ({ stem, df: docs[i] as number }))
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df)
      .slice(0, MAX_TERMS)
      .map((t) => ({ stem: t.stem, idf: Math.max(1e-6, Math.log((total - t.df + 0.5) / (t.df + 0.5))) }));
    if (weighted.length === 0) return () => 0;
    return (row) => {
      const chunk = this.stemsOf(row);
      let score = 0;
      for (const { stem, idf } of weighted) {
        let tf = 0;
        if (chunk.title.has(stem)) tf += COLUMN_WEIGHTS.title;
        if (chunk.heading.has(stem)) tf += COLUMN_WEIGHTS.heading;
        if (chunk.collection.has(stem)) tf += COLUMN_WEIGHTS.collection;
        if (chunk.body.has(stem)) tf += COLUMN_WEIGHTS.body;
        if (tf > 0) score += (idf * tf * (K1 + 1)) / (tf + K1);
      }
      return score;
    };
  }
}
