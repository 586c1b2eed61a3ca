import { describe, expect, it } from "vitest";
import { buildTempKb } from "../../src/kb/temp-index.js";
import { helpArticle } from "../helpers/kb-article.js";

const article = helpArticle;

// Two articles that both answer "export my notes"; only the conversation says which device the customer is on.
const articles = [
  article("export", "Export notes", "<p>Choose Export in the note menu and pick PDF or Markdown.</p>"),
  article("export-android", "Export notes on a device", "<p>On an Android phone, open the menu, choose Export and share the file.</p>"),
  article("share", "Share a notebook", "<p>Invite people by email to read or edit a notebook.</p>"),
  article("trash", "Restore deleted notes", "<p>Deleted notes stay in the trash for thirty days.</p>"),
  article("plans", "Plans and prices", "<p>The free plan has three notebooks; Pro has no limit.</p>"),
  article("sync", "Sync between computers", "<p>Sign in on each computer and sync starts by itself.</p>"),
];

describe("the conversation so far", () => {
  it("lifts the article its words point at above the one the question alone ranks first", () => {
    const kb = buildTempKb(articles);
    try {
      const question = "How do I export my notes?";
      const alone = kb.searcher.search({ text: question, k: 2 });
      expect(alone.map((h) => h.articleId)).toEqual(["export", "export-android"]);

      const withContext = kb.searcher.search({ text: question, context: ["Hi, I use Quillpad on my Android phone"], k: 2 });
      expect(withContext.map((h) => h.articleId)).toEqual(["export-android", "export"]);
      // The question's own ranking is unchanged for the article the conversation does not speak to.
      expect(withContext[1]?.score).toBe(alone[0]?.score);
    } finally {
      kb.close();
    }
  });

  it("leaves the ranking alone when the conversation names nothing the articles hold", () => {
    const kb = buildTempKb(articles);
    try {
      const hits = kb.searcher.search({ text: "How do I export my notes?", context: ["Good morning, quick question"], k: 2 });
      expect(hits.map((h) => h.articleId)).toEqual(["export", "export-android"]);
    } finally {
      kb.close();
    }
  });
});
