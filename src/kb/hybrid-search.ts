/**
 * Hybrid retrieval, used when an embedding model is configured: the lexical ranking (FTS5 bm25 with the
 * conversation and entity handling of search.ts) and the embedding ranking (cosine over chunk vectors) are
 * fused by reciprocal rank per article, so either signal can lift an article the other missed. When the
 * embedding endpoint fails, the lexical ranking is returned unchanged and the failure logged.
 */
import type { Logger } from "../logger.js";
import type { ChunkVectors } from "./chunk-vectors.js";
import type { KbIndex } from "./kb-index.js";
import { type KbSearcher, type RankedHits, toHit } from "./search.js";
import type { SearchHit, SearchQuery } from "./types.js";

/** Anything that ranks the knowledge base for a question: the lexical searcher or the hybrid one. */
export interface KbRetriever {
  rank(query: SearchQuery): RankedHits | Promise<RankedHits>;
}

// The usual reciprocal-rank constant: it keeps one list's first place from outweighing agreement lower down.
const RRF_K = 60;
/** How deep each list is read before fusing. */
const POOL = 30;

export interface RankedArticle {
  articleId: string;
  score: number;
}

/** Reciprocal rank fusion of article rankings (best first each); ties keep the first list's order. Pure. */
export function fuseRankings(lists: readonly (readonly string[])[]): RankedArticle[] {
  const scores = new Map<string, { score: number; order: number }>();
  let order = 0;
  for (const list of lists)
    list.forEach((articleId, rank) => {
      const entry = scores.get(articleId) ?? { score: 0, order: order++ };
      entry.score += 1 / (RRF_K + rank + 1);
      scores.set(articleId, entry);
    });
  return [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order).map(([articleId, { score }]) => ({ articleId, score }));
}

export class HybridSearcher implements KbRetriever {
  constructor(
    private readonly lexical: KbSearcher,
    private readonly index: KbIndex,
    private readonly vectors: ChunkVectors,
    private readonly logger?: Pick<Logger, "warn">,
  ) {}

  async rank(query: SearchQuery): Promise<RankedHits> {
    const k = query.k ?? 5;
    const lexical = this.lexical.rank({ ...query, k: Math.max(k, POOL) });
    const cut = (ranked: RankedHits): RankedHits => ({ ...ranked, hits: ranked.hits.slice(0, k) });
    if (!query.text.trim()) return cut(lexical);
    let near: SearchHit[];
    try {
      near = await this.semantic(query);
    } catch (error) {
      this.logger?.warn({ err: (error as Error).message }, "knowledge base: embedding search failed; lexical ranking used for this question");
      return cut(lexical);
    }
    const byArticle = new Map<string, SearchHit>();
    for (const hit of [...lexical.hits, ...near]) if (!byArticle.has(hit.articleId)) byArticle.set(hit.articleId, hit);
    const fused = fuseRankings([lexical.hits.map((h) => h.articleId), near.map((h) => h.articleId)]);
    // The lexical score stays on each hit: the FAQ confidence reads it, and was calibrated on it.
    const hits = fused.slice(0, k).map(({ articleId }) => byArticle.get(articleId) as SearchHit);
    return { ...lexical, hits };
  }

  /** The best chunk per article by cosine, best article first. */
  private async semantic(query: SearchQuery): Promise<SearchHit[]> {
    const vector = await this.vectors.queryVector(query.text);
    const publicOnly = query.publicOnly === true;
    const near = this.vectors.nearest(vector, POOL * 4);
    const rows = this.index.lightRows(
      near.map((n) => n.chunkId),
      publicOnly,
    );
    const seen = new Set<string>();
    const best = rows.filter((r) => !seen.has(r.articleId) && seen.add(r.articleId)).slice(0, POOL);
    return this.index.hydrate(best).map((row) => toHit(row, 0));
  }
}
