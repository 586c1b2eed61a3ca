import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/emulator/types.js";
import { call, makeEmulator } from "./helpers.js";

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
