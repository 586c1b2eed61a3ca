/**
 * The chunk vectors' cache and the evaluation contract with embeddings, from a review against issue 11:
 * what a failed refresh leaves usable, a removed article, another model's rows, and `kb search --articles`
 * over a real OpenAIEmbeddings client talking to the fake endpoint on loopback.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddings } from "../../src/agent/chat-model.js";
import { kbSearchFile } from "../../src/cli/kb-commands.js";
import { createKnowledgeBase } from "../../src/kb/knowledge-base.js";
import type { SourceArticle } from "../../src/kb/types.js";
import type { EmbeddingsLike } from "../../src/retrieval/embedding-cache.js";
import { openDatabase } from "../../src/store/database.js";
import { type FakeOpenAI, startFakeOpenAI } from "../fakes/fake-openai-server.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const MEANINGS: Record<string, number> = { dog: 0, dogs: 0, puppy: 0, pets: 0, parking: 1, car: 1, wifi: 2, breakfast: 3 };
const meaningVector = (text: string) => {
  const v = [0.01, 0.01, 0.01, 0.01, 0.01];
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) v[MEANINGS[word] ?? 4] += MEANINGS[word] === undefined ? 0.05 : 1;
  return v;
};

/** Meaning vectors; document calls after the first `failAfter` fail, as an endpoint that goes down mid-sync. */
class FlakyEmbeddings implements EmbeddingsLike {
  calls = 0;
  documents: string[] = [];
  constructor(public failAfter = Number.POSITIVE_INFINITY) {}
  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls += 1;
    if (this.calls > this.failAfter) throw new Error("503 the endpoint is overloaded");
    this.documents.push(...texts);
    return texts.map(meaningVector);
  }
  async embedQuery(text: string): Promise<number[]> {
    return meaningVector(text);
  }
}

const article = (id: string, title: string, body: string, extra: Partial<SourceArticle> = {}) =>
  helpArticle(id, title, body, { source: "article", collection: "Stay", ...extra });
const PETS = article("pets", "Travelling with animals", "<p>Dogs are welcome in every room for a small fee.</p>");
const fillers = (n: number) => Array.from({ length: n }, (_, i) => article(`misc-${i}`, `Topic ${i}`, `<p>Rooms, towels and keys, item ${i}.</p>`));

const temp = makeTempDir();
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI([], { embed: meaningVector });
});
afterAll(async () => {
  await fake.close();
  temp.cleanup();
});

describe("chunk vectors", () => {
  it("vectors stored before the endpoint failed mid-refresh are searched at once; the next refresh embeds the rest", async () => {
    const db = openDatabase(join(temp.dir, "partial.db"));
    const embeddings = new FlakyEmbeddings(1);
    const kb = createKnowledgeBase(db, { embeddings, embeddingModel: "flaky" });
    // The pets page is first, so its vector is in the first batch (64 texts), the one that succeeds.
    for (const a of [PETS, ...fillers(80)]) kb.index.upsert(a, 1);
    // A question during the sync reads the vectors there are so far: none.
    expect((await kb.retriever.rank({ text: "can my puppy come along?", k: 3 })).hits.map((h) => h.articleId)).not.toContain("pets");
    await expect(kb.vectors?.refresh(1)).rejects.toThrow("503");
    expect((await kb.retriever.rank({ text: "can my puppy come along?", k: 3 })).hits[0]?.articleId).toBe("pets");
    embeddings.failAfter = Number.POSITIVE_INFINITY;
    expect(await kb.vectors?.refresh(2)).toEqual({ embedded: 81 - 64, reused: 64, removed: 0 });
    db.close();
  });

  it("a removed article's vector never comes back, and another model's vectors are not used", async () => {
    const db = openDatabase(join(temp.dir, "removed.db"));
    const first = new FlakyEmbeddings();
    const kb = createKnowledgeBase(db, { embeddings: first, embeddingModel: "model-a" });
    for (const a of [PETS, ...fillers(5)]) kb.index.upsert(a, 1);
    await kb.vectors?.refresh(1);
    kb.index.remove("pets");
    const ranked = await kb.retriever.rank({ text: "can my puppy come along?", k: 5 });
    expect(ranked.hits.map((h) => h.articleId)).not.toContain("pets");
    expect((await kb.vectors?.refresh(2))?.removed).toBe(1);

    kb.index.upsert(PETS, 3);
    const second = new FlakyEmbeddings();
    const other = createKnowledgeBase(db, { embeddings: second, embeddingModel: "model-b" });
    expect(other.vectors?.size).toBe(0);
    expect(await other.vectors?.refresh(3)).toEqual({ embedded: 6, reused: 0, removed: 0 });
    db.close();
  });
});

describe("kb search --articles with embeddings", () => {
  it("ranks hybrid, embedding every chunk of the file once and each query once", async () => {
    const file = join(temp.dir, "articles.csv");
    writeFileSync(
      file,
      "article_id,title,body\npets,Travelling with animals,<p>Dogs are welcome in every room for a small fee.</p>\n" +
        "park,Arriving by car,<p>Parking is free in the garage under the building.</p>\n" +
        "food,Mornings,<p>Breakfast is served from seven to ten.</p>\n",
    );
    const embeddings = createEmbeddings({ configured: true, baseUrl: fake.baseUrl, chatModel: "chat", embeddingModel: "fake-embed" });
    const out: string[] = [];
    const before = fake.embeddingRequests.length;
    const failed = await kbSearchFile({
      articlesFile: file,
      k: 3,
      input: Readable.from(['{"id":"q1","query":"can my puppy come along?"}\n', '{"id":"q2","query":"is parking free?"}\n']),
      write: (l) => out.push(l),
      embeddings: { embeddings: embeddings as EmbeddingsLike, model: "fake-embed" },
    });
    expect(failed).toBe(0);
    const sent = fake.embeddingRequests.slice(before).flat();
    expect(sent.filter((t) => t.startsWith("Travelling with animals"))).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith("Arriving by car"))).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith("Mornings"))).toHaveLength(1);
    expect(sent.filter((t) => t === "can my puppy come along?")).toHaveLength(1);
    const [q1, q2] = out.map((l) => JSON.parse(l));
    expect(q1.articles[0].id).toBe("pets");
    expect(q2.articles[0].id).toBe("park");
  });
});
