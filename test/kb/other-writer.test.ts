/**
 * The app's knowledge base and a `switchboard kb sync` in another process share one SQLite file. What the other
 * process indexed is found by the app's searcher at once, even a word the app's index never had before.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KbIndex } from "../../src/kb/kb-index.js";
import { KbSearcher } from "../../src/kb/search.js";
import { type Db, openDatabase } from "../../src/store/database.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const open = () => {
  const db = openDatabase(join(temp.dir, "switchboard.db"));
  opened.push(db);
  return db;
};

describe("a sync by another process", () => {
  it("is searched by the running app once its word statistics are due again, starting from an empty index", () => {
    let clock = 1_000_000;
    const app = new KbSearcher(new KbIndex(open(), { now: () => clock }));
    expect(app.search({ text: "How do I change my PIN?" })).toEqual([]);
    const cli = new KbIndex(open());
    cli.db.transaction(() => {
      cli.upsert(helpArticle("pin", "Changing your PIN", "<p>Open Cards, then Change PIN.</p>"), 1);
      for (let i = 0; i < 12; i++) cli.upsert(helpArticle(`other-${i}`, `Topic ${i}`, `<p>Something about fees and limits ${i}.</p>`), 1);
    })();
    // The statistics are re-read at most every few seconds while an index changes; a question after that finds it.
    clock += 10_000;
    expect(app.search({ text: "How do I change my PIN?" })[0]?.articleId).toBe("pin");
  });
});
