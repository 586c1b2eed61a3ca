/** The app's knowledge base over its database: the index and a searcher that share it. */
import type { Db } from "../store/database.js";
import { KbIndex } from "./kb-index.js";
import { KbSearcher } from "./search.js";

export interface KnowledgeBase {
  index: KbIndex;
  searcher: KbSearcher;
}

export function createKnowledgeBase(db: Db): KnowledgeBase {
  const index = new KbIndex(db);
  return { index, searcher: new KbSearcher(index) };
}
