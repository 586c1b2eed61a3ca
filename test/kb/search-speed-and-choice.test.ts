import { afterAll, describe, expect, it } from "vitest";
import { readArticlesFile } from "../../src/kb/article-file.js";
import { buildConcepts, chooseConcepts, conceptExpression } from "../../src/kb/query-plan.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import { helpArticle } from "../helpers/kb-article.js";

const article = helpArticle;

describe("which question words FTS5 is asked about", () => {
  // In an index a word and its stem share one document frequency ("parking" and "park" both count "park").
  const docs: Record<string, number> = { parking: 900, park: 900, car: 50, hotel: 2400, wifi: 40 };
  const concepts = buildConcepts(
    ["hotel", "parking", "wifi"],
    (t) => (t === "parking" ? ["park", "car"] : []),
    (w) => (w === "parking" ? "park" : w),
    (w) => docs[w] ?? 0,
  );

  it("counts a stem once when estimating rows, and keeps the synonyms as one OR group", () => {
    expect(concepts.find((c) => c.term === "parking")).toMatchObject({ members: ["parking", "park", "car"], rows: 950 });
    expect(conceptExpression(concepts)).toBe('"hotel" OR ("parking" OR "park" OR "car") OR "wifi"');
  });

  it("takes the rarest words within the row budget and always keeps at least one", () => {
    expect(chooseConcepts(concepts, { rowBudget: 900, maxConcepts: 6 }).map((c) => c.term)).toEqual(["wifi"]);
    expect(chooseConcepts(concepts, { rowBudget: 1000, maxConcepts: 6 }).map((c) => c.term)).toEqual(["parking", "wifi"]);
    expect(chooseConcepts(concepts, { rowBudget: 1000_000, maxConcepts: 2 }).map((c) => c.term)).toEqual(["parking", "wifi"]);
    const common = buildConcepts(
      ["hotel"],
      () => [],
      (w) => w,
      (w) => docs[w] ?? 0,
    );
    expect(chooseConcepts(common, { rowBudget: 10, maxConcepts: 6 }).map((c) => c.term)).toEqual(["hotel"]);
  });

  it("never lets a word act as FTS5 syntax", () => {
    const tricky = buildConcepts(
      ['a"b', "NEAR"],
      () => [],
      (w) => w,
      () => 1,
    );
    expect(conceptExpression(tricky)).toBe('"ab" OR "NEAR"');
  });
});

describe("document frequencies from the FTS5 vocabulary", () => {
  const kb = buildTempKb([article("a1", "Parking", "<h2>Car park</h2><p>Parking is free for guests.</p>"), article("a2", "Pets", "<p>Dogs are welcome.</p>")]);
  afterAll(() => kb.close());

  it("agrees with the index's own stemming, and is re-read after the index changes", () => {
    expect(kb.index.stats.documentFrequencies(["parking", "dogs", "unicorn"])).toEqual([1, 1, 0]);
    kb.index.upsert(article("a3", "Garage", "<p>Parking on the street is limited.</p>"), 0);
    kb.index.stats.refresh();
    expect(kb.index.stats.documentFrequencies(["parked"])).toEqual([2]);
    kb.index.remove("a1");
    kb.index.stats.refresh();
    expect(kb.index.stats.documentFrequencies(["parking"])).toEqual([1]);
  });
});

describe("the chunk an answer quotes", () => {
  it("is the one that covers the question's words, not the one bm25 alone prefers", () => {
    const kb = buildTempKb(readArticlesFile(new URL("../../bench/data/helpcenter/articles.jsonl", import.meta.url).pathname));
    try {
      const [hit] = kb.searcher.search({ text: "how do I cancel my subscription", k: 1 });
      expect(hit?.articleId).toBe("qp-21");
      expect(hit?.chunk.heading).toBe("Cancel");
      expect(hit?.chunk.anchorUrl).toMatch(/#cancel$/);
    } finally {
      kb.close();
    }
  });
});

describe("an entity named earlier in the conversation", () => {
  it("finds that entity's page even when other pages outrank it on the question alone", () => {
    const others = Array.from({ length: 30 }, (_, i) =>
      article(`o${i}`, `Pets at Hotel ${i}`, "<p>Pets and dogs are welcome, pets stay free, dogs too.</p>", { entity: `Hotel ${i}`, domain: "hotel" }),
    );
    const kb = buildTempKb([...others, article("acorn", "Pets", "<p>Dogs are allowed.</p>", { entity: "Acorn Guest House", domain: "hotel" })]);
    try {
      const hits = kb.searcher.search({ text: "can I bring my dog?", context: ["I booked the Acorn Guest House for two nights."], k: 3 });
      expect(hits[0]?.articleId).toBe("acorn");
    } finally {
      kb.close();
    }
  });
});
