/**
 * The knowledge base in SQLite: articles, their heading chunks and an FTS5 index over title, heading,
 * collection and body. Writing is incremental (an unchanged article is left alone); searching is lexical bm25
 * with the conversation and the entity it names taken into account (see search.ts).
 */
import { createHash } from "node:crypto";
import { stemSet } from "../domain/faq/extract.js";
import type { Db } from "../store/database.js";
import { chunkArticle } from "./chunk.js";
import { PostingStore } from "./postings.js";
import { TermStats } from "./term-stats.js";
import type { Chunk, KbArticleRow, KbSource, SourceArticle, Visibility } from "./types.js";

export type UpsertResult = "added" | "changed" | "unchanged";

export interface KbIndexOptions {
  /** The clock that paces rebuilding the in-memory posting lists while the index keeps changing. */
  now?: () => number;
}

export interface ChunkRow {
  chunkId: number;
  articleId: string;
  heading: string;
  anchorUrl?: string;
  text: string;
  title: string;
  url?: string;
  collection: string;
  visibility: Visibility;
  entity: string;
  domain: string;
  locale: string;
  rank: number;
}

export function contentHash(article: SourceArticle): string {
  const meaning = [
    article.title,
    article.url ?? "",
    article.collection,
    article.visibility,
    article.locale,
    article.entity ?? "",
    article.domain ?? "",
    article.body,
  ];
  return createHash("sha256").update(meaning.join("\u0000")).digest("hex");
}

interface ArticleDbRow {
  id: string;
  source: KbSource;
  source_id: string;
  title: string;
  url: string | null;
  collection: string;
  visibility: Visibility;
  locale: string;
  entity: string;
  domain: string;
  author: string | null;
  updated_at: number;
}

const toRow = (r: ArticleDbRow): KbArticleRow => ({
  id: r.id,
  source: r.source,
  sourceId: r.source_id,
  title: r.title,
  url: r.url ?? undefined,
  collection: r.collection,
  visibility: r.visibility,
  locale: r.locale,
  entity: r.entity,
  domain: r.domain,
  author: r.author ?? undefined,
  updatedAt: r.updated_at,
});

function prepare(db: Db) {
  return {
    hash: db.prepare("SELECT content_hash FROM kb_articles WHERE id = ?").pluck(),
    deleteFts: db.prepare("DELETE FROM kb_fts WHERE rowid IN (SELECT id FROM kb_chunks WHERE article_id = ?)"),
    deleteChunks: db.prepare("DELETE FROM kb_chunks WHERE article_id = ?"),
    deleteArticle: db.prepare("DELETE FROM kb_articles WHERE id = ?"),
    upsertArticle:
      db.prepare(`INSERT INTO kb_articles (id, source, source_id, title, url, collection, visibility, locale, entity, domain, author, updated_at, content_hash, synced_at)
      VALUES (@id, @source, @sourceId, @title, @url, @collection, @visibility, @locale, @entity, @domain, @author, @updatedAt, @hash, @now)
      ON CONFLICT (id) DO UPDATE SET source = excluded.source, source_id = excluded.source_id, title = excluded.title, url = excluded.url,
        collection = excluded.collection, visibility = excluded.visibility, locale = excluded.locale, entity = excluded.entity,
        domain = excluded.domain, author = excluded.author, updated_at = excluded.updated_at, content_hash = excluded.content_hash,
        synced_at = excluded.synced_at`),
    insertChunk: db.prepare("INSERT INTO kb_chunks (article_id, position, heading, anchor_url, text) VALUES (?, ?, ?, ?, ?)"),
    insertFts: db.prepare("INSERT INTO kb_fts (rowid, title, heading, collection, body) VALUES (?, ?, ?, ?, ?)"),
    // Author and date are not in the content hash (a new author does not re-chunk), but they are what `kb status`
    // reports as stale: an unchanged article still takes them over.
    touch: db.prepare("UPDATE kb_articles SET synced_at = ?, updated_at = ?, author = ? WHERE id = ?"),
    version: db.prepare("SELECT updated_at AS updatedAt, synced_at AS syncedAt FROM kb_articles WHERE id = ?"),
    idsBySource: db.prepare("SELECT id FROM kb_articles WHERE source = ?").pluck(),
    article: db.prepare("SELECT * FROM kb_articles WHERE id = ?"),
    entities: db.prepare("SELECT DISTINCT entity AS name, domain FROM kb_articles WHERE entity != '' OR domain != ''"),
    matchIds: db
      .prepare<[string, number]>(`SELECT rowid, bm25(kb_fts, ${FTS_WEIGHTS.join(", ")}) AS score FROM kb_fts WHERE kb_fts MATCH ? ORDER BY score LIMIT ?`)
      .raw(),
    chunksMatching: db.prepare<[string, string]>("SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))").pluck(),
    chunk: db.prepare("SELECT article_id, heading, anchor_url, text FROM kb_chunks WHERE id = ?").raw(),
    allMeta: db.prepare("SELECT id, title, url, collection, visibility, entity, domain, locale FROM kb_articles"),
    chunkArticles: db.prepare("SELECT id, article_id FROM kb_chunks").raw(),
    dataVersion: db.prepare("PRAGMA data_version").pluck(),
    domainTitles: db.prepare("SELECT domain, title FROM kb_articles WHERE domain != ''"),
    embeddingTexts: db.prepare("SELECT c.id, a.title, c.heading, c.text FROM kb_chunks c JOIN kb_articles a ON a.id = c.article_id ORDER BY c.id").raw(),
  };
}

export class KbIndex {
  private readonly statements: ReturnType<typeof prepare>;

  /** Bumped on every change, so a searcher knows when its entity list is stale. */
  generation = 0;

  /** Document frequencies from FTS5's vocabulary, re-read when the index has changed. */
  readonly stats: TermStats;

  /** The index's posting lists and row sizes in memory, for bm25 without a query (see bm25.ts). */
  readonly postings: PostingStore;

  constructor(
    readonly db: Db,
    options: KbIndexOptions = {},
  ) {
    this.statements = prepare(db);
    this.stats = new TermStats(db, { generation: () => this.generation, now: options.now });
    this.postings = new PostingStore(db, { generation: () => this.generation, columns: FTS_COLUMNS, now: options.now });
  }

  /** Adds or replaces one article and its chunks, unless nothing that matters changed. */
  upsert(article: SourceArticle, now: number): UpsertResult {
    const hash = contentHash(article);
    const previous = this.statements.hash.get(article.id) as string | undefined;
    if (previous === hash) {
      this.statements.touch.run(now, article.updatedAt, article.author ?? null, article.id);
      return "unchanged";
    }
    const chunks = chunkArticle(article.body, article.url);
    this.db.transaction(() => {
      this.removeChunks(article.id);
      this.statements.upsertArticle.run({
        id: article.id,
        source: article.source,
        sourceId: article.sourceId,
        title: article.title,
        url: article.url ?? null,
        collection: article.collection,
        visibility: article.visibility,
        locale: article.locale,
        entity: article.entity ?? "",
        domain: article.domain ?? "",
        author: article.author ?? null,
        updatedAt: article.updatedAt,
        hash,
        now,
      });
      this.insertChunks(article, chunks);
    })();
    this.metaCache?.set(article.id, {
      title: article.title,
      url: article.url,
      collection: article.collection,
      visibility: article.visibility,
      entity: article.entity ?? "",
      domain: article.domain ?? "",
      locale: article.locale,
    });
    this.chunkArticles = undefined;
    this.generation += 1;
    return previous === undefined ? "added" : "changed";
  }

  private insertChunks(article: SourceArticle, chunks: readonly Chunk[]): void {
    for (const chunk of chunks) {
      const info = this.statements.insertChunk.run(article.id, chunk.position, chunk.heading, chunk.anchorUrl ?? null, chunk.text);
      const rowid = Number(info.lastInsertRowid);
      // The entity's name counts as title text: a question naming the hotel should find that hotel's pages.
      const title = article.entity ? `${article.title} ${article.entity}` : article.title;
      this.statements.insertFts.run(rowid, title, chunk.heading, article.collection, chunk.text);
    }
  }

  private removeChunks(articleId: string): void {
    this.statements.deleteFts.run(articleId);
    this.statements.deleteChunks.run(articleId);
  }

  remove(articleId: string): void {
    this.db.transaction(() => {
      this.removeChunks(articleId);
      this.statements.deleteArticle.run(articleId);
    })();
    this.metaCache?.delete(articleId);
    this.chunkArticles = undefined;
    this.generation += 1;
  }

  /** When the indexed copy was last changed in Intercom and last written here (Unix seconds), if it is indexed. */
  storedVersion(articleId: string): { updatedAt: number; syncedAt: number } | undefined {
    return this.statements.version.get(articleId) as { updatedAt: number; syncedAt: number } | undefined;
  }

  idsOfSource(source: KbSource): string[] {
    return this.statements.idsBySource.all(source) as string[];
  }

  article(id: string): KbArticleRow | undefined {
    const row = this.statements.article.get(id) as ArticleDbRow | undefined;
    return row ? toRow(row) : undefined;
  }

  /** Named entities and bare domains (a domain-wide article has a domain and no entity). */
  entities(): { name: string; domain: string }[] {
    return this.statements.entities.all() as { name: string; domain: string }[];
  }

  /** How informative each word is here: inverse document frequency over chunks (stemmed like the index). */
  termWeights(terms: readonly string[]): number[] {
    return this.stats.weights(terms);
  }

  domainTitles(): { domain: string; title: string }[] {
    return this.statements.domainTitles.all() as { domain: string; title: string }[];
  }

  /**
   * Chunks matching an FTS5 expression, best bm25 first (title and headings weigh most), with only what
   * ranking needs. FTS5 returns ids and scores; the article of each chunk and the article's fields come from
   * memory, because reading them per candidate row cost more than the search itself.
   */
  matchLight(expression: string, limit: number, publicOnly: boolean): LightRow[] {
    this.noticeOtherWriters();
    const ranked = this.statements.matchIds.all(expression, limit) as [number, number][];
    const articles = this.chunkArticleMap();
    const out: LightRow[] = [];
    for (const [chunkId, rank] of ranked) {
      const articleId = articles.get(chunkId);
      const meta = articleId === undefined ? undefined : this.articleMeta(articleId);
      if (articleId === undefined || !meta || (publicOnly && meta.visibility !== "public")) continue;
      out.push({ chunkId, articleId, rank, entity: meta.entity, domain: meta.domain, visibility: meta.visibility });
    }
    return out;
  }

  /** The full rows (text, heading, anchor, article fields) of ranked chunks, in the same order. */
  hydrate(rows: readonly LightRow[]): ChunkRow[] {
    const out: ChunkRow[] = [];
    for (const row of rows) {
      const chunk = this.statements.chunk.get(row.chunkId) as [string, string, string | null, string] | undefined;
      const meta = this.articleMeta(row.articleId);
      if (!chunk || !meta) continue;
      // Fields one by one: spreading the driver's row objects was slower than the FTS5 query itself.
      out.push({
        chunkId: row.chunkId,
        articleId: row.articleId,
        heading: chunk[1],
        anchorUrl: chunk[2] ?? undefined,
        text: chunk[3],
        title: meta.title,
        url: meta.url,
        collection: meta.collection,
        visibility: meta.visibility,
        entity: meta.entity,
        domain: meta.domain,
        locale: meta.locale,
        rank: row.rank,
      });
    }
    return out;
  }

  /** Chunks matching an FTS5 expression with all their fields, best first. */
  match(expression: string, limit: number, publicOnly: boolean): ChunkRow[] {
    return this.hydrate(this.matchLight(expression, limit, publicOnly));
  }

  /** bm25 per chunk id for an expression, nothing else read. */
  scores(expression: string, limit: number): Map<number, number> {
    return new Map(this.statements.matchIds.all(expression, limit) as [number, number][]);
  }

  /**
   * Which of these chunks have the word in their heading or text, by FTS5's own tokens (its stemmer), so the
   * answer is the one the posting lists in memory give.
   */
  chunksWithWord(word: string, chunkIds: readonly number[]): Set<number> {
    const clean = word.replace(/"/g, "");
    if (!clean || chunkIds.length === 0) return new Set();
    return new Set(this.statements.chunksMatching.all(`{heading body} : "${clean}"`, JSON.stringify(chunkIds)) as number[]);
  }

  /** Every chunk with what an embedding of it should read: the article's title, the heading and the text. */
  embeddingTexts(): { chunkId: number; text: string }[] {
    this.noticeOtherWriters();
    return (this.statements.embeddingTexts.all() as [number, string, string, string][]).map(([chunkId, title, heading, text]) => ({
      chunkId,
      text: [title, heading, text].filter(Boolean).join("\n"),
    }));
  }

  /** Ranking rows for chunk ids found some other way (embeddings), in the given order; unknown ids are skipped. */
  lightRows(chunkIds: readonly number[], publicOnly: boolean): LightRow[] {
    return this.rankedRows(
      chunkIds.map((id) => [id, 0]),
      publicOnly,
    );
  }

  /** Ranking rows for chunks scored some other way (bm25 in memory), in the given order; unknown ids are skipped. */
  rankedRows(ranked: readonly (readonly [number, number])[], publicOnly: boolean): LightRow[] {
    this.noticeOtherWriters();
    const byChunk = this.chunkFields();
    const out: LightRow[] = [];
    for (const [chunkId, rank] of ranked) {
      const fields = byChunk[chunkId];
      if (!fields || (publicOnly && fields.visibility !== "public")) continue;
      out.push({ chunkId, articleId: fields.articleId, rank, entity: fields.entity, domain: fields.domain, visibility: fields.visibility });
    }
    return out;
  }

  /** Whether a chunk is public (for filtering before the best rows are cut, not after). */
  isPublic(chunkId: number): boolean {
    return this.chunkFields()[chunkId]?.visibility === "public";
  }

  /**
   * What ranking needs of each chunk's article, indexed by chunk id: two Map lookups for each of a question's
   * hundreds of candidate rows showed in profiles. Rebuilt with the chunk-to-article map.
   */
  private chunkFields(): (RowFields | undefined)[] {
    const articles = this.chunkArticleMap();
    if (this.fieldsByChunk && this.fieldsFrom === articles) return this.fieldsByChunk;
    const out: (RowFields | undefined)[] = [];
    for (const [chunkId, articleId] of articles) {
      const meta = this.articleMeta(articleId);
      if (meta) out[chunkId] = { articleId, entity: meta.entity, domain: meta.domain, visibility: meta.visibility };
    }
    this.fieldsByChunk = out;
    this.fieldsFrom = articles;
    return out;
  }

  private fieldsByChunk?: (RowFields | undefined)[];
  private fieldsFrom?: Map<number, string>;

  private chunkArticles?: Map<number, string>;
  /** Each chunk's stems as one string (see StemBag), for the generation they were computed in. */
  private readonly stemSets = new Map<number, string>();
  private stemSetsGeneration = -1;

  /**
   * The crude stems of a chunk's heading and text, kept per chunk until the index changes: choosing the chunk
   * to quote compares them with every question, and computing them again each time was a fifth of a search.
   * Kept as one string rather than a Set of strings: thousands of small Sets surviving young-generation GC made
   * its pauses the slowest part of a never-seen question.
   */
  chunkStems(chunk: Pick<ChunkRow, "chunkId" | "heading" | "text">): StemBag {
    if (this.stemSetsGeneration !== this.generation) {
      this.stemSets.clear();
      this.stemSetsGeneration = this.generation;
    }
    const cached = this.stemSets.get(chunk.chunkId);
    if (cached !== undefined) return new StemBag(cached);
    if (this.stemSets.size >= MAX_STEM_SETS) this.stemSets.clear();
    const joined = StemBag.join(stemSet(`${chunk.heading} ${chunk.text}`));
    this.stemSets.set(chunk.chunkId, joined);
    return new StemBag(joined);
  }

  /** The article's locale as indexed ("en", "fr-CA"), or undefined for an id not in the index. */
  localeOf(articleId: string): string | undefined {
    return this.articleMeta(articleId)?.locale;
  }

  private chunkArticleMap(): Map<number, string> {
    if (!this.chunkArticles) this.chunkArticles = new Map(this.statements.chunkArticles.all() as [number, string][]);
    return this.chunkArticles;
  }

  private metaCache?: Map<string, ArticleMeta>;

  private articleMeta(id: string): ArticleMeta | undefined {
    if (!this.metaCache) {
      this.metaCache = new Map();
      for (const r of this.statements.allMeta.all() as (ArticleMeta & { id: string; url: string | null })[])
        this.metaCache.set(r.id, {
          title: r.title,
          url: r.url ?? undefined,
          collection: r.collection,
          visibility: r.visibility,
          entity: r.entity,
          domain: r.domain,
          locale: r.locale,
        });
    }
    return this.metaCache.get(id);
  }

  private dataVersion?: number;

  /** Another process (a CLI sync) may have changed the tables: then every cache here starts again. */
  noticeOtherWriters(): void {
    const version = this.statements.dataVersion.get() as number;
    if (this.dataVersion !== undefined && version !== this.dataVersion) {
      this.metaCache = undefined;
      this.chunkArticles = undefined;
      this.generation += 1;
    }
    this.dataVersion = version;
  }
}

const MAX_STEM_SETS = 20_000;

/** A set of stems held as " a b c ": stems never contain a space, so membership is a substring test. */
export class StemBag {
  constructor(private readonly joined: string) {}

  static join(stems: Iterable<string>): string {
    return ` ${[...stems].join(" ")} `;
  }

  has(stem: string): boolean {
    return this.joined.includes(` ${stem} `);
  }
}

/** kb_fts's columns in schema order, and the bm25 weight of each (title and headings say most). */
export const FTS_COLUMNS = ["title", "heading", "collection", "body"] as const;
export const FTS_WEIGHTS = [5.0, 3.0, 1.5, 1.0] as const;

/** What ranking needs of a matched chunk; `hydrate` reads the rest for the few that are shown. */
export type LightRow = Pick<ChunkRow, "chunkId" | "articleId" | "rank" | "entity" | "domain" | "visibility">;

type RowFields = Pick<ChunkRow, "articleId" | "entity" | "domain" | "visibility">;

type ArticleMeta = Pick<ChunkRow, "title" | "url" | "collection" | "visibility" | "entity" | "domain" | "locale">;
