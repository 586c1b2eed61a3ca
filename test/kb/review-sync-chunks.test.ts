/**
 * How an article's HTML becomes heading chunks: anchors a citation can open, text a search can find and a
 * customer can read (tables, lists, images, entities), and chunks of a useful size.
 */
import { describe, expect, it } from "vitest";
import { chunkArticle } from "../../src/kb/chunk.js";
import { buildTempKb } from "../../src/kb/temp-index.js";
import { helpArticle } from "../helpers/kb-article.js";

const URL = "https://help.example.com/en/articles/1-fees";
const texts = (body: string) => chunkArticle(body, URL).map((c) => c.text);

describe("anchors", () => {
  it("gives repeated headings distinct anchors, and keeps an id the HTML gives", () => {
    const chunks = chunkArticle("<h2>Steps</h2><p>One.</p><h2>Steps</h2><p>Two.</p><h2 id='h_7f3a'>Steps</h2><p>Three.</p><h2>Steps</h2><p>Four.</p>", URL);
    const anchors = chunks.map((c) => c.anchorUrl);
    expect(new Set(anchors).size).toBe(4);
    expect(anchors[0]).toBe(`${URL}#steps`);
    expect(anchors[2]).toBe(`${URL}#h_7f3a`);
  });

  it("keeps content before the first heading (no anchor) and a heading with nothing under it", () => {
    const chunks = chunkArticle("<p>Intro.</p><h1>Top</h1><h2>Fees</h2><p>None.</p>", URL);
    expect(chunks.map((c) => [c.heading, c.anchorUrl, c.text])).toEqual([
      ["", URL, "Intro."],
      ["Top", `${URL}#top`, "Top"],
      ["Fees", `${URL}#fees`, "None."],
    ]);
  });
});

describe("text", () => {
  it("keeps table cells apart, so each cell's words can be found and read", () => {
    const [text] = texts(
      "<h2>Fees</h2><table><tr><th>Plan</th><th>Monthly fee</th></tr><tr><td>Basic</td><td>Free</td></tr><tr><td>Premium</td><td>7 euros</td></tr></table>",
    );
    expect(text).toMatch(/\bPlan\b.*\bMonthly fee\b/);
    expect(text).toMatch(/\bBasic Free\b/);
    expect(text).toMatch(/\bPremium 7 euros\b/);
  });

  it("finds an article by a word that is only in a table cell", () => {
    const kb = buildTempKb([
      helpArticle("fees", "Fees", "<table><tr><td>Basic</td><td>Free</td></tr><tr><td>Premium</td><td>Seven euros</td></tr></table>"),
      helpArticle("other", "Cards", "<p>Order a card in the app.</p>"),
    ]);
    expect(kb.searcher.search({ text: "premium", k: 3 }).map((h) => h.articleId)).toEqual(["fees"]);
    kb.close();
  });

  it("keeps an image's alt text but not its address", () => {
    const [text] = texts("<p>Open settings.</p><img src='https://cdn.example.com/shot.png' alt='The card settings screen'>");
    expect(text).toContain("The card settings screen");
    expect(text).not.toContain("cdn.example.com");
  });

  it("keeps lists, code and entities readable, and drops scripts and styles", () => {
    const [text] = texts(
      "<style>.x{color:red}</style><ul><li>Open the app</li><li>Tap Card</li></ul><pre><code>pin --reset</code></pre><p>Terms&nbsp;&amp;&nbsp;fees &lt;apply&gt;</p><script>track()</script>",
    );
    expect(text).toContain("Open the app");
    expect(text).toContain("Tap Card");
    expect(text).toContain("pin --reset");
    expect(text?.replace(/\u00a0/g, " ")).toContain("Terms & fees <apply>");
    expect(text).not.toMatch(/color|track/);
  });

  it("does not shout minor headings (h5, h6) in capitals", () => {
    expect(texts("<h2>Main</h2><p>a</p><h5>Good to know</h5><p>b</p><h6>Small print</h6>")[0]).not.toMatch(/GOOD TO KNOW|SMALL PRINT/);
  });

  it("decodes entities in a plain-text body", () => {
    expect(texts("Fees &amp; charges apply&nbsp;here.")[0]?.replace(/\u00a0/g, " ")).toBe("Fees & charges apply here.");
  });
});

describe("chunk size", () => {
  const sizes = (body: string) => chunkArticle(body, URL).map((c) => c.text.length);

  it("splits a long list into chunks of a useful size, losing no item", () => {
    const items = Array.from({ length: 80 }, (_, i) => `<li>Step ${i}: open the menu and choose option number ${i}</li>`).join("");
    const chunks = chunkArticle(`<h2>Steps</h2><ul>${items}</ul>`, URL);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(c.heading).toBe("Steps");
    }
    const all = chunks.map((c) => c.text).join("\n");
    for (let i = 0; i < 80; i++) expect(all).toContain(`option number ${i}`);
  });

  it("splits a long run of text without sentence ends at word boundaries", () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const chunks = chunkArticle(`<p>${words}</p>`, URL);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...sizes(`<p>${words}</p>`))).toBeLessThanOrEqual(1200);
    expect(
      chunks
        .map((c) => c.text)
        .join(" ")
        .split(/\s+/),
    ).toEqual(words.split(" "));
  });
});

describe("Markdown and plain-text bodies", () => {
  it("splits at # headings but not at # lines inside a fenced code block", () => {
    const body = [
      "# Install",
      "Run the installer:",
      "```sh",
      "# as root",
      "./install.sh",
      "```",
      "## Update",
      "~~~",
      "# not a heading either",
      "~~~",
      "Done.",
    ].join("\n");
    const chunks = chunkArticle(body, URL);
    expect(chunks.map((c) => c.heading)).toEqual(["Install", "Update"]);
    expect(chunks[0]?.text).toContain("# as root");
    expect(chunks[1]?.text).toContain("# not a heading either");
  });
});
