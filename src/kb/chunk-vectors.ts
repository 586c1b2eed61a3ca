/**
 * Embedding vectors of the knowledge base's chunks, kept in SQLite (kb_embeddings, keyed by model and a hash
 * of the embedded text). `refresh` embeds only chunks whose text has no vector yet, so after an incremental
 * sync only the changed articles cost a request; vectors no chunk uses any more are deleted. Searching is a
 * brute-force dot product over unit vectors held in memory, re-read when the index changes.
 */
import { createHash } from "node:crypto";
import type { EmbeddingsLike } from "../retrieval/embedding-cache.js";
import type { KbIndex } from "./kb-index.js";

const BATCH = 64;
const QUERY_CACHE_SIZE = 500;

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");

function unit(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values as ArrayLike<number>);
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

const toBuffer = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const fromBuffer = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

export interface VectorRefresh {
  embedded: number;
  reused: number;
  removed: number;
}

export interface NearChunk {
  chunkId: number;
  similarity: number;
}

export class ChunkVectors {
  private loaded?: { generation: number; ids: number[]; vectors: Float32Array[] };
  private readonly queries = new Map<string, Promise<Float32Array>>();

  constructor(
    private readonly index: KbIndex,
    readonly model: string,
    private readonly embeddings: EmbeddingsLike,
  ) {}

  /** Embeds the chunks that have no vector for this model yet and forgets vectors of chunks that are gone. */
  async refresh(now: number): Promise<VectorRefresh> {
    const db = this.index.db;
    const chunks = this.index.embeddingTexts().map((c) => ({ ...c, hash: hashOf(c.text) }));
    const stored = new Set(db.prepare("SELECT text_hash FROM kb_embeddings WHERE model = ?").pluck().all(this.model) as string[]);
    const wanted = new Set(chunks.map((c) => c.hash));
    const missing = [...new Map(chunks.filter((c) => !stored.has(c.hash)).map((c) => [c.hash, c])).values()];
    const insert = db.prepare("INSERT OR REPLACE INTO kb_embeddings (model, text_hash, vector, created_at) VALUES (?, ?, ?, ?)");
    for (let start = 0; start < missing.length; start += BATCH) {
      const batch = missing.slice(start, start + BATCH);
      const vectors = await this.embeddings.embedDocuments(batch.map((c) => c.text));
      if (vectors.length !== batch.length) throw new Error(`the embedding endpoint returned ${vectors.length} vectors for ${batch.length} texts`);
      db.transaction(() => {
        for (const [i, c] of batch.entries()) insert.run(this.model, c.hash, toBuffer(unit(vectors[i] as number[])), now);
      })();
      // Searched from now on, even if a later batch fails (the index has not changed, so nothing else would reload).
      this.loaded = undefined;
    }
    const stale = [...stored].filter((h) => !wanted.has(h));
    const remove = db.prepare("DELETE FROM kb_embeddings WHERE model = ? AND text_hash = ?");
    db.transaction(() => {
      for (const h of stale) remove.run(this.model, h);
    })();
    this.loaded = undefined;
    return { embedded: missing.length, reused: chunks.length - missing.length, removed: stale.length };
  }

  /** The query's unit vector; each distinct text is embedded once per process. */
  queryVector(text: string): Promise<Float32Array> {
    let vector = this.queries.get(text);
    if (!vector) {
      if (this.queries.size >= QUERY_CACHE_SIZE) this.queries.delete(this.queries.keys().next().value as string);
      vector = this.embeddings.embedQuery(text).then(unit);
      vector.catch(() => this.queries.delete(text));
      this.queries.set(text, vector);
    }
    return vector;
  }

  /**
   * Chunks most similar to the query vector, best first; chunks with no vector yet are not candidates, nor
   * vectors of another size than the query's (the model behind the name changed): comparing those is noise.
   */
  nearest(query: Float32Array, limit: number, accept: (chunkId: number) => boolean = () => true): NearChunk[] {
    const { ids, vectors } = this.vectorsInMemory();
    const scored: NearChunk[] = [];
    for (let i = 0; i < ids.length; i++) {
      const chunkId = ids[i] as number;
      if (!accept(chunkId)) continue;
      const v = vectors[i] as Float32Array;
      if (v.length !== query.length) continue;
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += (v[j] as number) * (query[j] as number);
      scored.push({ chunkId, similarity: dot });
    }
    scored.sort((a, b) => b.similarity - a.similarity || a.chunkId - b.chunkId);
    return scored.slice(0, limit);
  }

  /** How many chunks have a vector (for status and tests). */
  get size(): number {
    return this.vectorsInMemory().ids.length;
  }

  private vectorsInMemory(): { ids: number[]; vectors: Float32Array[] } {
    this.index.noticeOtherWriters();
    if (this.loaded && this.loaded.generation === this.index.generation) return this.loaded;
    const byHash = new Map<string, Float32Array>();
    for (const [hash, vector] of this.index.db.prepare("SELECT text_hash, vector FROM kb_embeddings WHERE model = ?").raw().all(this.model) as [
      string,
      Buffer,
    ][])
      byHash.set(hash, fromBuffer(vector));
    const ids: number[] = [];
    const vectors: Float32Array[] = [];
    for (const chunk of this.index.embeddingTexts()) {
      const vector = byHash.get(hashOf(chunk.text));
      if (!vector) continue;
      ids.push(chunk.chunkId);
      vectors.push(vector);
    }
    this.loaded = { generation: this.index.generation, ids, vectors };
    return this.loaded;
  }
}
