/**
 * Hybrid retrieval with OPENAI_EMBEDDING_MODEL: real OpenAIEmbeddings against a fake OpenAI-compatible
 * /v1/embeddings endpoint on loopback, vectors in a real SQLite file. The fake's vectors put words of one
 * meaning on one dimension ("puppy" and "dog"), so only the embeddings can find a pets article for "puppy".
 */
import { join } from "node:path";
import { OpenAIEmbeddings } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddings, EMBEDDING_REQUEST_TIMEOUT_MS } from "../../src/agent/chat-model.js";
import { fuseRankings } from "../../src/kb/hybrid-search.js";
import { createKnowledgeBase } from "../../src/kb/knowledge-base.js";
import type { SourceArticle } from "../../src/kb/types.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { type FakeOpenAI, startFakeOpenAI } from "../fakes/fake-openai-server.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const MEANINGS: Record<string, number> = { dog: 0, dogs: 0, puppy: 0, pets: 0, pet: 0, parking: 1, car: 1, park: 1, wifi: 2, internet: 2, breakfast: 3 };
const meaningVector = (text: string) => {
  const v = [0.01, 0.01, 0.01, 0.01, 0.01];
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) v[MEANINGS[word] ?? 4] += MEANINGS[word] === undefined ? 0.05 : 1;
  return v;
};

const article = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}) =>
  helpArticle(id, title, body, { source: "article", collection: "Stay", ...extra });

const ARTICLES = [
  article("pets", "Travelling with animals", "<p>Dogs are welcome in every room for a small fee.</p>"),
  article("park", "Arriving by car", "<p>Parking is free in the garage under the building.</p>"),
  article("net", "Staying connected", "<p>Wifi is free; ask the desk for the password.</p>"),
  article("food", "Mornings", "<p>Breakfast is served from seven to ten.</p>"),
];

const temp = makeTempDir();
let fake: FakeOpenAI;
let db: Db;
const modelConfig = () => ({ configured: true, baseUrl: fake.baseUrl, chatModel: "chat", embeddingModel: "fake-embed" });
const texts = () => fake.embeddingRequests.flat();

beforeAll(async () => {
  fake = await startFakeOpenAI([], { embed: meaningVector });
  db = openDatabase(join(temp.dir, "kb.db"));
});
afterAll(async () => {
  db.close();
  await fake.close();
  temp.cleanup();
});

describe("hybrid retrieval", () => {
  it("without an embedding model nothing changes: the lexical searcher answers", () => {
    const kb = createKnowledgeBase(db);
    expect(kb.retriever).toBe(kb.searcher);
    expect(kb.vectors).toBeUndefined();
    expect(createEmbeddings({ configured: true, chatModel: "chat" })).toBeUndefined();
  });

  it("gives each embedding request a time limit, so a hung endpoint cannot hold a sync for the client's ten minutes", () => {
    expect(createEmbeddings(modelConfig())?.timeout).toBe(EMBEDDING_REQUEST_TIMEOUT_MS);
    expect(EMBEDDING_REQUEST_TIMEOUT_MS).toBeLessThanOrEqual(60_000);
  });

  it("embeds every chunk once, then only changed chunks, and finds what only the meaning matches", async () => {
    const kb = createKnowledgeBase(db, { embeddings: createEmbeddings(modelConfig()), embeddingModel: "fake-embed" });
    for (const a of ARTICLES) kb.index.upsert(a, 1);
    const first = await kb.vectors?.refresh(1);
    expect(first).toEqual({ embedded: 4, reused: 0, removed: 0 });
    expect(kb.vectors?.size).toBe(4);

    const again = await kb.vectors?.refresh(2);
    expect(again).toEqual({ embedded: 0, reused: 4, removed: 0 });

    const before = texts().length;
    kb.index.upsert(article("food", "Mornings", "<p>Breakfast is served from six to eleven.</p>"), 3);
    expect(await kb.vectors?.refresh(3)).toEqual({ embedded: 1, reused: 3, removed: 1 });
    // LangChain sends newlines as spaces.
    expect(texts().slice(before)).toEqual(["Mornings Breakfast is served from six to eleven."]);

    expect(kb.searcher.search({ text: "can my puppy come along?" }).map((h) => h.articleId)).not.toContain("pets");
    const ranked = await kb.retriever.rank({ text: "can my puppy come along?", k: 3 });
    expect(ranked.hits[0]?.articleId).toBe("pets");
    expect(ranked.hits[0]?.chunk.text).toContain("Dogs are welcome");
  });

  it("embeds a repeated question once, and keeps internal chunks out of a public-only search", async () => {
    const kb = createKnowledgeBase(db, { embeddings: createEmbeddings(modelConfig()), embeddingModel: "fake-embed" });
    kb.index.upsert(
      article("vet", "Pet emergencies (staff)", "<p>Call the on-call vet for a sick dog.</p>", { visibility: "internal", source: "internal" }),
      4,
    );
    await kb.vectors?.refresh(4);
    const before = fake.embeddingRequests.length;
    const open = await kb.retriever.rank({ text: "my puppy is sick", k: 5 });
    await kb.retriever.rank({ text: "my puppy is sick", k: 5 });
    expect(fake.embeddingRequests.length - before).toBe(1);
    expect(open.hits.map((h) => h.articleId)).toContain("vet");
    const publicOnly = await kb.retriever.rank({ text: "my puppy is sick", k: 5, publicOnly: true });
    expect(publicOnly.hits.map((h) => h.articleId)).not.toContain("vet");
    expect(publicOnly.hits.every((h) => h.visibility === "public")).toBe(true);
  });

  it("falls back to the lexical ranking when the embedding endpoint is down", async () => {
    const down = await startFakeOpenAI([], { embeddingsStatus: 500 });
    const warnings: string[] = [];
    try {
      const embeddings = new OpenAIEmbeddings({ model: "fake-embed", apiKey: "x", configuration: { baseURL: down.baseUrl }, maxRetries: 0 });
      const kb = createKnowledgeBase(db, {
        embeddings,
        embeddingModel: "other-model",
        logger: { warn: ((_o: unknown, m: string) => void warnings.push(m)) as never },
      });
      const ranked = await kb.retriever.rank({ text: "is parking free?", k: 2 });
      expect(ranked.hits[0]?.articleId).toBe("park");
      expect(warnings.join(" ")).toContain("lexical ranking used");
      await expect(kb.vectors?.refresh(5)).rejects.toThrow();
    } finally {
      await down.close();
    }
  });
});

describe("reciprocal rank fusion", () => {
  it("rewards agreement and lets either list lift an article", () => {
    const fused = fuseRankings([
      ["a", "b", "c"],
      ["c", "d", "a"],
    ]).map((r) => r.articleId);
    expect(fused.slice(0, 2)).toEqual(["a", "c"]);
    expect(fused).toContain("d");
  });
});
