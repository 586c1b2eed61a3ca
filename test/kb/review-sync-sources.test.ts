/**
 * What the sync reads from Intercom and how it files it: collection paths, every page of internal articles,
 * translations, and a read that fails part-way. Real parts: the emulator over loopback HTTP, the audited tool
 * executor, a SQLite file with the app's migrations.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { syncKb } from "../../src/kb/sync.js";
import type { AuditedReads } from "../../src/workflows/audited-reads.js";
import { callOverHttp, type ManualClock, TEST_NOW } from "../emulator/helpers.js";
import { type EmulatorKb, startEmulatorKb } from "./emulator-kb.js";

type Doc = Record<string, unknown>;

let emulator: RunningEmulator;
let clock: ManualClock;
let kb: KnowledgeBase;
let reads: AuditedReads;
let authorId: number;
const seconds = () => Math.floor(clock.now() / 1000);

let world: EmulatorKb;

beforeEach(async () => {
  world = await startEmulatorKb();
  ({ emulator, clock, kb, reads } = world);
  authorId = Number((emulator.state.all("admins")[0] as { id: string }).id);
});

afterEach(async () => {
  await world.close();
});

const api = async (method: string, path: string, body?: Doc) => {
  const result = await callOverHttp(emulator, method, path, body);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
};
const sync = (over: Partial<Parameters<typeof syncKb>[0]> = {}) => syncKb({ reads, index: kb.index, now: seconds(), ...over });

describe("collection paths", () => {
  it("names every level of nested collections, the section inside a collection, and nothing for a loose article", async () => {
    const top = await api("POST", "/help_center/collections", { name: "Travel" });
    const middle = await api("POST", "/help_center/collections", { name: "Abroad", parent_id: top.id });
    const bottom = await api("POST", "/help_center/collections", { name: "Cash", parent_id: middle.id });
    const section = await api("POST", "/help_center/sections", { name: "Limits", parent_id: bottom.id });
    const article = (title: string, parent?: unknown) =>
      api("POST", "/articles", { title, body: "<p>Text.</p>", author_id: authorId, state: "published", ...(parent ? { parent_id: parent } : {}) });
    const inNested = await article("ATMs abroad", bottom.id);
    const inSection = await article("Withdrawal limits abroad", section.id);
    const loose = await article("A loose article");
    await sync();
    expect(kb.index.article(`article:${inNested.id}`)?.collection).toBe("Travel › Abroad › Cash");
    expect(kb.index.article(`article:${inSection.id}`)?.collection).toBe("Travel › Abroad › Cash › Limits");
    expect(kb.index.article(`article:${loose.id}`)?.collection).toBe("");
    // The demo's own section articles: collection › section.
    expect(kb.index.article("article:9800001")?.collection).toBe("Cards › Getting a card");
  });

  it("a rate-limited read of the sections keeps every path (and re-indexes nothing) and says it could not read", async () => {
    await sync();
    const before = kb.index.article("article:9800001")?.collection;
    expect(before).toBe("Cards › Getting a card");
    clock.advance(3_600_000);
    const limited: AuditedReads = {
      read: (tool, args, prompt) => {
        if (tool === "INTERCOM_LIST_HELP_CENTER_SECTIONS") emulator.setFaults({ rateLimitBurst: 1 });
        return reads.read(tool, args, prompt);
      },
    };
    const report = await sync({ reads: limited });
    expect(kb.index.article("article:9800001")?.collection).toBe(before);
    expect(report.changed).toBe(0);
    expect(report.removed).toBe(0);
    expect(report.errors.join("; ")).toContain("INTERCOM_LIST_HELP_CENTER_SECTIONS");
  });
});

describe("internal articles", () => {
  it("reads every page of them, all internal and without a link", async () => {
    const already = emulator.state.all("internal_articles").length;
    for (let i = 0; i < 60; i++) {
      await api("POST", "/internal_articles", {
        title: `Runbook ${i}`,
        body: `<p>Step ${i} for the on-call desk.</p>`,
        author_id: authorId,
        owner_id: authorId,
      });
    }
    const report = await sync();
    const ids = kb.index.idsOfSource("internal");
    expect(ids).toHaveLength(already + 60);
    expect(report.errors).toEqual([]);
    for (const id of ids) {
      const row = kb.index.article(id);
      expect(row?.visibility).toBe("internal");
      expect(row?.url).toBeUndefined();
    }
  });
});

describe("a list that has more than the one page a tool can read", () => {
  it("keeps the indexed external pages and reports the read as failed, instead of removing the rest", async () => {
    await sync();
    const indexed = kb.index.idsOfSource("external").length;
    expect(indexed).toBeGreaterThan(1);
    clock.advance(3_600_000);
    // What a list that pages looks like from here: one page of items, and a total that says there are more.
    const firstPageOnly: AuditedReads = {
      read: async <T>(tool: string, args: Record<string, unknown>, prompt?: string) => {
        const result = await reads.read<T>(tool, args, prompt);
        if (tool !== "INTERCOM_LIST_EXTERNAL_PAGES" || !result.ok) return result;
        const all = result.raw as { data: Doc[] };
        const page = { ...all, data: all.data.slice(0, 1), pages: { type: "pages", page: 1, per_page: 1, total_pages: all.data.length } };
        return { ok: true, data: page as T, raw: page } as const;
      },
    };
    const report = await sync({ reads: firstPageOnly });
    expect(kb.index.idsOfSource("external")).toHaveLength(indexed);
    expect(report.removed).toBe(0);
    expect(report.errors.join("; ")).toContain("INTERCOM_LIST_EXTERNAL_PAGES");
  });
});

describe("translations", () => {
  it("indexes each published translation with its own locale, title and url, and never a draft one", async () => {
    const article = emulator.state.get("articles", "9800001") as Doc;
    const content = (article.translated_content ?? {}) as Doc;
    article.translated_content = {
      ...content,
      fr: {
        type: "article_content",
        title: "Délai de livraison de la carte",
        body: "<p>La livraison prend trois jours.</p>",
        state: "published",
        url: "https://help.kestrel.example/fr/articles/9800001",
        author_id: authorId,
        updated_at: TEST_NOW,
      },
      de: {
        type: "article_content",
        title: "Lieferzeit der Karte",
        body: "<p>Entwurf.</p>",
        state: "draft",
        url: "https://help.kestrel.example/de/articles/9800001",
        author_id: authorId,
        updated_at: TEST_NOW,
      },
    };
    emulator.state.save("articles", article);
    await sync();
    const fr = kb.index.article("article:9800001:fr");
    expect(fr).toMatchObject({
      locale: "fr",
      title: "Délai de livraison de la carte",
      url: "https://help.kestrel.example/fr/articles/9800001",
      visibility: "public",
    });
    expect(kb.index.article("article:9800001")).toMatchObject({ locale: "en", title: "How long does card delivery take?" });
    expect(kb.index.article("article:9800001:de")).toBeUndefined();
    // The French chunk cites the French page, not the English one.
    const hit = kb.searcher.search({ text: "livraison carte", k: 3 }).find((h) => h.articleId === "article:9800001:fr");
    expect(hit?.chunk.anchorUrl).toBe("https://help.kestrel.example/fr/articles/9800001");
  });
});
