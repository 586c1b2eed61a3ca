/**
 * Lexical retrieval with no model: bm25 over the question, a lighter second pass over the conversation so
 * far, then a preference for the entity the conversation is about. Returns articles (best chunk each).
 */
import { contentTerms, ftsQuery, withSynonyms } from "./analyze.js";
import { EntityMatcher, type EntityTarget } from "./entities.js";
import type { ChunkRow, KbIndex } from "./kb-index.js";
import type { SearchHit, SearchQuery } from "./types.js";

const CANDIDATES = 300;
/** How much the earlier conversation counts next to the question itself. */
const CONTEXT_WEIGHT = (globalThis as any).CW ?? 0.1;
/** Context turns that still say what the question is about; older ones mostly add noise. */
const CONTEXT_TURNS = 3;

export interface EntityWeights {
  sameEntity: number;
  otherEntity: number;
  noEntityOtherDomain: number;
  entityButNoneNamed: number;
}

export const DEFAULT_ENTITY_WEIGHTS: EntityWeights = { sameEntity: 1.6, otherEntity: 0.15, noEntityOtherDomain: 0.4, entityButNoneNamed: 0.8 };

export interface RankedHits {
  hits: SearchHit[];
  target: EntityTarget;
  /** The question's own content terms (for confidence and extraction). */
  terms: string[];
  /** How informative each term is in this knowledge base (same order as terms). */
  termWeights: number[];
}

export class KbSearcher {
  private matcher?: EntityMatcher;
  private matcherGeneration = -1;

  constructor(
    private readonly index: KbIndex,
    private readonly weights: EntityWeights = DEFAULT_ENTITY_WEIGHTS,
  ) {}

  private entities(): EntityMatcher {
    if (!this.matcher || this.matcherGeneration !== this.index.generation) {
      this.matcher = new EntityMatcher(this.index.entities(), this.index.domainTitles());
      this.matcherGeneration = this.index.generation;
    }
    return this.matcher;
  }

  search(query: SearchQuery): SearchHit[] {
    return this.rank(query).hits;
  }

  rank(query: SearchQuery): RankedHits {
    const k = query.k ?? 5;
    const context = query.context ?? [];
    const terms = contentTerms(query.text);
    const target = this.entities().resolve(query.text, context);
    const scores = new Map<string, { score: number; row: ChunkRow }>();
    const add = (rows: ChunkRow[], weight: number, keepBest: boolean) => {
      for (const row of rows) {
        const value = -row.rank * weight;
        const existing = scores.get(row.articleId);
        if (!existing) scores.set(row.articleId, { score: value, row });
        else if (keepBest && value > existing.score) scores.set(row.articleId, { score: value, row });
        else if (!keepBest) existing.score += value;
      }
    };
    const main = ftsQuery(withSynonyms(terms));
    if (main) add(this.index.match(main, CANDIDATES, query.publicOnly === true), 1, true);
    const recent = context.slice(-CONTEXT_TURNS).join(" ");
    const contextTerms = contentTerms(recent).filter((t) => !terms.includes(t));
    const extra = ftsQuery(contextTerms.slice(0, 24));
    if (extra && scores.size > 0) {
      // Context only re-weighs what the question found: on its own it would pull in whatever was discussed.
      const rows = this.index.match(extra, CANDIDATES, query.publicOnly === true).filter((r) => scores.has(r.articleId));
      add(rows, CONTEXT_WEIGHT, false);
    }
    const ranked = [...scores.values()].map(({ score, row }) => ({ score: score * this.entityFactor(row, target), row }));
    ranked.sort((a, b) => b.score - a.score || a.row.articleId.localeCompare(b.row.articleId));
    const hits = ranked.slice(0, k).map(({ score, row }) => toHit(row, score));
    return { hits, target, terms, termWeights: this.index.termWeights(terms) };
  }

  private entityFactor(row: ChunkRow, target: EntityTarget): number {
    const w = this.weights;
    if (row.entity) {
      if (target.entity) return row.entity === target.entity ? w.sameEntity : w.otherEntity;
      return target.domain && row.domain !== target.domain ? w.otherEntity : w.entityButNoneNamed;
    }
    if (target.domain && row.domain && row.domain !== target.domain) return w.noEntityOtherDomain;
    return 1;
  }
}

function toHit(row: ChunkRow, score: number): SearchHit {
  return {
    articleId: row.articleId,
    title: row.title,
    url: row.url,
    visibility: row.visibility,
    collection: row.collection,
    entity: row.entity,
    score: Math.round(score * 1000) / 1000,
    chunk: { id: row.chunkId, heading: row.heading, anchorUrl: row.anchorUrl, text: row.text },
  };
}
