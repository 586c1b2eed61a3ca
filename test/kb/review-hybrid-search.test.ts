/**
 * Hybrid retrieval at question time, from a review against issue 11: a hung or failing embedding endpoint,
 * the conversation's named place, internal chunks in a public-only search, and vectors of another size.
 * HTTP is the point where the endpoint fails (real OpenAIEmbeddings against the fake server); a fake
 * EmbeddingsLike stands in where only the timing or the vectors matter.
 */
import { join } from "node:path";
import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChunkVectors } from "../../src/kb/chunk-vectors.js";
import { HybridSearcher } from "../../src/kb/hybrid-search.js";
import { createKnowledgeBase } from "../../src/kb/knowledge-base.js";
import type { SourceArticle } from "../../src/kb/types.js";
import type { EmbeddingsLike } from "../../src/retrieval/embedding-cache.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { type FakeOpenAI, startFakeOpenAI } from "../fakes/fake-openai-server.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

// One dimension per meaning, so "puppy" finds the dogs article only through its vector.
const MEANINGS: Record<string, number> = { dog: 0, dogs: 0, puppy: 0, pets: 0, pet: 0, parking: 1, car: 1, wifi: 2, breakfast: 3 };
const meaningVector = (text: string) => {
  const v = [0.01, 0.01, 0.01, 0.01, 0.01];
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) v[MEANINGS[word] ?? 4] += MEANINGS[word] === undefined ? 0.05 : 1;
  return v;
};

/** Embeddings with the meaning vectors above, whose queries can be made to hang or to change size. */
class ScriptedEmbeddings implements EmbeddingsLike {
  hang = false;
  queryDimensions?: number;
  queries = 0;
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map(meaningVector);
  }
  embedQuery(text: string): Promise<number[]> {
    this.queries += 1;
    if (this.hang) return new Promise(() => {});
    const v = meaningVector(text);
    return Promise.resolve(this.queryDimensions ? v.slice(0, this.queryDimensions) : v);
  }
}

const article = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}) =>
  helpArticle(id, title, body, { source: "article", collection: "Stay", ...extra });

const temp = makeTempDir();
let db: Db;
let fake: FakeOpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI([], { embeddingsStatus: 500 });
  db = openDatabase(join(temp.dir, "kb.db"));
});
afterAll(async () => {
  db.close();
  await fake.close();
  temp.cleanup();
});

const hotelArticles = (hotel: string, slug: string) => [
  article(`${slug}-pets`, `Pets at ${hotel}`, "<p>Dogs are welcome in every room for a small fee.</p>", { entity: hotel, domain: "hotel" }),
  article(`${slug}-park`, `Parking at ${hotel}`, "<p>Parking is free in the garage under the building.</p>", { entity: hotel, domain: "hotel" }),
];

describe("hybrid retrieval at question time", () => {
  it("falls back to lexical when the endpoint fails, and says so once, not once per question", async () => {
    const embeddings = new OpenAIEmbeddings({ model: "fake-embed", apiKey: "x", configuration: { baseURL: fake.baseUrl }, maxRetries: 0 });
    const warnings: string[] = [];
    const kb = createKnowledgeBase(db, {
      embeddings,
      embeddingModel: "fake-embed",
      logger: { warn: ((_o: unknown, m: string) => void warnings.push(m)) as never },
    });
    kb.index.upsert(article("park", "Arriving by car", "<p>Parking is free in the garage under the building.</p>"), 1);
    for (const text of ["is parking free?", "where is the parking garage?", "parking under the building?"]) {
      const ranked = await kb.retriever.rank({ text, k: 3 });
      expect(ranked.hits[0]?.articleId).toBe("park");
    }
    expect(fake.embeddingRequests.length).toBeGreaterThanOrEqual(3);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("lexical");
    kb.index.remove("park");
  });

  it("does not wait on a hung endpoint: the question gets the lexical answer within the time limit", async () => {
    const local = openDatabase(join(temp.dir, "hung.db"));
    const embeddings = new ScriptedEmbeddings();
    const kb = createKnowledgeBase(local, { embeddings, embeddingModel: "scripted" });
    kb.index.upsert(article("park", "Arriving by car", "<p>Parking is free in the garage under the building.</p>"), 1);
    await kb.vectors?.refresh(1);
    embeddings.hang = true;
    const warnings: string[] = [];
    const hybrid = new HybridSearcher(
      kb.searcher,
      kb.index,
      kb.vectors as ChunkVectors,
      { warn: ((o: { err: string }, m: string) => void warnings.push(`${m}: ${o.err}`)) as never },
      { queryTimeoutMs: 50 },
    );
    const ranked = await hybrid.rank({ text: "is parking free?", k: 3 });
    expect(ranked.hits[0]?.articleId).toBe("park");
    expect(warnings.join(" ")).toMatch(/did not answer within/);
    local.close();
  });

  it("keeps to the hotel the conversation named: embeddings do not bring back another hotel's page", async () => {
    const local = openDatabase(join(temp.dir, "hotels.db"));
    const kb = createKnowledgeBase(local, { embeddings: new ScriptedEmbeddings(), embeddingModel: "scripted" });
    // The named hotel's pages last, so among equal vectors the other hotels' come first, in the order the
    // lexical ranking lists them too (ties by id): their two ranks then outweigh the named hotel's.
    for (const a of [...hotelArticles("Mountain Lodge", "mtn"), ...hotelArticles("Seaside Inn", "sea"), ...hotelArticles("Grand Hotel", "grand")])
      kb.index.upsert(a, 1);
    // Enough other pages that bm25 has a scale.
    for (let i = 0; i < 30; i++) kb.index.upsert(article(`misc-${i}`, `Topic ${i}`, `<p>Rooms, towels, checkout times and keys, item ${i}.</p>`), 1);
    await kb.vectors?.refresh(1);
    const query = { text: "can I bring my dog?", context: ["I booked two nights at the Grand Hotel"], k: 3 };
    expect(kb.searcher.search(query)[0]?.articleId).toBe("grand-pets");
    const ranked = await kb.retriever.rank(query);
    expect(ranked.hits[0]?.articleId).toBe("grand-pets");
    local.close();
  });

  it("a public-only search still finds the public page when many internal chunks are nearer", async () => {
    const local = openDatabase(join(temp.dir, "internal.db"));
    const kb = createKnowledgeBase(local, { embeddings: new ScriptedEmbeddings(), embeddingModel: "scripted" });
    for (let i = 0; i < 130; i++)
      kb.index.upsert(article(`staff-${i}`, `Staff note ${i}`, "<p>Dogs dogs dogs: the pets rota.</p>", { visibility: "internal", source: "internal" }), 1);
    kb.index.upsert(article("pets", "Travelling with animals", "<p>Dogs are welcome in every room for a small fee.</p>"), 1);
    kb.index.upsert(article("park", "Arriving by car", "<p>Parking is free in the garage under the building.</p>"), 1);
    await kb.vectors?.refresh(1);
    const ranked = await kb.retriever.rank({ text: "can my puppy come along?", k: 3, publicOnly: true });
    expect(ranked.hits.map((h) => h.articleId)).toContain("pets");
    expect(ranked.hits.every((h) => h.visibility === "public")).toBe(true);
    local.close();
  });

  it("a query vector of another size than the stored ones is not compared with them", async () => {
    const local = openDatabase(join(temp.dir, "dims.db"));
    const embeddings = new ScriptedEmbeddings();
    const kb = createKnowledgeBase(local, { embeddings, embeddingModel: "scripted" });
    kb.index.upsert(article("pets", "Travelling with animals", "<p>Dogs are welcome in every room for a small fee.</p>"), 1);
    kb.index.upsert(article("park", "Arriving by car", "<p>Parking is free in the garage under the building.</p>"), 1);
    await kb.vectors?.refresh(1);
    // The model behind the name changed (a local server pulled another model): 3 numbers where 5 are stored.
    embeddings.queryDimensions = 3;
    const lexical = kb.searcher.search({ text: "where do I leave the car?", k: 3 }).map((h) => h.articleId);
    const ranked = await kb.retriever.rank({ text: "where do I leave the car?", k: 3 });
    expect(ranked.hits.map((h) => h.articleId)).toEqual(lexical);
    local.close();
  });
});
