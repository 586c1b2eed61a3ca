/**
 * Lexical retrieval with no model: bm25 over the question's informative words, the chunks of the entity the
 * conversation is about, and a light re-weighing of the best candidates by the conversation so far. Returns
 * articles (best chunk each). Kept within a few milliseconds at 10,000 articles: the queries are FTS5's, but
 * answered from its posting lists held in memory (posting-match.ts: FTS5's bm25, equal to within 1e-9), and the
 * conversation is matched against the candidates through the same lists, not the whole index. While the
 * index keeps changing, or when a word is more than one token, FTS5 itself answers.
 */
import { contentTerms, withSynonyms, words } from "./analyze.js";
import { hasRow, ScoreBoard } from "./bm25.js";
import { bestChunkFirst } from "./chunk-choice.js";
import { EntityMatcher, type EntityTarget } from "./entities.js";
import { type ChunkRow, FTS_WEIGHTS, type KbIndex, type LightRow } from "./kb-index.js";
import { localeFactor, messageLanguage } from "./message-language.js";
import { CHUNK_TEXT_COLUMNS, type MemoryMatch, matchTerms, matchTermsInTitle, memberStems } from "./posting-match.js";
import {
  buildConcepts,
  CONTEXT_QUERY_BELOW,
  CONTEXT_QUERY_MAX,
  type Concept,
  chooseConcepts,
  conceptExpression,
  contextQueryShare,
  DEFAULT_PLAN_LIMITS,
  informativeness,
  memberWeights,
  type PlanLimits,
  titlePhrase,
  weightedExpressions,
} from "./query-plan.js";
import { phraseTerms } from "./support-lexicon.js";
import type { SearchHit, SearchQuery } from "./types.js";

const CANDIDATES = 200;
/**
 * How words from beyond the question's own count in its query. A synonym counts as the customer's own word:
 * weighing synonyms at 0.5-0.9 was measured and lost more first hits than it won (help-center holdout and
 * dev2, DSTC9), since a customer who writes "upload" means the attachment article as surely as one who
 * writes "attachment". The defaults came from a grid on the help-center parts and DSTC9 (see the report).
 */
export interface QueryWeights {
  /** What the words a two-word phrase stands for count ("stop paying": cancel, subscription). */
  phrase: number;
  /** Below this informativeness (query-plan.ts) the conversation's words join the query... */
  contextBelow: number;
  /** ...counting at most this much, for a question that says nothing by itself. */
  contextMax: number;
}

export const DEFAULT_QUERY_WEIGHTS: QueryWeights = { phrase: 0.7, contextBelow: CONTEXT_QUERY_BELOW, contextMax: CONTEXT_QUERY_MAX };

type WeightedExpression = { expression: string; weight: number };
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
  /**
   * What the question asks, for confidence and extraction: its own content terms, then the words its phrases
   * stand for and, for a question too vague to stand alone, the conversation's words that joined the query.
   */
  terms: string[];
  /** How informative each term is in this knowledge base, times its share in the query (same order as terms). */
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
    private readonly queryWeights: QueryWeights = DEFAULT_QUERY_WEIGHTS,
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
    // A sync in another process (`switchboard kb sync`) changed the index: the word statistics read below must
    // be its, or a question about a word the old index lacked finds nothing until the app restarts.
    this.index.noticeOtherWriters();
    const k = query.k ?? 5;
    const publicOnly = query.publicOnly === true;
    const context = query.context ?? [];
    const terms = contentTerms(query.text);
    const phraseWords = phraseTerms(terms);
    const target = this.entities().resolve(query.text, context);
    const stats = this.index.stats;
    const questionWords = withSynonyms([...terms, ...phraseWords]);
    const recent = context.slice(-CONTEXT_TURNS).join(" ");
    const contextTerms = contentTerms(recent).filter((t) => !terms.includes(t));
    // Every word of this search stemmed in one round trip to the scratch table (each costs a transaction).
    stats.stemsOf([...questionWords, ...contextTerms]);
    const termWeights = stats.weights(terms);
    const termDocs = stats.documentFrequencies(terms);
    const { phrase, contextBelow, contextMax } = this.queryWeights;
    const share = contextQueryShare(informativeness(termWeights, termDocs, stats.chunkCount()), contextBelow, contextMax);
    const queryContext = share > 0 ? contextTerms.filter((t) => !questionWords.includes(t)) : [];
    const allWords = queryContext.length > 0 ? withSynonyms([...questionWords, ...queryContext]) : questionWords;
    const stemList = stats.stemsOf(allWords);
    const docList = stats.documentFrequencies(allWords);
    const stems = new Map(allWords.map((w, i) => [w, stemList[i] as string]));
    const docs = new Map(allWords.map((w, i) => [w, docList[i] as number]));
    const stemOf = (w: string) => stems.get(w) ?? w;
    const docsOf = (w: string) => docs.get(w) ?? 0;
    const synonymsOf = (t: string) => withSynonyms([t]).slice(1);
    // One set of used words across the three, so a word is asked about once, at the weight it first came with.
    const used = new Set<string>();
    const concepts = [
      ...buildConcepts(terms, synonymsOf, stemOf, docsOf, () => 1, used),
      ...buildConcepts(phraseWords, synonymsOf, stemOf, docsOf, () => phrase, used),
    ];
    const contextConcepts = buildConcepts(queryContext, synonymsOf, stemOf, docsOf, () => share, used);
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
    // The conversation's words have a budget of their own: they must not push the question's own words out.
    const mainConcepts = [...chooseConcepts(concepts, this.limits), ...chooseConcepts(contextConcepts, CONTEXT_LIMITS)];
    const entityConcepts = target.entity ? chooseConcepts(concepts, ENTITY_LIMITS) : [];
    const memory = this.memoryMatch([...mainConcepts, ...entityConcepts], stemOf, publicOnly);
    const main = conceptExpression(mainConcepts);
    let mainRows: LightRow[] = [];
    if (main && memory) {
      const weights = memberWeights(mainConcepts);
      mainRows = this.index.rankedRows(matchTerms(memberStems(mainConcepts, stemOf) ?? [], CANDIDATES, memory, weights), publicOnly);
    } else if (main) mainRows = this.ftsRows(weightedExpressions(mainConcepts), publicOnly);
    add(mainRows);
    if (target.entity) {
      if (memory) this.addEntityRowsInMemory(entityConcepts, stemOf, target.entity, memory, publicOnly, add);
      else this.addEntityRows(weightedExpressions(entityConcepts), target.entity, publicOnly, add);
    }

    if (main && contextTerms.length > 0) this.addContext(mainRows, contextTerms, scores, memory !== undefined);
    // Scores are final from here on, so each entry is updated in place rather than copied.
    const ranked = [...scores.values()];
    const language = messageLanguage(query.text);
    for (const s of ranked) {
      const row = s.rows[0] as LightRow;
      // A Portuguese question is not answered first with a Spanish page, nor an English one with a French page.
      const locale = language === undefined ? 1 : localeFactor(this.index.localeOf(row.articleId) ?? "", language);
      s.score = (s.score + s.context * CONTEXT_WEIGHT) * this.entityFactor(row, target) * locale;
    }
    ranked.sort((a, b) => b.score - a.score || (a.rows[0] as LightRow).articleId.localeCompare((b.rows[0] as LightRow).articleId));
    // What the question is taken to ask: its own words, then those its phrases and (for a vague follow-up) the
    // conversation brought in, each at the share it had in the query.
    const borrowed = mainConcepts.filter((c) => c.weight !== undefined);
    const asked = [...terms, ...borrowed.map((c) => c.term)];
    const askedWeights = [...termWeights, ...stats.weights(borrowed.map((c) => c.term)).map((w, i) => w * ((borrowed[i] as Concept).weight ?? 1))];
    const hits = ranked
      .slice(0, k)
      .map(({ score, rows }) => toHit(bestChunkFirst(asked, this.index.hydrate(rows), undefined, (c) => this.index.chunkStems(c))[0] as ChunkRow, score));
    return { hits, target, terms: asked, termWeights: askedWeights, chunkCount: stats.chunkCount() };
  }

  /**
   * FTS5's answer when the lists in memory cannot be used. One expression is FTS5's own ranking; several (words
   * at different weights) are scored apart and summed, which is bm25 of them together, as in memory, except
   * that each expression's best rows are cut before the sum (only a large index would notice).
   */
  private ftsRows(groups: readonly WeightedExpression[], publicOnly: boolean, restrict?: string): LightRow[] {
    const [only] = groups;
    if (!only) return [];
    const expressionOf = (g: WeightedExpression) => (restrict ? `(${g.expression}) AND ${restrict}` : g.expression);
    if (groups.length === 1 && only.weight === 1 && !restrict) return this.index.matchLight(only.expression, CANDIDATES, publicOnly);
    const restrictShare = restrict ? this.phraseOnly(restrict) : undefined;
    const sum = new Map<number, number>();
    for (const group of groups)
      for (const [chunkId, rank] of this.index.scores(expressionOf(group), CANDIDATES)) {
        const own = rank - (restrictShare?.get(chunkId) ?? 0);
        sum.set(chunkId, (sum.get(chunkId) ?? 0) + own * group.weight);
      }
    const ranked = [...sum].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, CANDIDATES);
    return this.index.rankedRows(ranked, publicOnly);
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
    // FTS5 answers which of those chunks hold each word, with the same tokens the lists in memory hold.
    const ids = best.map((r) => r.chunkId);
    const holding = chosen.map((c) => this.index.chunksWithWord(c.term, ids));
    for (const row of best) {
      const entry = scores.get(row.articleId);
      if (!entry) continue;
      let value = 0;
      holding.forEach((chunks, i) => {
        if (chunks.has(row.chunkId)) value += weights[i] as number;
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
    add(this.index.rankedRows(matchTermsInTitle(termsOf, titleTerm, CANDIDATES, memory, memberWeights(concepts)), publicOnly));
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
    groups: readonly WeightedExpression[],
    entity: string,
    publicOnly: boolean,
    add: (rows: readonly LightRow[], adjust: (row: LightRow) => number) => void,
  ): void {
    // The name's rarest word is enough to find its pages; a whole phrase made FTS5 walk the positions of
    // common words ("hotel", "house") and cost more than the rest of the search.
    const rarest = this.rarestNameWord(entity);
    const phrase = rarest ? titlePhrase([rarest]) : undefined;
    const [only] = groups;
    if (!only || !phrase) return;
    if (groups.length > 1 || only.weight !== 1) {
      add(this.ftsRows(groups, publicOnly, phrase), () => 0);
      return;
    }
    const rows = this.index.matchLight(`(${only.expression}) AND ${phrase}`, CANDIDATES, publicOnly);
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
