/**
 * Picks the few tools a model request carries. Lexical BM25 always; when an embedding model is configured,
 * its ranking is fused with BM25's by reciprocal rank, so either signal can lift a tool the other missed.
 */
import type { ToolDefinition } from "../../tools/define.js";
import type { Logger } from "../logger.js";
import { cosine, type EmbeddingCache, type EmbeddingsLike } from "../retrieval/embedding-cache.js";
import { buildToolIndex, type RankedTool, rankTools, type ToolIndex, toRetrievable } from "./tool-retriever.js";

export interface ToolSelectorOptions {
  embeddings?: EmbeddingsLike;
  cache?: EmbeddingCache;
  logger?: Logger;
  now?: () => number;
}

// The usual constant for reciprocal rank fusion; it keeps one list's top item from swamping the other.
const RRF_K = 60;
const QUERY_CACHE_SIZE = 200;

const embeddingText = (tool: ToolDefinition) => `${tool.title}. ${tool.description} Keywords: ${(tool.keywords ?? []).join(", ")}`;

export class ToolSelector {
  private readonly index: ToolIndex;
  private readonly byName: Map<string, ToolDefinition>;
  private vectors?: Promise<Map<string, Float32Array>>;
  // Every model call of a run asks about the same request; embed it once.
  private readonly queryVectors = new Map<string, Promise<number[]>>();

  constructor(
    readonly tools: readonly ToolDefinition[],
    private readonly options: ToolSelectorOptions = {},
  ) {
    this.index = buildToolIndex(tools.map(toRetrievable));
    this.byName = new Map(tools.map((t) => [t.name, t]));
  }

  get hybrid(): boolean {
    return this.options.embeddings !== undefined;
  }

  lexical(query: string, allowed?: ReadonlySet<string>): RankedTool[] {
    return rankTools(this.index, query, allowed);
  }

  async rank(query: string, allowed?: ReadonlySet<string>): Promise<RankedTool[]> {
    const lexical = this.lexical(query, allowed);
    const embeddings = this.options.embeddings;
    if (!embeddings || query.trim() === "") return lexical;
    try {
      const [vectors, q] = await Promise.all([this.toolVectors(embeddings), this.queryVector(embeddings, query)]);
      const semantic = lexical.map((t) => ({ name: t.name, score: cosine(q, vectors.get(t.name) ?? []) })).sort((a, b) => b.score - a.score);
      return fuse(lexical, semantic);
    } catch (error) {
      this.options.logger?.warn({ err: error }, "embedding lookup failed; using lexical tool selection for this request");
      return lexical;
    }
  }

  async select(query: string, k: number, allowed?: ReadonlySet<string>): Promise<ToolDefinition[]> {
    const ranked = await this.rank(query, allowed);
    return ranked.slice(0, Math.max(0, k)).map((r) => this.byName.get(r.name) as ToolDefinition);
  }

  get(name: string): ToolDefinition | undefined {
    return this.byName.get(name);
  }

  private queryVector(embeddings: EmbeddingsLike, query: string): Promise<number[]> {
    let vector = this.queryVectors.get(query);
    if (!vector) {
      if (this.queryVectors.size >= QUERY_CACHE_SIZE) this.queryVectors.delete(this.queryVectors.keys().next().value as string);
      vector = embeddings.embedQuery(query);
      vector.catch(() => this.queryVectors.delete(query));
      this.queryVectors.set(query, vector);
    }
    return vector;
  }

  private toolVectors(embeddings: EmbeddingsLike): Promise<Map<string, Float32Array>> {
    this.vectors ??= (async () => {
      const texts = this.tools.map(embeddingText);
      const now = this.options.now?.() ?? Date.now();
      const list = this.options.cache
        ? await this.options.cache.vectors(texts, embeddings, now)
        : (await embeddings.embedDocuments(texts)).map((v) => Float32Array.from(v));
      return new Map(this.tools.map((t, i) => [t.name, list[i] as Float32Array]));
    })().catch((error) => {
      this.vectors = undefined;
      throw error;
    });
    return this.vectors;
  }
}

/** Reciprocal rank fusion of two rankings over the same tools. */
export function fuse(a: readonly RankedTool[], b: readonly RankedTool[]): RankedTool[] {
  const scores = new Map<string, number>();
  for (const list of [a, b]) {
    for (const [i, t] of list.entries()) scores.set(t.name, (scores.get(t.name) ?? 0) + 1 / (RRF_K + i + 1));
  }
  const order = new Map(a.map((t, i) => [t.name, i]));
  return [...scores.entries()]
    .map(([name, score]) => ({ name, score }))
    .sort((x, y) => y.score - x.score || (order.get(x.name) ?? 0) - (order.get(y.name) ?? 0));
}
