import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { contentTerms, withSynonyms } from "../../src/kb/analyze.js";
import { KbIndex } from "../../src/kb/kb-index.js";
import { KB_SCHEMA_SQL } from "../../src/kb/schema.js";
import { KbSearcher } from "../../src/kb/search.js";
import { inflections, phraseTerms, supportExpansions } from "../../src/kb/support-lexicon.js";
import { helpArticle } from "../helpers/kb-article.js";

const article = (id: string, title: string, body: string, locale = "en") => helpArticle(id, title, body, { locale });

// A small help center in its own words; the questions below use the customers' words instead.
const articles = [
  article("trash", "Recovering deleted items from the trash", "<p>Deleted items stay in the trash for 30 days. Open the trash and choose Restore.</p>"),
  article("tags", "Organising with tags", "<p>Add tags to an item to find it again. An item can carry many tags.</p>"),
  article("binary", "Uploading binary files", "<p>Binary formats such as executables are refused for safety.</p>"),
  article("password", "Resetting your password", "<p>Choose Forgot password on the sign-in page and follow the emailed link.</p>"),
  article("billing", "Payment methods", "<p>We accept cards and bank transfers for every plan.</p>"),
];

function withKb(run: (searcher: KbSearcher) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "support-lexicon-"));
  const db = new Database(join(dir, "kb.db"));
  try {
    db.exec(KB_SCHEMA_SQL);
    const index = new KbIndex(db);
    db.transaction(() => {
      for (const a of articles) index.upsert(a, 0);
    })();
    run(new KbSearcher(index));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const top = (searcher: KbSearcher, text: string) => searcher.search({ text, k: 3 }).map((h) => h.articleId);

describe("the support lexicon in retrieval", () => {
  it("finds the article written in help-center words for a question in the customer's words", () => {
    withKb((searcher) => {
      // None of these words is in any article: without the lexicon nothing, or the wrong page, comes back.
      expect(top(searcher, "where is the bin?")[0]).toBe("trash");
      expect(top(searcher, "can I put labels on things like in gmail")[0]).toBe("tags");
      expect(top(searcher, "olvidé mi contraseña")[0]).toBe("password");
    });
  });

  it("expands whole words only: a word that merely contains a lexicon word is left alone", () => {
    withKb((searcher) => {
      expect(top(searcher, "binary")[0]).toBe("binary");
      expect(top(searcher, "binary")).not.toContain("trash");
      expect(top(searcher, "combination")).toEqual([]);
    });
  });
});

describe("the support lexicon's expansions", () => {
  const expansions = supportExpansions();

  it("brings in the help center's words for the customer's, in the usual inflections", () => {
    expect(withSynonyms(["bin"])).toContain("trash");
    expect(withSynonyms(["labels"])).toContain("tag");
    expect(withSynonyms(["cancelling"])).toEqual(expect.arrayContaining(["cancel", "unsubscribe"]));
    expect(inflections("label")).toEqual(expect.arrayContaining(["labels", "labelled", "labelling"]));
  });

  it("keeps what the old synonym groups gave, merged with the lexicon's", () => {
    // "cancel" was already a synonym group (with "terminate"); the lexicon adds "unsubscribe" beside it.
    expect(withSynonyms(["cancel"])).toEqual(expect.arrayContaining(["cancellation", "terminate", "unsubscribe"]));
  });

  it("points other languages at the English words, and never the other way", () => {
    expect(expansions.get("contrasena")).toContain("password");
    expect(expansions.get("wachtwoord")).toContain("password");
    expect(expansions.get("password") ?? []).not.toContain("contrasena");
    // The same language's other word for it comes too, so an article in the customer's language still meets them.
    expect(expansions.get("baja")).toEqual(expect.arrayContaining(["cancel", "cancelar"]));
  });

  it("leans one way: an article's word does not pull in the customer's", () => {
    expect(expansions.get("eyes")).toContain("dark");
    expect(expansions.get("dark") ?? []).not.toContain("eyes");
  });

  it("drops function words of languages the old stopwords lacked", () => {
    expect(contentTerms("como faço pra baixar todas as minhas notas")).toEqual(["baixar", "notas"]);
    expect(contentTerms("hoe groot mag een bijlage zijn")).toEqual(["groot", "bijlage"]);
  });

  it("reads two-word phrases among the content words, a few words apart at most", () => {
    expect(phraseTerms(contentTerms("how do i stop paying for this"))).toEqual(["cancel", "subscription"]);
    expect(phraseTerms(contentTerms("how do I roll a note back to yesterday"))).toEqual(["version", "restore"]);
    expect(phraseTerms(contentTerms("roll out to the team, then come back to the notes later on"))).toEqual([]);
    expect(phraseTerms(["money", "refund", "back"])).toEqual([]);
  });
});
