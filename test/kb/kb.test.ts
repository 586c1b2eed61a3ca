import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { faqAnswerFile } from "../../src/cli/faq-commands.js";
import { kbSearchFile } from "../../src/cli/kb-commands.js";
import { chunkArticle } from "../../src/kb/chunk.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import { helpArticle } from "../helpers/kb-article.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

const article = helpArticle;

describe("chunking", () => {
  it("splits at headings and gives each chunk its anchor URL", () => {
    const chunks = chunkArticle("<p>Intro text.</p><h2>Change your PIN</h2><p>Open Card settings.</p><h3 id='fees'>Fees</h3><p>It is free.</p>", "https://h/x");
    expect(chunks.map((c) => [c.heading, c.anchorUrl, c.text])).toEqual([
      ["", "https://h/x", "Intro text."],
      ["Change your PIN", "https://h/x#change-your-pin", "Open Card settings."],
      ["Fees", "https://h/x#fees", "It is free."],
    ]);
  });
});

describe("the index", () => {
  it("re-indexes only changed articles and forgets removed ones", () => {
    const kb = buildTempKb([article("a", "Pets", "Dogs are welcome.")]);
    expect(kb.index.upsert(article("a", "Pets", "Dogs are welcome."), 1)).toBe("unchanged");
    expect(kb.index.upsert(article("a", "Pets", "Cats only."), 2)).toBe("changed");
    expect(kb.searcher.search({ text: "dog" })[0]?.chunk.text).toBe("Cats only.");
    kb.index.remove("a");
    expect(kb.searcher.search({ text: "cats" })).toEqual([]);
    kb.close();
  });

  it("keeps an unchanged article's new author and date without re-indexing it (kb status reads them)", () => {
    const kb = buildTempKb([article("a", "Pets", "Dogs are welcome.", { author: "111", updatedAt: 1000 })]);
    expect(kb.index.upsert(article("a", "Pets", "Dogs are welcome.", { author: "222", updatedAt: 2000 }), 3)).toBe("unchanged");
    expect(kb.index.article("a")).toMatchObject({ author: "222", updatedAt: 2000 });
    kb.close();
  });

  it("answers for the entity named earlier in the conversation", () => {
    const kb = buildTempKb([
      article("h1", "Can I bring my dog?", "No pets at the Grand Plaza.", { entity: "Grand Plaza Hotel", domain: "hotel" }),
      article("h2", "Can I bring my dog?", "Dogs are welcome at the Sea View.", { entity: "Sea View Hotel", domain: "hotel" }),
      article("h3", "Is there parking?", "Free parking at the Sea View.", { entity: "Sea View Hotel", domain: "hotel" }),
      article("h4", "Is there parking?", "Paid parking at the Grand Plaza.", { entity: "Grand Plaza Hotel", domain: "hotel" }),
      article("h5", "Is breakfast included?", "Yes at the Grand Plaza.", { entity: "Grand Plaza Hotel", domain: "hotel" }),
    ]);
    const ask = (context: string[]) => kb.searcher.search({ text: "can I bring my dog?", context, k: 1 })[0]?.articleId;
    expect(ask(["I want a room at the Sea View", "The Sea View has rooms"])).toBe("h2");
    expect(ask(["Book me the Grand Plaza please"])).toBe("h1");
    kb.close();
  });

  it("keeps internal articles out when asked for public ones only", () => {
    const kb = buildTempKb([
      article("i", "Refund limits", "Agents may refund 50.", { visibility: "internal" }),
      article("p", "Refunds", "Ask for a refund in the app."),
    ]);
    expect(kb.searcher.search({ text: "refund", publicOnly: true }).map((h) => h.articleId)).toEqual(["p"]);
    kb.close();
  });
});

describe("the evaluation contracts", () => {
  const file = join(temp.dir, "articles.csv");
  writeFileSync(
    file,
    'article_id,title,body,url,visibility\nkb1,Changing your PIN,"<p>Open Card settings and choose Change PIN.</p>",https://help.example.com/pin,public\n' +
      "kb2,Internal fraud steps,Freeze the card first.,,internal\n",
  );

  it("kb search answers each line, reports a bad line and counts it as failed", async () => {
    const out: string[] = [];
    const failed = await kbSearchFile({
      articlesFile: file,
      k: 10,
      input: Readable.from(['{"id":"q1","query":"how do I change my PIN"}\n', "not json\n", '{"id":"q3"}\n']),
      write: (l) => out.push(l),
    });
    expect(failed).toBe(2);
    expect(JSON.parse(out[0] as string)).toMatchObject({ id: "q1", articles: [{ id: "kb1" }] });
    expect(JSON.parse(out[1] as string)).toMatchObject({ id: null, error: expect.stringContaining("not valid JSON") });
    expect(JSON.parse(out[2] as string)).toMatchObject({ id: "q3", error: expect.stringContaining('"query"') });
  });

  it("faq answer cites the public article and abstains when nothing answers", async () => {
    const out: string[] = [];
    const failed = await faqAnswerFile({
      articlesFile: file,
      input: Readable.from(['{"id":"m1","message":"How can I change my PIN?"}\n', '{"id":"m2","message":"Do you sell travel insurance?"}\n']),
      write: (l) => out.push(l),
    });
    expect(failed).toBe(0);
    const [m1, m2] = out.map((l) => JSON.parse(l));
    expect(m1).toMatchObject({ id: "m1", citations: ["kb1"] });
    expect(m1.decision).not.toBe("abstain");
    expect(m1.answer).toContain("https://help.example.com/pin");
    expect(m2).toMatchObject({ id: "m2", decision: "abstain", citations: [], answer: "" });
  });
});
