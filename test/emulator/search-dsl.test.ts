import { beforeAll, describe, expect, it } from "vitest";
import type { Doc } from "../../src/emulator/types.js";
import { call, makeEmulator, TEST_NOW } from "./helpers.js";

const DAY = 86_400;
const dayStart = Math.floor(TEST_NOW / DAY) * DAY;

describe("search query DSL", () => {
  const em = makeEmulator();
  const ids: Record<string, string> = {};

  async function ids_of(path: string, query: unknown, perPage = 150): Promise<string[]> {
    const result = await call(em, "POST", path, { query, pagination: { per_page: perPage } });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const list = (result.body.data ?? result.body.conversations ?? result.body.tickets) as Doc[];
    return list.map((d) => d.id);
  }
  const contacts = (query: unknown) => ids_of("/contacts/search", query);

  beforeAll(async () => {
    const people = [
      { key: "ann", email: "ann@alpha.example", name: "Ann Alpha", custom_attributes: { plan: "pro", seats: 5, beta: true } },
      { key: "bob", email: "bob@beta.example", name: "Bob Beta", custom_attributes: { plan: "team", seats: 12, beta: false } },
      { key: "cat", email: "cat@alpha.example", name: "Cat Gamma", custom_attributes: { plan: "free", seats: 1, beta: true }, role: "lead" },
    ];
    for (const person of people) {
      const { key, ...body } = person;
      em.clock.ms = (dayStart + 3600 * (Object.keys(ids).length + 1)) * 1000;
      ids[key] = (await call(em, "POST", "/contacts", body)).body.id;
    }
  });

  const mine = (found: string[]) => found.filter((id) => Object.values(ids).includes(id)).sort();
  const expectIds = (found: string[], keys: string[]) => expect(mine(found)).toEqual(keys.map((k) => ids[k]).sort());

  it("supports every string operator", async () => {
    expectIds(await contacts({ field: "email", operator: "=", value: "ANN@alpha.example" }), ["ann"]);
    expectIds(await contacts({ field: "custom_attributes.plan", operator: "!=", value: "pro" }), ["bob", "cat"]);
    expectIds(await contacts({ field: "custom_attributes.plan", operator: "IN", value: ["pro", "free"] }), ["ann", "cat"]);
    expectIds(await contacts({ field: "custom_attributes.plan", operator: "NIN", value: ["pro", "free"] }), ["bob"]);
    expectIds(await contacts({ field: "name", operator: "~", value: "alph" }), ["ann"]);
    expectIds(await contacts({ field: "email", operator: "!~", value: "alpha" }), ["bob"]);
    expectIds(await contacts({ field: "name", operator: "^", value: "cat" }), ["cat"]);
    expectIds(await contacts({ field: "email", operator: "$", value: "@beta.example" }), ["bob"]);
  });

  it("supports integer and boolean operators on nested custom attributes", async () => {
    expectIds(await contacts({ field: "custom_attributes.seats", operator: ">", value: 4 }), ["ann", "bob"]);
    expectIds(await contacts({ field: "custom_attributes.seats", operator: "<", value: 5 }), ["cat"]);
    expectIds(await contacts({ field: "custom_attributes.seats", operator: ">=", value: 5 }), ["ann", "bob"]);
    expectIds(await contacts({ field: "custom_attributes.seats", operator: "<=", value: 5 }), ["ann", "cat"]);
    expectIds(await contacts({ field: "custom_attributes.beta", operator: "=", value: true }), ["ann", "cat"]);
    expectIds(await contacts({ field: "custom_attributes.beta", operator: "!=", value: true }), ["bob"]);
  });

  it("matches contact dates by calendar day", async () => {
    expectIds(await contacts({ field: "created_at", operator: "=", value: dayStart + 50_000 }), ["ann", "bob", "cat"]);
    expectIds(await contacts({ field: "created_at", operator: ">", value: dayStart + 10 }), []);
    expectIds(await contacts({ field: "created_at", operator: "<", value: dayStart + DAY }), ["ann", "bob", "cat"]);
    const err = await call(em, "POST", "/contacts/search", { query: { field: "created_at", operator: ">=", value: dayStart } });
    expect(err.status).toBe(400);
    expect(err.body.errors[0].message).toMatch(/not supported on created_at/);
  });

  it("takes timestamps and counts written as strings, as Intercom's own examples send them", async () => {
    expectIds(await contacts({ field: "created_at", operator: "=", value: String(dayStart + 50_000) }), ["ann", "bob", "cat"]);
    const since = TEST_NOW - 3 * DAY;
    const asNumber = await ids_of("/conversations/search", { field: "created_at", operator: ">", value: since });
    expect(asNumber.length).toBeGreaterThan(0);
    expect(await ids_of("/conversations/search", { field: "created_at", operator: ">", value: String(since) })).toEqual(asNumber);
    const reopened = await ids_of("/conversations/search", { field: "statistics.count_reopens", operator: "IN", value: ["1", "2"] });
    expect(reopened).toEqual(await ids_of("/conversations/search", { field: "statistics.count_reopens", operator: "IN", value: [1, 2] }));
    const err = await call(em, "POST", "/conversations/search", { query: { field: "created_at", operator: ">", value: "yesterday" } });
    expect(err.status).toBe(400);
    expect(err.body.errors[0]).toMatchObject({ code: "invalid_query", message: expect.stringMatching(/UNIX timestamp/) });
  });

  it("sorts a contacts search by a field, descending unless asked otherwise, and pages through the sorted list", async () => {
    const query = { field: "role", operator: "IN", value: ["user", "lead"] };
    const walk = async (sort: Doc) => {
      const seen: Doc[] = [];
      let cursor: string | undefined;
      do {
        const page = await call(em, "POST", "/contacts/search", { query, sort, pagination: { per_page: 9, starting_after: cursor } });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        seen.push(...page.body.data);
        cursor = page.body.pages.next?.starting_after;
      } while (cursor);
      return seen;
    };
    const ascending = await walk({ field: "created_at", order: "ascending" });
    const times = ascending.map((c) => c.created_at as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(ascending.map((c) => c.id)).size).toBe(em.state.count("contacts"));
    const descending = await walk({ field: "created_at" });
    expect(descending.map((c) => c.created_at)).toEqual([...times].sort((a, b) => b - a));
    const bad = await call(em, "POST", "/contacts/search", { query, sort: { field: "created_at", order: "sideways" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].code).toBe("invalid_sort_order");
    expect((await call(em, "POST", "/contacts/search", { query, sort: { field: "shoe_size" } })).status).toBe(400);
  });

  it("nests AND/OR two levels deep", async () => {
    const query = {
      operator: "OR",
      value: [
        {
          operator: "AND",
          value: [
            { field: "role", operator: "=", value: "lead" },
            { field: "custom_attributes.beta", operator: "=", value: true },
          ],
        },
        {
          operator: "AND",
          value: [
            { field: "custom_attributes.seats", operator: ">", value: 10 },
            { field: "email", operator: "~", value: "beta" },
          ],
        },
      ],
    };
    expectIds(await contacts(query), ["bob", "cat"]);
  });

  it("refuses three levels of nesting, more than 15 filters, and bad operators or values", async () => {
    const leaf = { field: "role", operator: "=", value: "user" };
    const tooDeep = { operator: "AND", value: [{ operator: "OR", value: [{ operator: "AND", value: [leaf] }] }] };
    const tooMany = { operator: "OR", value: Array.from({ length: 16 }, () => leaf) };
    const cases: [unknown, RegExp][] = [
      [tooDeep, /nest at most 2/],
      [tooMany, /at most 15 filters/],
      [{ field: "email", operator: ">", value: "a" }, /operator > is not supported on email/],
      [{ field: "custom_attributes.beta", operator: "~", value: true }, /not supported/],
      [{ field: "tag_id", operator: "IN", value: ["1"] }, /not supported on tag_id/],
      [{ field: "email", operator: "IN", value: "a" }, /needs an array/],
      [{ field: "created_at", operator: "<", value: "yesterday" }, /UNIX timestamp/],
      [{ field: "no_such_field", operator: "=", value: "x" }, /not a searchable field/],
      [{ field: "email", operator: "LIKE", value: "x" }, /Unknown operator/],
    ];
    for (const [query, message] of cases) {
      const result = await call(em, "POST", "/contacts/search", { query });
      expect(result.status, JSON.stringify(query)).toBe(400);
      expect(result.body.type).toBe("error.list");
      expect(result.body.errors[0].message).toMatch(message);
    }
    expect((await call(em, "POST", "/contacts/search", {})).status).toBe(400);
    const fifteen = { operator: "OR", value: Array.from({ length: 15 }, () => leaf) };
    expect((await call(em, "POST", "/contacts/search", { query: fifteen })).status).toBe(200);
  });

  it("searches conversations by nested source, statistics and custom attributes", async () => {
    const all = em.state.all("conversations");
    const sample = all[3];
    const author = sample.source.author.id;
    const byAuthor = await ids_of("/conversations/search", { field: "source.author.id", operator: "=", value: author });
    expect(byAuthor.sort()).toEqual(
      all
        .filter((c) => c.source.author.id === author)
        .map((c) => c.id)
        .sort(),
    );

    const reopened = await ids_of("/conversations/search", { field: "statistics.count_reopens", operator: ">", value: 0 });
    expect(reopened.sort()).toEqual(
      all
        .filter((c) => c.statistics.count_reopens > 0)
        .map((c) => c.id)
        .sort(),
    );

    const angryOpen = await ids_of("/conversations/search", {
      operator: "AND",
      value: [
        { field: "custom_attributes.mood", operator: "=", value: "angry" },
        { field: "open", operator: "=", value: true },
      ],
    });
    expect(angryOpen.sort()).toEqual(
      all
        .filter((c) => c.custom_attributes.mood === "angry" && c.open)
        .map((c) => c.id)
        .sort(),
    );

    const cutoff = all[10].created_at;
    const recent = await ids_of("/conversations/search", { field: "created_at", operator: ">=", value: cutoff });
    expect(recent.sort()).toEqual(
      all
        .filter((c) => c.created_at >= cutoff)
        .map((c) => c.id)
        .sort(),
    );

    const word = sample.source.body
      .replace(/<[^>]*>/g, " ")
      .split(/\s+/)
      .find((w: string) => /^[a-z]{5,}$/i.test(w));
    const byWord = await ids_of("/conversations/search", { field: "source.body", operator: "=", value: word });
    expect(byWord).toContain(sample.id);
  });

  it("finds conversations by their customer rating under the search field names", async () => {
    const rated = em.state.all("conversations").filter((c) => c.conversation_rating);
    const low = rated.filter((c) => c.conversation_rating.rating <= 2);
    expect(low.length).toBeGreaterThan(0);
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await ids_of("/conversations/search", { field: "conversation_rating.score", operator: "<=", value: 2 }))).toEqual(
      sorted(low.map((c) => c.id)),
    );
    const sample = low[0].conversation_rating;
    const query = {
      operator: "AND",
      value: [
        { field: "conversation_rating.contact_id", operator: "=", value: sample.contact.id },
        { field: "conversation_rating.admin_id", operator: "=", value: sample.teammate.id },
        { field: "conversation_rating.replied_at", operator: "=", value: sample.created_at },
        { field: "conversation_rating.requested_at", operator: "<=", value: sample.created_at },
      ],
    };
    expect(await ids_of("/conversations/search", query)).toContain(low[0].id);
  });

  it("searches tickets by state, category alias and ticket attributes", async () => {
    const tickets = em.state.all("tickets");
    const t = tickets[0];
    const byState = await ids_of("/tickets/search", { field: "state", operator: "=", value: t.ticket_state.category });
    expect(byState.sort()).toEqual(
      tickets
        .filter((x) => x.ticket_state.category === t.ticket_state.category)
        .map((x) => x.id)
        .sort(),
    );
    const requests = await ids_of("/tickets/search", { field: "category", operator: "=", value: "request" });
    expect(requests.sort()).toEqual(
      tickets
        .filter((x) => x.category === "Customer")
        .map((x) => x.id)
        .sort(),
    );
    const byTitle = await ids_of("/tickets/search", { field: "ticket_attributes._default_title_", operator: "=", value: t.ticket_attributes._default_title_ });
    expect(byTitle).toContain(t.id);
  });

  it("pages search results with starting_after", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const result = await call(em, "POST", "/conversations/search", {
        query: { field: "id", operator: "!=", value: "0" },
        pagination: { per_page: 7, starting_after: cursor },
      });
      seen.push(...result.body.conversations.map((c: Doc) => c.id));
      cursor = result.body.pages.next?.starting_after;
    } while (cursor);
    expect(seen).toEqual(em.state.all("conversations").map((c) => c.id));
    expect(
      (await call(em, "POST", "/conversations/search", { query: { field: "id", operator: "!=", value: "0" }, pagination: { per_page: 151 } })).status,
    ).toBe(400);
  });
});
