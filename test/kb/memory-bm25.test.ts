import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { stem, stemByPattern } from "../../src/kb/analyze.js";
import { ScoreBoard } from "../../src/kb/bm25.js";
import { FTS_WEIGHTS, KbIndex, StemBag } from "../../src/kb/kb-index.js";
import { matchTerms, matchTermsInTitle } from "../../src/kb/posting-match.js";
import { readVarints } from "../../src/kb/postings.js";
import { KB_SCHEMA_SQL } from "../../src/kb/schema.js";
import { KbSearcher } from "../../src/kb/search.js";
import type { SourceArticle } from "../../src/kb/types.js";
import { helpArticle } from "../helpers/kb-article.js";

const article = helpArticle;

// Titles, headings, collections and bodies of different lengths, words repeated in some: every part of bm25 matters.
const ARTICLES: SourceArticle[] = [
  article(
    "park",
    "Parking at the hotel",
    "<p>Parking is free.</p><h2>Car park hours</h2><p>The car park opens at six. Parking after ten costs extra, parking all night costs more.</p>",
    {
      collection: "Hotel › Parking",
      entity: "Acorn Guest House",
      domain: "hotel",
    },
  ),
  article("pets", "Pets", "<p>Dogs are welcome in the garden rooms. Cats stay free.</p><h2>Dog beds</h2><p>Ask for a dog bed.</p>", {
    entity: "Acorn Guest House",
    domain: "hotel",
  }),
  article("pets2", "Pets at the Sea View", "<p>No pets, dogs or cats at the Sea View, sorry.</p>", { entity: "Sea View", domain: "hotel" }),
  article("wifi", "Wifi and internet", "<p>Free wifi in every room; the password is on the key card.</p>", { collection: "Rooms" }),
  article("cancel", "Cancel a booking", "<p>Cancel up to a day before for a full refund.</p><h2>Late cancellation</h2><p>A late cancel costs one night.</p>"),
  article("refund", "Refunds", "<p>Refunds reach your card within five days. A refund for a cancelled booking takes longer.</p>", {
    visibility: "internal",
  }),
  article("breakfast", "Breakfast", "<p>Breakfast is served from seven. The car park is next to the breakfast room.</p>"),
];

let clock = 0;
const opened: Database.Database[] = [];

function build(articles: readonly SourceArticle[] = ARTICLES): KbIndex {
  const db = new Database(":memory:");
  opened.push(db);
  db.exec(KB_SCHEMA_SQL);
  const index = new KbIndex(db, { now: () => clock });
  for (const a of articles) index.upsert(a, 0);
  return index;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const memory = (index: KbIndex) => {
  expect(index.postings.ready()).toBe(true);
  return { store: index.postings, weights: FTS_WEIGHTS, boards: [new ScoreBoard(), new ScoreBoard(), new ScoreBoard()] as const };
};
const stems = (index: KbIndex, words: string[]) => index.stats.stemsOf(words);
const fts = (index: KbIndex, words: string[]) => index.scores(words.map((w) => `"${w}"`).join(" OR "), 100);

describe("bm25 in memory", () => {
  it("gives every row the score FTS5's bm25() gives it, in the same order", () => {
    const index = build();
    for (const words of [["parking"], ["park", "car", "parking"], ["dog", "dogs", "pets"], ["refund", "cancel"], ["wifi", "password", "night"]]) {
      const expected = [...fts(index, words).entries()];
      const got = matchTerms(stems(index, words), 100, memory(index));
      expect(got.map(([row]) => row)).toEqual(expected.map(([row]) => row));
      for (const [i, [, rank]] of got.entries()) expect(rank).toBeCloseTo((expected[i] as [number, number])[1], 9);
    }
  });

  it("counts a repeated phrase twice, as FTS5 does for a word and a synonym with the same stem", () => {
    const index = build();
    const expected = [...fts(index, ["parking", "park"]).entries()];
    const got = matchTerms(stems(index, ["parking", "park"]), 100, memory(index));
    for (const [i, [, rank]] of got.entries()) expect(rank).toBeCloseTo((expected[i] as [number, number])[1], 9);
  });

  it("ranks an entity's rows by the question's words alone, as FTS5 does once the title phrase's share is taken off", () => {
    const index = build();
    const words = ["dog", "parking", "free"];
    const expression = words.map((w) => `"${w}"`).join(" OR ");
    const both = index.scores(`(${expression}) AND title : "acorn"`, 100);
    const phrase = index.scores(`title : "acorn"`, 100);
    const got = matchTermsInTitle(stems(index, words), stems(index, ["acorn"])[0] as string, 100, memory(index));
    expect(new Set(got.map(([row]) => row))).toEqual(new Set(both.keys()));
    for (const [row, rank] of got) expect(rank).toBeCloseTo((both.get(row) as number) - (phrase.get(row) as number), 9);
  });

  it("reads the new rows after the index changes, and lets FTS5 answer while it keeps changing", () => {
    clock = 1_000_000;
    const index = build();
    const m = memory(index);
    expect(matchTerms(stems(index, ["lift"]), 10, m)).toEqual([]);
    index.upsert(article("lift", "Lift", "<p>The lift goes to every floor.</p>"), 0);
    // Rebuilt a moment ago: the lists are not used until the index has been still for a while.
    expect(index.postings.ready()).toBe(false);
    clock += 5_000;
    const after = matchTerms(stems(index, ["lift"]), 10, memory(index));
    expect([...fts(index, ["lift"]).keys()]).toEqual(after.map(([row]) => row));
    expect(after).toHaveLength(1);
  });

  it("searches the same with and without the lists in memory", () => {
    clock = 2_000_000;
    const index = build();
    const searcher = new KbSearcher(index);
    const questions = ["is there parking for my car?", "can I bring my dog", "how do I cancel and get a refund", "wifi password"];
    const inMemory = questions.map((text) => searcher.search({ text, k: 5 }));
    // A change and its undoing: the same rows as before, but the lists count as stale for a while.
    index.upsert(article("noise", "Unrelated", "<p>Nothing to see.</p>"), 0);
    index.remove("noise");
    expect(index.postings.ready()).toBe(false);
    const throughFts = questions.map((text) => searcher.search({ text, k: 5 }));
    expect(throughFts.map((hits) => hits.map((h) => [h.articleId, h.chunk.id]))).toEqual(inMemory.map((hits) => hits.map((h) => [h.articleId, h.chunk.id])));
    expect(throughFts.flat().map((h) => h.score)).toEqual(inMemory.flat().map((h) => h.score));
  });

  it("counts the conversation the same with and without the lists in memory, word forms included", () => {
    clock = 2_500_000;
    // "deleted" in the conversation, "delete" in the text: FTS5's stemmer joins them, a cruder one would not.
    const index = build([
      ...ARTICLES,
      article("bin", "Getting a note back", "<p>Get a note back from the bin: whatever you delete waits there for a month.</p>"),
      article("archive", "The archive", "<p>Get a note back from the archive at any time.</p>"),
    ]);
    const searcher = new KbSearcher(index);
    const asked = { text: "can I get my note back", context: ["I deleted a note yesterday"], k: 5 };
    const inMemory = searcher.rank(asked).hits;
    index.upsert(article("noise", "Unrelated", "<p>Nothing to see.</p>"), 0);
    index.remove("noise");
    expect(index.postings.ready()).toBe(false);
    const throughFts = searcher.rank(asked).hits;
    expect(inMemory[0]?.articleId).toBe("bin");
    expect(throughFts.map((h) => [h.articleId, h.score])).toEqual(inMemory.map((h) => [h.articleId, h.score]));
  });

  it("keeps internal rows out before the best rows are cut", () => {
    const index = build();
    const m = { ...memory(index), keep: (row: number) => index.isPublic(row) };
    const rows = index.rankedRows(matchTerms(stems(index, ["refund"]), 10, m), true);
    expect(rows.map((r) => r.articleId)).toEqual(["cancel"]);
  });
});

describe("the pieces", () => {
  it("decodes SQLite varints of one to nine bytes", () => {
    expect(readVarints(Uint8Array.from([0x0b, 0x00, 0x81, 0x00, 0x82, 0x80, 0x01]))).toEqual([11, 0, 128, 32769]);
    expect(readVarints(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))).toEqual([2 ** 64 - 255]);
  });

  it("stems a whole question in one row exactly as word by word", () => {
    const index = build();
    const words = ["parking", "running", "caresses", "ponies", "cancelled", "wifi", "2fa", "café", "日本語"];
    const together = index.stats.stemsOf(words);
    const db = new Database(":memory:");
    opened.push(db);
    db.exec(KB_SCHEMA_SQL);
    const fresh = new KbIndex(db);
    const oneByOne = words.map((w) => fresh.stats.stemsOf([w])[0]);
    expect(together).toEqual(oneByOne);
    expect(together.slice(0, 4)).toEqual(["park", "run", "caress", "poni"]);
    // More than one token: FTS5 keeps it as a phrase, so it is stemmed word by word (first token by the index's order).
    expect(index.stats.stemsOf(["two-factor", "dogs"])).toEqual(["factor", "dog"]);
  });

  it("stems by hand exactly as the pattern it replaces", () => {
    for (const word of ["running", "added", "passes", "cats", "bless", "ss", "ing", "s", "", "aa", "grass", "été", "🙂🙂", "x🙂🙂s", "日本語"])
      expect(stem(word), word).toBe(stemByPattern(word));
  });

  it("holds a chunk's stems in one string with the answers of a Set", () => {
    const words = ["dog", "", "park"];
    const bag = new StemBag(StemBag.join(new Set(words)));
    for (const probe of ["dog", "park", "", "do", "og", "dog park"]) expect(bag.has(probe), probe).toBe(new Set(words).has(probe));
    expect(new StemBag(StemBag.join(["dog"])).has("")).toBe(false);
  });

  it("keeps the best rows of a score board, ties by row id, and starts clean after clear", () => {
    const board = new ScoreBoard();
    for (const [row, score] of [
      [5, 1],
      [3, 2],
      [9, 2],
      [2000, 0.5],
      [1, 3],
    ] as const)
      board.add(row, score);
    board.add(5, 1.5);
    expect(board.top(3)).toEqual([
      [1, 3],
      [5, 2.5],
      [3, 2],
    ]);
    expect(board.top(10).map(([row]) => row)).toEqual([1, 5, 3, 9, 2000]);
    board.clear();
    expect(board.top(10)).toEqual([]);
    expect(board.has(5)).toBe(false);
  });
});
