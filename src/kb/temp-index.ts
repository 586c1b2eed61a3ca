/** A throwaway in-memory knowledge base built from a list of articles: the evaluation commands' index. */
import Database from "better-sqlite3";
import type { EmbeddingsLike } from "../retrieval/embedding-cache.js";
import { ChunkVectors } from "./chunk-vectors.js";
import { HybridSearcher, type KbRetriever } from "./hybrid-search.js";
import { KbIndex } from "./kb-index.js";
import { KB_REMOVALS_SQL, KB_SCHEMA_SQL } from "./schema.js";
import { KbSearcher } from "./search.js";
import type { SourceArticle } from "./types.js";

export interface TempKb {
  index: KbIndex;
  searcher: KbSearcher;
  close(): void;
}

export function buildTempKb(articles: readonly SourceArticle[]): TempKb {
  const db = new Database(":memory:");
  db.exec(KB_SCHEMA_SQL + KB_REMOVALS_SQL);
  const index = new KbIndex(db);
  db.transaction(() => {
    for (const article of articles) index.upsert(article, 0);
  })();
  return { index, searcher: new KbSearcher(index), close: () => db.close() };
}

/** The retriever an evaluation command uses: hybrid when embeddings are given (every chunk embedded first). */
export async function tempRetriever(kb: TempKb, embeddings?: { embeddings: EmbeddingsLike; model: string }): Promise<KbRetriever> {
  if (!embeddings) return kb.searcher;
  const vectors = new ChunkVectors(kb.index, embeddings.model, embeddings.embeddings);
  await vectors.refresh(0);
  return new HybridSearcher(kb.searcher, kb.index, vectors);
}
