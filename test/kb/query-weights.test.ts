import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { addBm25, ScoreBoard } from "../../src/kb/bm25.js";
import { KbIndex } from "../../src/kb/kb-index.js";
import { type Concept, contextQueryShare, informativeness, memberWeights, weightedExpressions } from "../../src/kb/query-plan.js";
import { KB_SCHEMA_SQL } from "../../src/kb/schema.js";
import { KbSearcher } from "../../src/kb/search.js";
import { helpArticle } from "../helpers/kb-article.js";

const article = helpArticle;

const ARTICLES = [
  article("trash", "Restore deleted notes", "<p>Deleted notes are kept in the trash for thirty days.</p>"),
  article("subscription", "Cancel your subscription", "<p>Open Billing and choose Cancel subscription; the plan ends with the period.</p>"),
  article("notifications", "Stop notifications", "<p>Turn off email notifications in Settings to stop the messages.</p>"),
  article("offline", "Use the app offline", "<p>Notes you opened once stay readable when you go offline, on a plane or with no wifi.</p>"),
  article("share", "Share a notebook", "<p>Invite people by email to read or edit a notebook; it will go to their list.</p>"),
  article("export", "Export notes", "<p>Go to the note menu, choose Export and pick PDF or Markdown.</p>"),
];

let clock = 0;
const opened: Database.Database[] = [];

function build(): KbIndex {
  const db = new Database(":memory:");
  opened.push(db);
  db.exec(KB_SCHEMA_SQL);
  const index = new KbIndex(db, { now: () => clock });
  for (const a of ARTICLES) index.upsert(a, 0);
  return index;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe("a vague follow-up", () => {
  it("is searched by the conversation's words when it says too little by itself", () => {
    const searcher = new KbSearcher(build());
    const alone = searcher.search({ text: "where does it go?", k: 3 }).map((h) => h.articleId);
    expect(alone[0]).not.toBe("trash");
    const ranked = searcher.rank({ text: "where does it go?", context: ["I accidentally deleted a note yesterday"], k: 3 });
    expect(ranked.hits[0]?.articleId).toBe("trash");
    // The conversation's words are what the question is taken to ask, at their lower share.
    expect(ranked.terms).toContain("deleted");
    const own = ranked.terms.indexOf("go");
    const borrowed = ranked.terms.indexOf("deleted");
    expect(ranked.termWeights[borrowed]).toBeLessThan(ranked.termWeights[own] as number);
  });

  it("finds an answer from the conversation alone when the question has no content word at all", () => {
    const searcher = new KbSearcher(build());
    expect(searcher.search({ text: "how do i do that on here", k: 3 })).toEqual([]);
    const hits = searcher.search({ text: "how do i do that on here", context: ["I want to read my notes on the plane", "there's no wifi"], k: 3 });
    expect(hits[0]?.articleId).toBe("offline");
  });

  it("leaves a question that says enough by itself to its own words", () => {
    const searcher = new KbSearcher(build());
    const question = "how do I cancel my subscription";
    const alone = searcher.rank({ text: question, k: 3 });
    const withContext = searcher.rank({ text: question, context: ["I accidentally deleted a note yesterday"], k: 3 });
    expect(withContext.terms).toEqual(alone.terms);
    expect(withContext.hits[0]?.articleId).toBe("subscription");
  });

  it("ranks and scores the same through FTS5 as in memory, the conversation's lower weight included", () => {
    clock = 5_000_000;
    const index = build();
    const searcher = new KbSearcher(index);
    // Words at two weights each (a phrase's meaning; the conversation's words), so FTS5 answers in two parts.
    const queries = [{ text: "how do i stop paying" }, { text: "how do i do that on here", context: ["no wifi on the plane"] }];
    const inMemory = queries.map((q) => searcher.search({ ...q, k: 5 }));
    index.upsert(article("noise", "Unrelated", "<p>Nothing to see.</p>"), 0);
    index.remove("noise");
    expect(index.postings.ready()).toBe(false);
    const throughFts = queries.map((q) => searcher.search({ ...q, k: 5 }));
    expect(throughFts.map((hits) => hits.map((h) => h.articleId))).toEqual(inMemory.map((hits) => hits.map((h) => h.articleId)));
    for (const [i, hits] of throughFts.entries()) for (const [j, hit] of hits.entries()) expect(hit.score).toBe(inMemory[i]?.[j]?.score);
  });
});

describe("a two-word phrase", () => {
  it("searches for what it means, though neither word says it", () => {
    const searcher = new KbSearcher(build());
    const ranked = searcher.rank({ text: "how do i stop paying", k: 3 });
    // "stop" alone is in the notifications article; "stop paying" means cancelling.
    expect(ranked.hits[0]?.articleId).toBe("subscription");
    expect(ranked.terms).toEqual(["stop", "paying", "cancel", "subscription"]);
  });
});

describe("the pieces", () => {
  it("counts the conversation more the less the question says, and not at all once it says enough", () => {
    expect(contextQueryShare(0, 0.8, 0.5)).toBe(0.5);
    expect(contextQueryShare(0.4, 0.8, 0.5)).toBeCloseTo(0.25, 9);
    expect(contextQueryShare(0.8, 0.8, 0.5)).toBe(0);
    expect(contextQueryShare(3, 0.8, 0.5)).toBe(0);
  });

  it("measures a question by its known words' idf, in units of a word found in one chunk", () => {
    const rarest = Math.log(1 + 100);
    expect(informativeness([rarest, 2, 1], [1, 5, 0], 100)).toBeCloseTo((rarest + 2) / rarest, 9);
    expect(informativeness([], [], 100)).toBe(0);
  });

  it("weighs each member at its concept's weight, and splits FTS5 expressions by weight", () => {
    const concepts: Concept[] = [
      { term: "stop", members: ["stop", "halt"], rows: 2 },
      { term: "cancel", members: ["cancel"], rows: 1, weight: 0.7 },
      { term: "trash", members: ["trash"], rows: 1, weight: 0.5 },
    ];
    expect(memberWeights(concepts)).toEqual([1, 1, 0.7, 0.5]);
    expect(weightedExpressions(concepts)).toEqual([
      { expression: '("stop" OR "halt")', weight: 1 },
      { expression: '"cancel"', weight: 0.7 },
      { expression: '"trash"', weight: 0.5 },
    ]);
  });

  it("multiplies a phrase's bm25 share by its weight", () => {
    const list = { rows: Int32Array.from([1, 2]), tf: Uint16Array.from([1, 0, 2, 0]) };
    const sizes = { size: () => 10, count: 10, average: 10 };
    const full = new ScoreBoard();
    const half = new ScoreBoard();
    addBm25([{ list }], [1, 1], sizes, full);
    addBm25([{ list, weight: 0.5 }], [1, 1], sizes, half);
    expect(full.get(1)).toBeGreaterThan(0);
    expect(half.get(1)).toBeCloseTo(full.get(1) / 2, 12);
    expect(half.get(2)).toBeCloseTo(full.get(2) / 2, 12);
  });
});
