import { afterAll, describe, expect, it } from "vitest";
import { MatchCache } from "../../src/kb/match-cache.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import type { SourceArticle } from "../../src/kb/types.js";

const article = (id: string, title: string, body: string): SourceArticle => ({
  id,
  source: "file",
  sourceId: id,
  title,
  url: `https://help.example.com/${id}`,
  collection: "",
  visibility: "public",
  locale: "en",
  updatedAt: 0,
  body,
});

describe("the expression cache", () => {
  it("computes once per key and generation, and forgets everything when the generation changes", () => {
    const cache = new MatchCache<number>(10);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.get("a", 1, compute)).toBe(1);
    expect(cache.get("a", 1, compute)).toBe(1);
    expect(calls).toBe(1);
    expect(cache.get("a", 2, compute)).toBe(2);
    expect(cache.size).toBe(1);
  });

  it("drops the least recently used key when full", () => {
    const cache = new MatchCache<string>(2);
    cache.get("a", 0, () => "a1");
    cache.get("b", 0, () => "b1");
    cache.get("a", 0, () => "a2");
    cache.get("c", 0, () => "c1");
    expect(cache.get("a", 0, () => "a3")).toBe("a1");
    expect(cache.get("b", 0, () => "b2")).toBe("b2");
  });
});

describe("stems known before any question", () => {
  const kb = buildTempKb([
    article("a1", "Parking", "<h2>Car park</h2><p>Parking is free for guests staying two nights.</p>"),
    article("a2", "Pets", "<p>Dogs are welcome in all rooms.</p>"),
  ]);
  afterAll(() => kb.close());

  it("agree with the index's tokenizer for the articles' words and for words no article uses", () => {
    kb.index.stats.refresh();
    expect(kb.index.stats.stemsOf(["parking", "staying", "dogs", "welcome"])).toEqual(["park", "stai", "dog", "welcom"]);
    // Not in any article: stemmed on demand by the same tokenizer, and the shared stem finds the documents.
    expect(kb.index.stats.stemsOf(["parked"])).toEqual(["park"]);
    expect(kb.index.stats.documentFrequencies(["parked", "unicorns"])).toEqual([1, 0]);
  });

  it("learn the words of articles added later", () => {
    kb.index.upsert(article("a3", "Breakfast", "<p>Breakfast is served until ten in the conservatory.</p>"), 0);
    kb.index.stats.refresh();
    expect(kb.index.stats.stemsOf(["conservatory", "served"])).toEqual(["conservatori", "serv"]);
    expect(kb.index.stats.documentFrequencies(["conservatory"])).toEqual([1]);
  });
});

describe("a search made only of common words", () => {
  it("is answered from the cache until the index changes, then sees the new article", () => {
    // Enough articles sharing "booking" that its expression is expected to match many rows and is kept.
    const many = Array.from({ length: 450 }, (_, i) => article(`b${i}`, `Booking note ${i}`, `<p>Your booking reference ${i} is in the email.</p>`));
    const kb = buildTempKb(many);
    try {
      const first = kb.searcher.search({ text: "booking", k: 3 }).map((h) => h.articleId);
      expect(kb.searcher.search({ text: "booking", k: 3 }).map((h) => h.articleId)).toEqual(first);
      kb.index.upsert(article("best", "Booking booking", "<h2>Booking</h2><p>Booking, booking: change a booking.</p>"), 0);
      kb.index.stats.refresh();
      expect(kb.searcher.search({ text: "booking", k: 3 })[0]?.articleId).toBe("best");
    } finally {
      kb.close();
    }
  });
});
