/** A throwaway in-memory knowledge base built from a list of articles: the evaluation commands' index. */
import Database from "better-sqlite3";
import { KbIndex } from "./kb-index.js";
import { KB_SCHEMA_SQL } from "./schema.js";
import { KbSearcher } from "./search.js";
import type { SourceArticle } from "./types.js";

export interface TempKb {
  index: KbIndex;
  searcher: KbSearcher;
  close(): void;
}

export function buildTempKb(articles: readonly SourceArticle[]): TempKb {
  const db = new Database(":memory:");
  db.exec(KB_SCHEMA_SQL);
  const index = new KbIndex(db);
  db.transaction(() => {
    for (const article of articles) index.upsert(article, 0);
  })();
  return { index, searcher: new KbSearcher(index), close: () => db.close() };
}
