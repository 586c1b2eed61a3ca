import { afterEach, describe, expect, it } from "vitest";
import { IntercomClient } from "../../src/intercom/client.js";
import { listItems } from "../../src/intercom/paginate.js";
import { type LocalHandler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { fakeTime } from "./fake-time.js";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: LocalHandler) {
  const server = await startLocalServer(handler);
  servers.push(server);
  const time = fakeTime();
  const client = new IntercomClient({ baseUrl: server.baseUrl, token: "tok-test-123456", now: time.now, sleep: time.sleep, random: () => 0.5 });
  return { server, client };
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ type: "contact", id: String(from + i) }));

describe("paginate", () => {
  it("follows cursors in the query string (contacts style)", async () => {
    const { server, client } = await setup((req, res) => {
      const after = req.query.get("starting_after");
      const page = after === null ? 0 : Number(after);
      const next = page < 2 ? { per_page: 2, starting_after: String(page + 1) } : undefined;
      sendJson(res, 200, { type: "list", data: ids(page * 2, 2), pages: { type: "pages", next } });
    });
    const items = await collect(client.paginate<{ id: string }>({ method: "GET", path: "/contacts" }, { perPage: 2 }));
    expect(items.map((i) => i.id)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      "/contacts?per_page=2",
      "/contacts?per_page=2&starting_after=1",
      "/contacts?per_page=2&starting_after=2",
    ]);
  });

  it("walks page numbers, by next URL or by total_pages (companies style)", async () => {
    const { server, client } = await setup((req, res) => {
      const page = Number(req.query.get("page") ?? 1);
      const byUrl = req.path === "/companies";
      const pages = byUrl
        ? { type: "pages", page, per_page: 2, total_pages: 3, next: page < 3 ? `https://api.intercom.io/companies?per_page=2&page=${page + 1}` : null }
        : { type: "pages", page, per_page: 2, total_pages: 3 };
      sendJson(res, 200, { type: "list", data: ids(page * 10, 2), pages });
    });
    const viaUrl = await collect(client.paginate<{ id: string }>({ method: "GET", path: "/companies" }, { perPage: 2 }));
    expect(viaUrl.map((i) => i.id)).toEqual(["10", "11", "20", "21", "30", "31"]);
    const viaTotal = await collect(client.paginate<{ id: string }>({ method: "POST", path: "/companies/list" }, { style: "pages" }));
    expect(viaTotal).toHaveLength(6);
    expect(server.requests.slice(3).map((r) => `${r.method} ${r.url}`)).toEqual([
      "POST /companies/list",
      "POST /companies/list?page=2",
      "POST /companies/list?page=3",
    ]);
  });

  it("puts the search cursor in the POST body and finds items under the list key", async () => {
    const { server, client } = await setup((req, res) => {
      const body = req.body as { pagination?: { starting_after?: string } };
      const after = body.pagination?.starting_after;
      const page = after ? Number(after.slice(1)) : 0;
      const next = page < 2 ? { per_page: 3, starting_after: `p${page + 1}` } : null;
      sendJson(res, 200, {
        type: "conversation.list",
        conversations: ids(page * 3, 3).map((c) => ({ ...c, type: "conversation" })),
        total_count: 9,
        pages: { type: "pages", next },
      });
    });
    const query = { field: "state", operator: "=", value: "open" };
    const items = await collect(client.paginate({ method: "POST", path: "/conversations/search", body: { query } }, { perPage: 3 }));
    expect(items).toHaveLength(9);
    expect(server.requests.map((r) => r.body)).toEqual([
      { query, pagination: { per_page: 3 } },
      { query, pagination: { per_page: 3, starting_after: "p1" } },
      { query, pagination: { per_page: 3, starting_after: "p2" } },
    ]);
  });

  it("restarts the companies scroll from scratch after its 500, without repeating items", async () => {
    let failed = false;
    const { server, client } = await setup((req, res) => {
      const param = req.query.get("scroll_param");
      const page = param === null ? 0 : Number(param.split("-")[1]);
      if (page === 2 && !failed) {
        failed = true;
        sendJson(res, 500, {
          type: "error.list",
          errors: [{ code: "server_error", message: "Request failed due to an internal network error. Please restart the scroll operation." }],
        });
        return;
      }
      const data = page < 3 ? ids(page * 2, 2) : [];
      sendJson(res, 200, { type: "list", data, scroll_param: `s-${page + 1}` });
    });
    const items = await collect(client.paginate<{ id: string }>({ method: "GET", path: "/companies/scroll" }));
    expect(items.map((i) => i.id)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(server.requests.map((r) => r.query.get("scroll_param"))).toEqual([null, "s-1", "s-2", null, "s-1", "s-2", "s-3"]);
  });

  it("gives up on a scroll that keeps failing after a bounded number of restarts", async () => {
    const { server, client } = await setup((req, res) => {
      if (req.query.get("scroll_param")) sendJson(res, 500, { type: "error.list", errors: [{ code: "server_error" }] });
      else sendJson(res, 200, { type: "list", data: ids(0, 1), scroll_param: "s-1" });
    });
    await expect(collect(client.paginate({ method: "GET", path: "/companies/scroll" }, { maxScrollRestarts: 2 }))).rejects.toMatchObject({ status: 500 });
    expect(server.requests).toHaveLength(6);
  });

  it("stops at maxItems without fetching further pages", async () => {
    const { server, client } = await setup((req, res) => {
      const page = Number(req.query.get("starting_after") ?? 0);
      sendJson(res, 200, { type: "list", data: ids(page * 10, 10), pages: { next: { starting_after: String(page + 1) } } });
    });
    const items = await collect(client.paginate({ method: "GET", path: "/contacts" }, { maxItems: 15 }));
    expect(items).toHaveLength(15);
    expect(server.requests).toHaveLength(2);
  });

  it("stops when a server repeats the same cursor", async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 200, { data: ids(0, 1), pages: { next: { starting_after: "same" } } }));
    const items = await collect(client.paginate({ method: "GET", path: "/contacts" }));
    expect(items).toHaveLength(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe("listItems", () => {
  it("finds items under whatever key the answer uses", () => {
    expect(listItems({ type: "ticket.list", tickets: [1, 2] })).toEqual([1, 2]);
    expect(listItems({ type: "company.list", companies: [3] })).toEqual([3]);
    expect(listItems({ type: "admin.list", admins: [4] })).toEqual([4]);
    expect(listItems({ type: "list", data: [5] })).toEqual([5]);
    expect(listItems({ type: "team.list", teams: [6] }, "teams")).toEqual([6]);
    expect(listItems([7])).toEqual([7]);
    expect(listItems({ type: "contact", id: "1" })).toEqual([]);
  });
});
