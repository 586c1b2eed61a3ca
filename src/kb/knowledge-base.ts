/**
 * The app's knowledge base over its database: the index, the lexical searcher and the retriever the FAQ flow
 * asks (hybrid when an embedding model is configured, else the lexical searcher itself).
 */
import type { Logger } from "../logger.js";
import type { EmbeddingsLike } from "../retrieval/embedding-cache.js";
import type { Db } from "../store/database.js";
import { ChunkVectors } from "./chunk-vectors.js";
import { HybridSearcher, type KbRetriever } from "./hybrid-search.js";
import { KbIndex } from "./kb-index.js";
import { KbSearcher } from "./search.js";

export interface KnowledgeBase {
  index: KbIndex;
  searcher: KbSearcher;
  /** What answers questions: `searcher`, or the hybrid searcher over it when embeddings are configured. */
  retriever: KbRetriever;
  /** Chunk vectors, only with embeddings; a sync refreshes them for changed chunks. */
  vectors?: ChunkVectors;
}

export interface KnowledgeBaseOptions {
  /** OPENAI_EMBEDDING_MODEL's embeddings (createEmbeddings in src/agent/chat-model.ts); none → lexical only. */
  embeddings?: EmbeddingsLike;
  embeddingModel?: string;
  logger?: Pick<Logger, "warn">;
}

export function createKnowledgeBase(db: Db, options: KnowledgeBaseOptions = {}): KnowledgeBase {
  const index = new KbIndex(db);
  const searcher = new KbSearcher(index);
  if (!options.embeddings) return { index, searcher, retriever: searcher };
  const vectors = new ChunkVectors(index, options.embeddingModel ?? "default", options.embeddings);
  return { index, searcher, retriever: new HybridSearcher(searcher, index, vectors, options.logger), vectors };
}
