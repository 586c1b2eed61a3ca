/** The pure half of the article re-sync: which versions to index and which indexed ids to drop. */
import { describe, expect, it } from "vitest";
import { articleChangeTopic } from "../../src/emulator/resources/help-center.js";
import { articleIdOf, indexedVersionsOf, planResync } from "../../src/kb/article-resync.js";

const article = (overrides: Record<string, unknown> = {}) => ({
  type: "article",
  id: "42",
  title: "Freezing a card",
  body: "<p>Tap Freeze.</p>",
  state: "published",
  url: "https://help.example.com/en/articles/42",
  default_locale: "en",
  updated_at: 1_700_000_000,
  translated_content: {
    type: "article_translated_content",
    fr: {
      title: "Geler une carte",
      body: "<p>Touchez Geler.</p>",
      state: "published",
      url: "https://help.example.com/fr/articles/42",
      updated_at: 1_700_000_100,
    },
    de: { title: "Karte sperren", body: "<p>Sperren.</p>", state: "draft", url: "https://help.example.com/de/articles/42" },
  },
  ...overrides,
});

describe("planResync", () => {
  it("indexes every published locale under the article's collection and drops a locale that went back to draft", () => {
    const plan = planResync(article(), "Cards › Security", ["article:42", "article:42:de"]);
    expect(plan.upserts.map((a) => [a.id, a.locale, a.collection, a.visibility])).toEqual([
      ["article:42", "en", "Cards › Security", "public"],
      ["article:42:fr", "fr", "Cards › Security", "public"],
    ]);
    expect(plan.removals).toEqual(["article:42:de"]);
  });

  it("removes every indexed version of an article that is gone or no longer published", () => {
    expect(planResync(undefined, "", ["article:42", "article:42:fr"])).toEqual({ upserts: [], removals: ["article:42", "article:42:fr"] });
    const draft = article({ state: "draft", translated_content: {} });
    expect(planResync(draft, "", ["article:42"])).toEqual({ upserts: [], removals: ["article:42"] });
  });
});

describe("the article a notification names", () => {
  it("takes data.item.id, numeric or string, and refuses anything that is not an id", () => {
    expect(articleIdOf({ type: "article", id: 42 })).toBe("42");
    expect(articleIdOf({ id: " 9800001 " })).toBe("9800001");
    for (const bad of [undefined, null, "42", {}, { id: "" }, { id: "../admins" }, { id: { nested: 1 } }]) expect(articleIdOf(bad)).toBeUndefined();
  });

  it("finds only that article's indexed versions, not one whose id merely starts the same", () => {
    expect(indexedVersionsOf("42", ["article:42", "article:420", "article:42:fr", "internal:42"])).toEqual(["article:42", "article:42:fr"]);
  });
});

describe("the emulator's article topics", () => {
  it("names a change of state for what it is and anything else an update", () => {
    expect(articleChangeTopic("draft", "published")).toBe("article.published");
    expect(articleChangeTopic("published", "draft")).toBe("article.unpublished");
    expect(articleChangeTopic("published", "published")).toBe("article.updated");
    expect(articleChangeTopic("draft", "draft")).toBe("article.updated");
  });
});
