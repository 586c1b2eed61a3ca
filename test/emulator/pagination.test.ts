import { describe, expect, it } from "vitest";
import { createEmulator } from "../../src/emulator/emulator.js";
import type { Doc } from "../../src/emulator/types.js";
import { call, ManualClock, makeEmulator, TEST_NOW } from "./helpers.js";

describe("pagination", () => {
  it("walks GET /conversations with starting_after cursors and respects per_page limits", async () => {
    const em = makeEmulator();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await call(em, "GET", `/conversations?per_page=25${cursor ? `&starting_after=${cursor}` : ""}`);
      expect(result.body.pages).toMatchObject({ type: "pages", per_page: 25, page: pages + 1 });
      expect(result.body.total_count).toBe(em.state.count("conversations"));
      seen.push(...result.body.conversations.map((c: Doc) => c.id));
      cursor = result.body.pages.next?.starting_after;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(em.state.count("conversations") / 25));
    expect(seen).toEqual(em.state.all("conversations").map((c) => c.id));
    expect((await call(em, "GET", "/conversations")).body.conversations).toHaveLength(20);
    expect((await call(em, "GET", "/conversations?per_page=151")).status).toBe(400);
    expect((await call(em, "GET", "/conversations?per_page=0")).status).toBe(400);
    expect((await call(em, "GET", "/conversations?starting_after=garbage")).status).toBe(400);
  });

  it("keeps cursors on the next unseen item when the data changes between pages", async () => {
    const em = makeEmulator();
    // A cleanup job that archives what it has seen: every contact of each page is deleted before the next page.
    const everyone = em.state.all("contacts").map((c) => c.id);
    const visited: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await call(em, "GET", `/contacts?per_page=10${cursor ? `&starting_after=${cursor}` : ""}`);
      for (const contact of result.body.data as Doc[]) {
        visited.push(contact.id);
        expect((await call(em, "DELETE", `/contacts/${contact.id}`)).status).toBe(200);
      }
      cursor = result.body.pages.next?.starting_after;
    } while (cursor);
    expect(visited).toEqual(everyone);

    // A search walk where the last conversation handed out is deleted before the next page: no duplicates, no gaps.
    const query = { query: { field: "state", operator: "!=", value: "snoozed" }, pagination: { per_page: 7 } as Doc };
    const seen: string[] = [];
    let next: string | undefined;
    let round = 0;
    do {
      const page = await call(em, "POST", "/conversations/search", { ...query, pagination: { per_page: 7, starting_after: next } });
      seen.push(...page.body.conversations.map((c: Doc) => c.id));
      next = page.body.pages.next?.starting_after;
      if (round++ === 1) em.state.remove("conversations", seen[seen.length - 1]);
    } while (next);
    expect(new Set(seen).size).toBe(seen.length);
    const remaining = em.state
      .all("conversations")
      .filter((c) => c.state !== "snoozed")
      .map((c) => c.id);
    expect(seen.filter((id) => em.state.get("conversations", id))).toEqual(remaining);
  });

  it("walks large search results page by page with exactly the items of a full scan, for all three searches", async () => {
    const em = createEmulator({ conversations: 3000, seed: 11, now: TEST_NOW, clock: new ManualClock() });
    const cases: { path: string; list: string; query: Doc; expected: Doc[] }[] = [
      {
        path: "/conversations/search",
        list: "conversations",
        query: {
          operator: "OR",
          value: [
            { field: "state", operator: "=", value: "closed" },
            { field: "priority", operator: "IN", value: ["high", "urgent"] },
          ],
        },
        expected: em.state.all("conversations").filter((c) => c.state === "closed" || c.priority === "high" || c.priority === "urgent"),
      },
      {
        path: "/contacts/search",
        list: "data",
        query: { field: "role", operator: "=", value: "user" },
        expected: em.state.all("contacts").filter((c) => c.role === "user"),
      },
      {
        path: "/tickets/search",
        list: "tickets",
        query: { field: "created_at", operator: ">", value: 0 },
        expected: em.state.all("tickets"),
      },
    ];
    for (const { path, list, query, expected } of cases) {
      expect(expected.length).toBeGreaterThan(150);
      for (const perPage of [150, 37]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        let page = 0;
        do {
          const result = await call(em, "POST", path, { query, pagination: { per_page: perPage, starting_after: cursor } });
          expect(result.status, JSON.stringify(result.body)).toBe(200);
          page += 1;
          expect(result.body.pages).toMatchObject({ page, per_page: perPage, total_pages: Math.ceil(expected.length / perPage) });
          expect(result.body.total_count).toBe(expected.length);
          seen.push(...result.body[list].map((d: Doc) => d.id));
          cursor = result.body.pages.next?.starting_after;
        } while (cursor);
        expect(seen, `${path} per_page ${perPage}`).toEqual(expected.map((d) => d.id));
      }
    }
  });

  it("pages companies by page number", async () => {
    const em = makeEmulator();
    const total = em.state.count("companies");
    const first = await call(em, "GET", "/companies?per_page=20&page=1");
    expect(first.body.data).toHaveLength(20);
    expect(first.body.pages).toMatchObject({ type: "pages", page: 1, per_page: 20, total_pages: Math.ceil(total / 20) });
    const last = await call(em, "POST", `/companies/list?per_page=20&page=${Math.ceil(total / 20)}`);
    expect(last.body.data.length).toBe(total - 20 * (Math.ceil(total / 20) - 1));
    expect((await call(em, "GET", "/companies")).body.data).toHaveLength(15);
    expect((await call(em, "GET", "/companies?per_page=61")).status).toBe(400);
    const beyond = await call(em, "GET", "/companies?page=999");
    expect(beyond.body.data).toEqual([]);
  });

  it("scrolls companies: one open scroll per app, scroll_param, end of data, expiry", async () => {
    const em = makeEmulator();
    const total = em.state.count("companies");
    const first = await call(em, "GET", "/companies/scroll");
    expect(first.status).toBe(200);
    const param = first.body.scroll_param;
    expect(typeof param).toBe("string");

    const second = await call(em, "GET", "/companies/scroll");
    expect(second.status).toBe(400);
    expect(second.body.errors[0].code).toBe("scroll_exists");

    const seen = first.body.data.map((c: Doc) => c.id);
    for (;;) {
      const next = await call(em, "GET", `/companies/scroll?scroll_param=${param}`);
      expect(next.status).toBe(200);
      if (next.body.data.length === 0) break;
      seen.push(...next.body.data.map((c: Doc) => c.id));
    }
    expect(seen).toHaveLength(total);
    expect((await call(em, "GET", `/companies/scroll?scroll_param=${param}`)).status).toBe(404);

    const again = await call(em, "GET", "/companies/scroll");
    expect(again.status).toBe(200);
    em.clock.advance(61_000);
    expect((await call(em, "GET", `/companies/scroll?scroll_param=${again.body.scroll_param}`)).status).toBe(404);
    expect((await call(em, "GET", "/companies/scroll")).status).toBe(200);
  });

  it("pages macros with cursors and articles with page numbers", async () => {
    const em = makeEmulator();
    const macros = await call(em, "GET", "/macros?per_page=2");
    expect(macros.body.data).toHaveLength(2);
    const next = await call(em, "GET", `/macros?per_page=2&starting_after=${macros.body.pages.next.starting_after}`);
    expect(next.body.data[0].id).toBe(em.state.all("macros")[2].id);
    const articles = await call(em, "GET", "/articles?per_page=3&page=2");
    expect(articles.body.data.map((a: Doc) => a.id)).toEqual(
      em.state
        .all("articles")
        .slice(3, 6)
        .map((a) => a.id),
    );
  });
});
