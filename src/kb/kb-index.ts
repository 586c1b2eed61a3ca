/**
 * The knowledge base in SQLite: articles, their heading chunks and an FTS5 index over title, heading,
 * collection and body. Writing is incremental (an unchanged article is left alone); searching is lexical bm25
 * with the conversation and the entity it names taken into account (see search.ts).
 */
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type { Db } from "../store/database.js";
import { chunkArticle } from "./chunk.js";
import type { Chunk, KbArticleRow, KbSource, SourceArticle, Visibility } from "./types.js";

export type UpsertResult = "added" | "changed" | "unchanged";

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
    touch: db.prepare("UPDATE kb_articles SET synced_at = ? WHERE id = ?"),
    idsBySource: db.prepare("SELECT id FROM kb_articles WHERE source = ?").pluck(),
    article: db.prepare("SELECT * FROM kb_articles WHERE id = ?"),
    entities: db.prepare("SELECT DISTINCT entity AS name, domain FROM kb_articles WHERE entity != '' OR domain != ''"),
    domainTitles: db.prepare("SELECT domain, title FROM kb_articles WHERE domain != ''"),
    termCount: db.prepare("SELECT COUNT(*) FROM kb_fts WHERE kb_fts MATCH ?").pluck(),
    chunkCount: db.prepare("SELECT COUNT(*) FROM kb_chunks").pluck(),
  };
}

export class KbIndex {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly matchStatements = new Map<string, Database.Statement<[string, number]>>();

  /** Bumped on every change, so a searcher knows when its entity list is stale. */
  generation = 0;

  constructor(readonly db: Db) {
    this.statements = prepare(db);
  }

  /** Adds or replaces one article and its chunks, unless nothing that matters changed. */
  upsert(article: SourceArticle, now: number): UpsertResult {
    const hash = contentHash(article);
    const previous = this.statements.hash.get(article.id) as string | undefined;
    if (previous === hash) {
      this.statements.touch.run(now, article.id);
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
    this.generation += 1;
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

  /**
   * How informative each word is here: inverse document frequency over chunks (stemmed like the index). A
   * word the knowledge base never uses gets an ordinary weight: it may be the question's key word or chatter.
   */
  termWeights(terms: readonly string[]): number[] {
    if (this.weightsGeneration !== this.generation) {
      this.weightCache.clear();
      this.weightsGeneration = this.generation;
    }
    const total = Math.max(1, this.statements.chunkCount.get() as number);
    return terms.map((term) => {
      let weight = this.weightCache.get(term);
      if (weight === undefined) {
        const df = this.statements.termCount.get(`"${term.replace(/"/g, "")}"`) as number;
        weight = df === 0 ? 1 : Math.log(1 + total / df);
        this.weightCache.set(term, weight);
      }
      return weight;
    });
  }

  private readonly weightCache = new Map<string, number>();
  private weightsGeneration = -1;

  domainTitles(): { domain: string; title: string }[] {
    return this.statements.domainTitles.all() as { domain: string; title: string }[];
  }

  /** Chunks matching an FTS5 expression, best bm25 first (title and headings weigh most). */
  match(expression: string, limit: number, publicOnly: boolean): ChunkRow[] {
    const sql = `SELECT c.id AS chunkId, c.article_id AS articleId, c.heading, c.anchor_url AS anchorUrl, c.text, a.title, a.url, a.collection,
        a.visibility, a.entity, a.domain, a.locale, s.rank
      FROM (SELECT rowid, bm25(kb_fts, 5.0, 3.0, 1.5, 1.0) AS rank FROM kb_fts WHERE kb_fts MATCH ? ORDER BY rank LIMIT ?) s
      JOIN kb_chunks c ON c.id = s.rowid JOIN kb_articles a ON a.id = c.article_id
      ${publicOnly ? "WHERE a.visibility = 'public'" : ""}
      ORDER BY s.rank`;
    const key = `${limit}:${publicOnly}`;
    let statement = this.matchStatements.get(key);
    if (!statement) {
      statement = this.db.prepare<[string, number]>(sql);
      this.matchStatements.set(key, statement);
    }
    return (statement.all(expression, limit) as (ChunkRow & { anchorUrl: string | null; url: string | null })[]).map((r) => ({
      ...r,
      anchorUrl: r.anchorUrl ?? undefined,
      url: r.url ?? undefined,
    }));
  }
}
