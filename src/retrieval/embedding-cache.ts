/**
 * Text vectors kept in SQLite, keyed by a namespace (what the texts are: "tools", "kb", ...), the embedding
 * model and a hash of the text, so a restart embeds nothing again and two users of one model never share rows.
 * The rows live in the table the first user created (tool_embeddings); its model column holds
 * "<namespace>:<model>", except for the "tools" namespace, which keeps the bare model name its rows always had.
 */
import { createHash } from "node:crypto";
import type { Db } from "../store/database.js";

export interface EmbeddingsLike {
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

const hash = (text: string) => createHash("sha256").update(text).digest("hex");

export const TOOLS_NAMESPACE = "tools";

/** The key a namespace and model are stored under. */
export function cacheKey(namespace: string, model: string): string {
  return namespace === TOOLS_NAMESPACE ? model : `${namespace}:${model}`;
}

export class EmbeddingCache {
  private readonly key: string;

  constructor(
    private readonly db: Db,
    model: string,
    readonly namespace: string = TOOLS_NAMESPACE,
  ) {
    if (!/^[a-z][a-z0-9_-]*$/.test(namespace)) throw new Error(`An embedding cache namespace is a lowercase word, not "${namespace}".`);
    this.key = cacheKey(namespace, model);
  }

  /** Vectors for every text, embedding only those not stored yet (one batch call). */
  async vectors(texts: readonly string[], embeddings: EmbeddingsLike, now: number): Promise<Float32Array[]> {
    const select = this.db.prepare("SELECT vector FROM tool_embeddings WHERE model = ? AND text_hash = ?");
    const found = texts.map((text) => {
      const row = select.get(this.key, hash(text)) as { vector: Buffer } | undefined;
      return row ? new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)) : undefined;
    });
    const missing = texts.map((text, i) => ({ text, i })).filter(({ i }) => found[i] === undefined);
    if (missing.length > 0) {
      const fresh = await embeddings.embedDocuments(missing.map((m) => m.text));
      const insert = this.db.prepare("INSERT OR REPLACE INTO tool_embeddings (model, text_hash, vector, created_at) VALUES (?, ?, ?, ?)");
      this.db.transaction(() => {
        missing.forEach((m, j) => {
          const vector = Float32Array.from(fresh[j] ?? []);
          found[m.i] = vector;
          insert.run(this.key, hash(m.text), Buffer.from(vector.buffer), now);
        });
      })();
    }
    return found as Float32Array[];
  }
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
