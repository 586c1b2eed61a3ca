/**
 * Hybrid retrieval, used when an embedding model is configured: the lexical ranking (FTS5 bm25 with the
 * conversation and entity handling of search.ts) and the embedding ranking (cosine over chunk vectors) are
 * fused by reciprocal rank per article, so either signal can lift an article the other missed. The customer's
 * language weighs the embeddings' vote as it weighs the lexical score (message-language.ts). When the
 * embedding endpoint fails or does not answer in time, the lexical ranking is returned unchanged; the outage
 * is logged when it starts and when it ends, not on every question.
 */
import type { Logger } from "../logger.js";
import type { ChunkVectors } from "./chunk-vectors.js";
import type { EntityTarget } from "./entities.js";
import type { KbIndex, LightRow } from "./kb-index.js";
import { localeFactor, messageLanguage } from "./message-language.js";
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
/**
 * How long a question waits for its vector: a hung endpoint must not hold an inbox item (the OpenAI client's
 * own limit is minutes, with retries). An embedding call usually takes well under a second.
 */
const QUERY_TIMEOUT_MS = 3000;

export interface HybridOptions {
  queryTimeoutMs?: number;
}

/** How a hybrid hit was found, for a person reading the results; the FAQ confidence reads only `score`. */
export interface FusedMatch {
  /** "words": the lexical ranking only; "meaning": the embeddings only (its lexical `score` is then 0); "both". */
  foundBy: "words" | "meaning" | "both";
  /** Its reciprocal-rank score in the fusion, the order the hits are in. */
  fusedScore: number;
}

export type FusedHit = SearchHit & { fusion?: FusedMatch };

export interface RankedArticle {
  articleId: string;
  score: number;
}

/**
 * Reciprocal rank fusion of article rankings (best first each); ties keep the first list's order. `weight`
 * scales one list's vote for one article (1 when not given). Pure.
 */
export function fuseRankings(lists: readonly (readonly string[])[], weight?: (list: number, articleId: string) => number): RankedArticle[] {
  const scores = new Map<string, { score: number; order: number }>();
  let order = 0;
  for (const [list, ids] of lists.entries())
    ids.forEach((articleId, rank) => {
      const entry = scores.get(articleId) ?? { score: 0, order: order++ };
      entry.score += (weight?.(list, articleId) ?? 1) / (RRF_K + rank + 1);
      scores.set(articleId, entry);
    });
  return [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order).map(([articleId, { score }]) => ({ articleId, score }));
}

/**
 * Pure: may an embedding match stand next to the lexical ranking's reading of the conversation? Not a page of
 * another entity than the one named, nor of another domain: the lexical ranking all but drops those, and the
 * embeddings (blind to the conversation) would bring them back with a full vote, as for "can I bring my dog?"
 * answered with another hotel's pets page.
 */
export function fitsTarget(row: Pick<LightRow, "entity" | "domain">, target: EntityTarget): boolean {
  if (target.entity && row.entity && row.entity !== target.entity) return false;
  if (target.domain && row.domain && row.domain !== target.domain) return false;
  return true;
}

export class HybridSearcher implements KbRetriever {
  private readonly queryTimeoutMs: number;
  /** While the endpoint keeps failing, questions fall back quietly: the first failure was logged. */
  private failing = false;

  constructor(
    private readonly lexical: KbSearcher,
    private readonly index: KbIndex,
    private readonly vectors: ChunkVectors,
    private readonly logger?: Pick<Logger, "warn"> & Partial<Pick<Logger, "info">>,
    options: HybridOptions = {},
  ) {
    this.queryTimeoutMs = options.queryTimeoutMs ?? QUERY_TIMEOUT_MS;
  }

  async rank(query: SearchQuery): Promise<RankedHits> {
    const k = query.k ?? 5;
    const lexical = this.lexical.rank({ ...query, k: Math.max(k, POOL) });
    const cut = (ranked: RankedHits): RankedHits => ({ ...ranked, hits: ranked.hits.slice(0, k) });
    if (!query.text.trim()) return cut(lexical);
    let near: SearchHit[];
    try {
      near = await this.semantic(query, lexical.target);
    } catch (error) {
      if (!this.failing)
        this.logger?.warn(
          { err: (error as Error).message },
          "knowledge base: the embedding endpoint failed; lexical ranking used for every question until it answers again",
        );
      this.failing = true;
      return cut(lexical);
    }
    if (this.failing) this.logger?.info?.("knowledge base: the embedding endpoint answers again; questions use the hybrid ranking");
    this.failing = false;
    const byArticle = new Map<string, SearchHit>();
    for (const hit of [...lexical.hits, ...near]) if (!byArticle.has(hit.articleId)) byArticle.set(hit.articleId, hit);
    // The lexical ranking has already weighed each page's language; the embeddings' vote is weighed the same way,
    // or a page in a third language, found by meaning alone, would come back with a full vote.
    const language = messageLanguage(query.text);
    const vote = (list: number, articleId: string) => (list === 1 ? localeFactor(this.index.localeOf(articleId) ?? "", language) : 1);
    const fused = fuseRankings([lexical.hits.map((h) => h.articleId), near.map((h) => h.articleId)], vote);
    // The lexical score stays on each hit: the FAQ confidence reads it, and was calibrated on it. How the hit
    // was found goes beside it, so a person is not shown a score of 0 for a page only the embeddings found.
    const byWords = new Set(lexical.hits.map((h) => h.articleId));
    const byMeaning = new Set(near.map((h) => h.articleId));
    const hits = fused.slice(0, k).map(({ articleId, score }): FusedHit => {
      const foundBy = byWords.has(articleId) ? (byMeaning.has(articleId) ? "both" : "words") : "meaning";
      return { ...(byArticle.get(articleId) as SearchHit), fusion: { foundBy, fusedScore: score } };
    });
    return { ...lexical, hits };
  }

  /** The best chunk per article by cosine, best article first. */
  private async semantic(query: SearchQuery, target: EntityTarget): Promise<SearchHit[]> {
    const vector = await this.withinTime(this.vectors.queryVector(query.text));
    const publicOnly = query.publicOnly === true;
    // Internal chunks are left out before the nearest are cut, or they could take every place.
    const near = this.vectors.nearest(vector, POOL * 4, publicOnly ? (id) => this.index.isPublic(id) : undefined);
    const rows = this.index
      .lightRows(
        near.map((n) => n.chunkId),
        publicOnly,
      )
      .filter((row) => fitsTarget(row, target));
    const seen = new Set<string>();
    const best = rows.filter((r) => !seen.has(r.articleId) && seen.add(r.articleId)).slice(0, POOL);
    return this.index.hydrate(best).map((row) => toHit(row, 0));
  }

  private withinTime<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the embedding endpoint did not answer within ${this.queryTimeoutMs} ms`)), this.queryTimeoutMs);
    });
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
  }
}
