/**
 * The knowledge-base options configuration asks for: embeddings only when OPENAI_EMBEDDING_MODEL is set (and
 * a model endpoint is configured). The OpenAI client loads only then, so lexical-only starts stay light.
 */
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { KnowledgeBaseOptions } from "./knowledge-base.js";

export async function knowledgeBaseOptions(config: Readonly<Config>, logger?: Pick<Logger, "warn">): Promise<KnowledgeBaseOptions> {
  if (!config.model.configured || !config.model.embeddingModel) return { logger };
  const { createEmbeddings } = await import("../agent/chat-model.js");
  return { embeddings: createEmbeddings(config.model), embeddingModel: config.model.embeddingModel, logger };
}
