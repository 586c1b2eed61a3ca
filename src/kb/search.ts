/**
 * Lexical retrieval with no model: bm25 over the question's informative words, the chunks of the entity the
 * conversation is about, and a light re-weighing of the best candidates by the conversation so far. Returns
 * articles (best chunk each). Kept within a few milliseconds at 10,000 articles: the queries are FTS5's, but
 * answered from its posting lists held in memory (posting-match.ts: FTS5's bm25, equal to within 1e-9), and the
 * conversation is matched against the candidates through the same lists, not the whole index. While the
 * index keeps changing, or when a word is more than one token, FTS5 itself answers.
 */
import { contentTerms, stem, withSynonyms, words } from "./analyze.js";
import { hasRow, ScoreBoard } from "./bm25.js";
import { bestChunkFirst } from "./chunk-choice.js";
import { EntityMatcher, type EntityTarget } from "./entities.js";
import { type ChunkRow, FTS_WEIGHTS, type KbIndex, type LightRow } from "./kb-index.js";
import { CHUNK_TEXT_COLUMNS, type MemoryMatch, matchTerms, matchTermsInTitle, memberStems } from "./posting-match.js";
import { buildConcepts, type Concept, chooseConcepts, conceptExpression, DEFAULT_PLAN_LIMITS, type PlanLimits, titlePhrase } from "./query-plan.js";
import type { SearchHit, SearchQuery } from "./types.js";

const CANDIDATES = 200;
/**
 * How much the earlier conversation counts next to the question itself. On DSTC9, 0.1 changed the first
 * article of 3 of 200 questions (none for the better, one for the worse); 0.2 changes 7 (two better, one
 * worse: R@1 .605 with none, .600 at 0.1, .610 at 0.2 and 0.3, .585 at 0.5). The help-center dev set has no
 * conversations, so it cannot tell.
 */
export const CONTEXT_WEIGHT = 0.2;
/** Context turns that still say what the question is about; older ones mostly add noise. */
const CONTEXT_TURNS = 3;
/** The question's best chunks the conversation is matched against. */
const CONTEXT_CANDIDATES = 30;
/** The conversation's rarest words only: a long conversation has many, and most add rows, not meaning. */
const CONTEXT_LIMITS: PlanLimits = { rowBudget: 800, maxConcepts: 8 };
/**
 * Within the named entity's pages every question word may count, but FTS5 still walks each word's whole row
 * list to find them: the commonest words cost most and change little.
 */
const ENTITY_LIMITS: PlanLimits = { rowBudget: 3000, maxConcepts: 8 };

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
  /** Chunks in the index: bm25's scale depends on it. */
  chunkCount?: number;
}

interface Scored {
  score: number;
  rows: LightRow[];
  /** bm25 of the conversation's words over this article's candidate chunks. */
  context: number;
}

export class KbSearcher {
  private matcher?: EntityMatcher;
  private matcherGeneration = -1;
  /** bm25 of each entity's name phrase per chunk: the same for every question about that entity. */
  private phraseScores = new Map<string, Map<number, number>>();
  private phraseGeneration = -1;
  private readonly boards: readonly [ScoreBoard, ScoreBoard, ScoreBoard] = [new ScoreBoard(), new ScoreBoard(), new ScoreBoard()];

  constructor(
    private readonly index: KbIndex,
    private readonly weights: EntityWeights = DEFAULT_ENTITY_WEIGHTS,
    private readonly limits: PlanLimits = DEFAULT_PLAN_LIMITS,
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
    const publicOnly = query.publicOnly === true;
    const context = query.context ?? [];
    const terms = contentTerms(query.text);
    const target = this.entities().resolve(query.text, context);
    const stats = this.index.stats;
    const allWords = withSynonyms(terms);
    const recent = context.slice(-CONTEXT_TURNS).join(" ");
    const contextTerms = contentTerms(recent).filter((t) => !terms.includes(t));
    // Every word of this search stemmed in one round trip to the scratch table (each costs a transaction).
    const stemList = stats.stemsOf([...allWords, ...contextTerms]);
    const docList = stats.documentFrequencies(allWords);
    const stems = new Map(allWords.map((w, i) => [w, stemList[i] as string]));
    const docs = new Map(allWords.map((w, i) => [w, docList[i] as number]));
    const concepts = buildConcepts(
      terms,
      (t) => withSynonyms([t]).slice(1),
      (w) => stems.get(w) ?? w,
      (w) => docs.get(w) ?? 0,
    );
    const scores = new Map<string, Scored>();
    const add = (rows: readonly LightRow[], adjust: (row: LightRow) => number = () => 0) => {
      for (const row of rows) {
        const value = -row.rank - adjust(row);
        const existing = scores.get(row.articleId);
        if (!existing) scores.set(row.articleId, { score: value, rows: [row], context: 0 });
        else {
          if (!existing.rows.some((r) => r.chunkId === row.chunkId)) existing.rows.push(row);
          if (value > existing.score) existing.score = value;
        }
      }
    };
    const stemOf = (w: string) => stems.get(w) ?? w;
    const mainConcepts = chooseConcepts(concepts, this.limits);
    const entityConcepts = target.entity ? chooseConcepts(concepts, ENTITY_LIMITS) : [];
    const memory = this.memoryMatch([...mainConcepts, ...entityConcepts], stemOf, publicOnly);
    const main = conceptExpression(mainConcepts);
    let mainRows: LightRow[] = [];
    if (main && memory) mainRows = this.index.rankedRows(matchTerms(memberStems(mainConcepts, stemOf) ?? [], CANDIDATES, memory), publicOnly);
    else if (main) mainRows = this.index.matchLight(main, CANDIDATES, publicOnly);
    add(mainRows);
    if (target.entity) {
      if (memory) this.addEntityRowsInMemory(entityConcepts, stemOf, target.entity, memory, publicOnly, add);
      else this.addEntityRows(conceptExpression(entityConcepts), target.entity, publicOnly, add);
    }

    if (main && contextTerms.length > 0) this.addContext(mainRows, contextTerms, scores, memory !== undefined);
    // Scores are final from here on, so each entry is updated in place rather than copied.
    const ranked = [...scores.values()];
    for (const s of ranked) s.score = (s.score + s.context * CONTEXT_WEIGHT) * this.entityFactor(s.rows[0] as LightRow, target);
    ranked.sort((a, b) => b.score - a.score || (a.rows[0] as LightRow).articleId.localeCompare((b.rows[0] as LightRow).articleId));
    const hits = ranked
      .slice(0, k)
      .map(({ score, rows }) => toHit(bestChunkFirst(terms, this.index.hydrate(rows), undefined, (c) => this.index.chunkStems(c))[0] as ChunkRow, score));
    return { hits, target, terms, termWeights: stats.weights(terms), chunkCount: stats.chunkCount() };
  }

  /**
   * The conversation's words, scored in memory on the chunks that matched the question: each context word a
   * chunk contains adds its informativeness. A second FTS5 query for this cost a tenth of every search.
   */
  private addContext(mainRows: readonly LightRow[], contextTerms: readonly string[], scores: Map<string, Scored>, inMemory: boolean): void {
    const stats = this.index.stats;
    const docs = stats.documentFrequencies(contextTerms);
    const stems = stats.stemsOf(contextTerms);
    const concepts = contextTerms.map((term, i) => ({ term, members: [term], rows: docs[i] as number }));
    const unique = concepts.filter((_, i) => stems.indexOf(stems[i] as string) === i);
    const chosen = chooseConcepts(unique, CONTEXT_LIMITS);
    if (chosen.length === 0 || mainRows.length === 0) return;
    const weights = stats.weights(chosen.map((c) => c.term));
    // Only the question's best chunks: a tenth of the conversation's weight cannot lift one from further down.
    const best = mainRows.slice(0, CONTEXT_CANDIDATES);
    if (inMemory) {
      // The index's own posting lists say which chunks hold each word: no chunk text is read or stemmed.
      const lists = chosen.map((c) => this.index.postings.list(stems[contextTerms.indexOf(c.term)] as string));
      for (const row of best) {
        const entry = scores.get(row.articleId);
        if (!entry) continue;
        let value = 0;
        lists.forEach((list, i) => {
          if (hasRow(list, row.chunkId, FTS_WEIGHTS.length, CHUNK_TEXT_COLUMNS)) value += weights[i] as number;
        });
        if (value > entry.context) entry.context = value;
      }
      return;
    }
    const forms = chosen.map((c) => stem(c.term));
    const chunkStems = this.index.stemsOfChunks(best.map((r) => r.chunkId));
    for (const row of best) {
      const have = chunkStems.get(row.chunkId);
      const entry = scores.get(row.articleId);
      if (!have || !entry) continue;
      let value = 0;
      forms.forEach((form, i) => {
        if (have.has(form)) value += weights[i] as number;
      });
      if (value > entry.context) entry.context = value;
    }
  }

  /** In-memory matching when the posting lists are usable and every word is one token; otherwise FTS5 answers. */
  private memoryMatch(concepts: readonly Concept[], stemOf: (w: string) => string, publicOnly: boolean): MemoryMatch | undefined {
    if (concepts.length === 0 || !memberStems(concepts, stemOf)) return undefined;
    this.index.noticeOtherWriters();
    if (!this.index.postings.ready()) return undefined;
    return {
      store: this.index.postings,
      weights: FTS_WEIGHTS,
      keep: publicOnly ? (row) => this.index.isPublic(row) : undefined,
      boards: this.boards,
    };
  }

  /**
   * The entity's chunks as addEntityRows finds them, scored from the posting lists. Its wider budget takes
   * common words, whose lists cost about a millisecond per 3,000 rows to read the first time; answering this
   * query through FTS5 whenever a list was not in memory yet was measured too, and was no faster.
   */
  private addEntityRowsInMemory(
    concepts: readonly Concept[],
    stemOf: (w: string) => string,
    entity: string,
    memory: MemoryMatch,
    publicOnly: boolean,
    add: (rows: readonly LightRow[]) => void,
  ): void {
    const rarest = this.rarestNameWord(entity);
    const termsOf = memberStems(concepts, stemOf);
    if (!rarest || !termsOf || termsOf.length === 0) return;
    const [titleTerm] = this.index.stats.stemsOf([rarest]) as [string];
    add(this.index.rankedRows(matchTermsInTitle(termsOf, titleTerm, CANDIDATES, memory), publicOnly));
  }

  /** The name's rarest word is enough to find its pages (see addEntityRows). */
  private rarestNameWord(entity: string): string | undefined {
    const nameWords = words(entity.replace(/-/g, " ")).filter((w) => w !== "&");
    const docs = this.index.stats.documentFrequencies(nameWords);
    const present = nameWords.map((word, i) => ({ word, df: docs[i] as number })).filter((w) => w.df > 0);
    return present.sort((a, b) => a.df - b.df)[0]?.word;
  }

  /**
   * The named entity's own chunks, whatever their rank among all others. The name's phrase is only there to
   * restrict the rows; bm25 adds per phrase, so its share is taken off again and the score stays the question's.
   */
  private addEntityRows(
    expression: string | undefined,
    entity: string,
    publicOnly: boolean,
    add: (rows: readonly LightRow[], adjust: (row: LightRow) => number) => void,
  ): void {
    // The name's rarest word is enough to find its pages; a whole phrase made FTS5 walk the positions of
    // common words ("hotel", "house") and cost more than the rest of the search.
    const rarest = this.rarestNameWord(entity);
    const phrase = rarest ? titlePhrase([rarest]) : undefined;
    if (!expression || !phrase) return;
    const rows = this.index.matchLight(`(${expression}) AND ${phrase}`, CANDIDATES, publicOnly);
    if (rows.length === 0) return;
    const phraseOnly = this.phraseOnly(phrase);
    add(rows, (row) => -(phraseOnly.get(row.chunkId) ?? 0));
  }

  private phraseOnly(phrase: string): Map<number, number> {
    if (this.phraseGeneration !== this.index.generation) {
      this.phraseScores = new Map();
      this.phraseGeneration = this.index.generation;
    }
    let scores = this.phraseScores.get(phrase);
    if (!scores) {
      if (this.phraseScores.size >= 1000) this.phraseScores.clear();
      scores = this.index.scores(phrase, CANDIDATES * 4);
      this.phraseScores.set(phrase, scores);
    }
    return scores;
  }

  private entityFactor(row: LightRow, target: EntityTarget): number {
    const w = this.weights;
    if (row.entity) {
      if (target.entity) return row.entity === target.entity ? w.sameEntity : w.otherEntity;
      return target.domain && row.domain !== target.domain ? w.otherEntity : w.entityButNoneNamed;
    }
    if (target.domain && row.domain && row.domain !== target.domain) return w.noEntityOtherDomain;
    return 1;
  }
}

export function toHit(row: ChunkRow, score: number): SearchHit {
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
