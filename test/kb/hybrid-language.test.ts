/**
 * The customer's language in hybrid retrieval: a page in a third language (neither English nor the customer's)
 * counts OTHER_LANGUAGE_WEIGHT in the lexical ranking, and must count the same in the fusion, or the embeddings
 * (blind to language) bring it back with a full vote. Real SQLite file; a scripted EmbeddingsLike whose vectors
 * make the French page the nearest to a question about a dog, which no lexical match finds.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fuseRankings } from "../../src/kb/hybrid-search.js";
import { createKnowledgeBase } from "../../src/kb/knowledge-base.js";
import { messageLanguage, OTHER_LANGUAGE_WEIGHT } from "../../src/kb/message-language.js";
import type { EmbeddingsLike } from "../../src/retrieval/embedding-cache.js";
import { openDatabase } from "../../src/store/database.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

/** A dog (in Spanish or French) on one axis, the English hotel pages on another, everything else near neither. */
const vectorOf = (text: string): number[] => {
  const t = text.toLowerCase();
  if (/perro|chiens/.test(t)) return [1, 0, 0];
  if (/hotel/.test(t)) return [0, 0, 1];
  return [0.2, 1, 0];
};

class MeaningEmbeddings implements EmbeddingsLike {
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map(vectorOf);
  }
  async embedQuery(text: string): Promise<number[]> {
    return vectorOf(text);
  }
}

const temp = makeTempDir();
const db = openDatabase(join(temp.dir, "kb.db"));
afterAll(() => {
  db.close();
  temp.cleanup();
});

const kb = createKnowledgeBase(db, { embeddings: new MeaningEmbeddings(), embeddingModel: "scripted" });
kb.index.upsert(helpArticle("pets", "Pets at the hotel", "<p>Dogs are welcome at the hotel for a small fee.</p>"), 1);
kb.index.upsert(helpArticle("park", "Parking at the hotel", "<p>Parking at the hotel is free in the garage.</p>"), 1);
kb.index.upsert(helpArticle("fr-animaux", "Animaux de compagnie", "<p>Les chiens sont acceptés dans toutes les chambres.</p>", { locale: "fr" }), 1);
// Enough other pages that bm25 has a scale and the embedding list is full.
for (let i = 0; i < 30; i++) kb.index.upsert(helpArticle(`misc-${i}`, `Topic ${i}`, `<p>Rooms, towels, checkout times and keys, item ${i}.</p>`), 1);
const ready = kb.vectors?.refresh(1);

const SPANISH = "¿Puedo llevar mi perro al hotel?";
const FRENCH = "Est-ce que mon perro peut venir à l'hotel avec moi ?";

const ids = async (text: string, k: number) => {
  await ready;
  return (await kb.retriever.rank({ text, k })).hits.map((h) => h.articleId);
};

describe("the customer's language in the fusion", () => {
  it("the questions are read as the languages the test means, and only the embeddings find the French page", async () => {
    expect(messageLanguage(SPANISH)).toBe("es");
    expect(messageLanguage(FRENCH)).toBe("fr");
    for (const text of [SPANISH, FRENCH]) expect(kb.searcher.search({ text, k: 40 }).map((h) => h.articleId)).not.toContain("fr-animaux");
  });

  it("a French page found only by meaning does not take second place for a Spanish question", async () => {
    const ranked = await ids(SPANISH, 5);
    expect(ranked.slice(0, 2).sort()).toEqual(["park", "pets"]);
    expect(ranked.slice(0, 3)).not.toContain("fr-animaux");
  });

  it("keeps its full vote for a French question, where French is the customer's own language", async () => {
    const ranked = await ids(FRENCH, 5);
    expect(ranked.slice(0, 3)).toContain("fr-animaux");
  });

  it("fusion: the weight scales one list's vote for one article, and nothing else", () => {
    const lists = [
      ["a", "b"],
      ["c", "a"],
    ];
    const plain = fuseRankings(lists);
    expect(plain.map((r) => r.articleId)).toEqual(["a", "c", "b"]);
    const weighted = fuseRankings(lists, (list, id) => (list === 1 && id === "c" ? OTHER_LANGUAGE_WEIGHT : 1));
    expect(weighted.map((r) => r.articleId)).toEqual(["a", "b", "c"]);
    expect(weighted.find((r) => r.articleId === "c")?.score).toBeCloseTo(OTHER_LANGUAGE_WEIGHT / 61, 10);
    expect(weighted.find((r) => r.articleId === "a")?.score).toBeCloseTo(plain.find((r) => r.articleId === "a")?.score ?? 0, 10);
  });
});
