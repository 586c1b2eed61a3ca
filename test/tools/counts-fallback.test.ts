/**
 * The entity-counts fallback against a real loopback server that answers like Intercom's list and search
 * endpoints, through the real IntercomClient.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IntercomClient } from "../../src/intercom/client.js";
import { countsTools } from "../../tools/counts.js";
import { countsFromListTotals, MAX_ADMINS_IN_BREAKDOWN } from "../../tools/counts-fallback.js";
import { createToolExecutor } from "../../tools/execute.js";
import { type LocalServer, type RecordedRequest, sendJson, startLocalServer } from "../helpers/local-server.js";

type Filter = { field?: string; operator: string; value: unknown };

const contactTotals: Record<string, number> = { user: 1200, lead: 85 };
const conversationTotals: Record<string, number> = { open: 40, snoozed: 6, closed: 900 };

function adminsList(count: number) {
  return Array.from({ length: count }, (_, i) => ({ type: "admin", id: String(100 + i), name: `Admin ${i}` }));
}

function searchTotal(request: RecordedRequest): number {
  const query = (request.body as { query: Filter }).query;
  if (request.path === "/contacts/search") return contactTotals[String(query.value)] ?? 0;
  if (query.operator === "AND") {
    const [assignee] = query.value as Filter[];
    return Number(assignee.value) - 100; // admin 100 has 0 open, admin 101 has 1, ...
  }
  return conversationTotals[String(query.value)] ?? 0;
}

/** Answers the endpoints the fallback uses; `fail` maps a path to a status that path answers with instead. */
function intercomLike(options: { admins?: number; fail?: Record<string, number> } = {}) {
  return (request: RecordedRequest, response: Parameters<typeof sendJson>[0]) => {
    const failStatus = options.fail?.[request.path];
    if (failStatus) return sendJson(response, failStatus, { type: "error.list", errors: [{ code: "forbidden", message: "Not allowed" }] });
    const key = `${request.method} ${request.path}`;
    if (key === "POST /contacts/search" || key === "POST /conversations/search") {
      const list = request.path === "/contacts/search" ? "data" : "conversations";
      return sendJson(response, 200, { type: "list", [list]: [], total_count: searchTotal(request), pages: { type: "pages", page: 1, per_page: 1 } });
    }
    if (key === "GET /companies") return sendJson(response, 200, { type: "list", data: [{ type: "company", id: "c1" }], total_count: 312 });
    if (key === "GET /admins") return sendJson(response, 200, { type: "admin.list", admins: adminsList(options.admins ?? 3) });
    if (key === "GET /tags") return sendJson(response, 200, { type: "list", data: [{ id: "t1" }, { id: "t2" }, { id: "t3" }, { id: "t4" }] });
    if (key === "GET /segments") {
      const withCount = request.query.get("include_count") === "true";
      const segments = [
        { type: "segment", id: "s1", name: "Active", person_type: "user", ...(withCount ? { count: 700 } : {}) },
        { type: "segment", id: "s2", name: "New leads", person_type: "contact", ...(withCount ? { count: 30 } : {}) },
      ];
      return sendJson(response, 200, { type: "segment.list", segments });
    }
    return sendJson(response, 404, { type: "error.list", errors: [{ code: "not_found" }] });
  };
}

let server: LocalServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: ReturnType<typeof intercomLike>) {
  server = await startLocalServer(handler);
  return new IntercomClient({ baseUrl: server.baseUrl, token: "test-token", maxRetries: 0 });
}

describe("countsFromListTotals", () => {
  it("rebuilds workspace totals from list and search totals", async () => {
    const client = await clientFor(intercomLike());
    const result = await countsFromListTotals({}, client);

    expect(result.source).toBe("list_totals");
    expect(result.note).toMatch(/legacy GET \/counts/);
    expect(result.counts).toEqual({
      user: 1200,
      lead: 85,
      company: 312,
      conversation: { open: 40, snoozed: 6, closed: 900, total: 946 },
      admin: 3,
      tag: 4,
      segment: 2,
    });
    expect(result.unavailable).toBeUndefined();
    const searches = server!.requests.filter((r) => r.path.endsWith("/search"));
    expect(searches.every((r) => (r.body as { pagination: { per_page: number } }).pagination.per_page === 1)).toBe(true);
    expect(server!.requests.find((r) => r.path === "/companies")?.query.get("per_page")).toBe("1");
  });

  it("counts only conversations, with open per admin, when asked for type=conversation&count=admin", async () => {
    const client = await clientFor(intercomLike({ admins: 3 }));
    const result = await countsFromListTotals({ type: "conversation", count: "admin" }, client);

    expect(Object.keys(result.counts)).toEqual(["conversation"]);
    expect(result.breakdown).toEqual([
      { id: "100", name: "Admin 0", open: 0 },
      { id: "101", name: "Admin 1", open: 1 },
      { id: "102", name: "Admin 2", open: 2 },
    ]);
    expect(server!.requests.some((r) => r.path === "/contacts/search" || r.path === "/tags")).toBe(false);
  });

  it("bounds the per-admin breakdown and says so", async () => {
    const client = await clientFor(intercomLike({ admins: MAX_ADMINS_IN_BREAKDOWN + 5 }));
    const result = await countsFromListTotals({ type: "conversation", count: "admin" }, client);

    expect(result.breakdown).toHaveLength(MAX_ADMINS_IN_BREAKDOWN);
    expect(result.unavailable?.admin_breakdown).toContain(`first ${MAX_ADMINS_IN_BREAKDOWN} of ${MAX_ADMINS_IN_BREAKDOWN + 5}`);
  });

  it("gives per-segment counts for type=user&count=segment", async () => {
    const client = await clientFor(intercomLike());
    const result = await countsFromListTotals({ type: "user", count: "segment" }, client);

    expect(result.counts).toEqual({ user: 1200, lead: 85, segment: 2 });
    expect(result.breakdown).toEqual([
      { id: "s1", name: "Active", person_type: "user", count: 700 },
      { id: "s2", name: "New leads", person_type: "contact", count: 30 },
    ]);
    expect(server!.requests.find((r) => r.path === "/segments")?.query.get("include_count")).toBe("true");
  });

  it("reports a refused endpoint as unavailable and still returns the rest", async () => {
    const client = await clientFor(intercomLike({ fail: { "/tags": 403, "/conversations/search": 500 } }));
    const result = await countsFromListTotals({}, client);

    expect(result.counts.tag).toBeUndefined();
    expect(result.counts.conversation).toBeUndefined();
    expect(result.counts.company).toBe(312);
    expect(result.unavailable?.tag).toMatch(/403/);
    expect(result.unavailable?.conversation).toMatch(/500/);
    expect(JSON.stringify(result)).not.toContain("test-token");
  });

  it("throws in plain words when nothing at all can be counted", async () => {
    const client = await clientFor(intercomLike({ fail: { "/companies": 403 } }));
    await expect(countsFromListTotals({ type: "company" }, client)).rejects.toMatchObject({
      code: "TOOL_UNSUPPORTED",
      userMessage: expect.stringMatching(/company: Intercom refused this action \(403\)/),
    });
  });

  it("explains breakdowns it does not compute instead of guessing", async () => {
    const client = await clientFor(intercomLike());
    const result = await countsFromListTotals({ type: "company", count: "tag" }, client);

    expect(result.counts).toEqual({ company: 312 });
    expect(result.unavailable?.breakdown).toMatch(/Retrieve companies/);
    expect(server!.requests.map((r) => r.path)).toEqual(["/companies"]);
  });
});

describe("INTERCOM_GET_ENTITY_COUNTS definition", () => {
  it("calls the legacy endpoint with an old version and falls back through the same transport", async () => {
    const [tool] = countsTools;
    expect(tool.method).toBe("GET");
    expect(tool.path).toBe("/counts");
    expect(tool.apiVersion).toBe("2.4");
    expect(tool.legacyNote).toMatch(/old REST API/);
    expect(tool.input.safeParse({ type: "users" }).success).toBe(false);

    const client = await clientFor(intercomLike());
    const result = (await tool.fallback?.(tool.input.parse({ type: "company" }), client)) as { counts: Record<string, unknown> };
    expect(result.counts).toEqual({ company: 312 });
  });

  it("answers through the executor from list totals when a workspace refuses GET /counts", async () => {
    const answer = intercomLike();
    const client = await clientFor((request, response) => {
      if (request.path === "/counts") return sendJson(response, 404, { type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] });
      return answer(request, response);
    });
    const executor = createToolExecutor({ transport: client, tools: countsTools });
    const result = await executor.execute("INTERCOM_GET_ENTITY_COUNTS", { type: "conversation" });

    const legacyCall = server!.requests[0];
    expect(legacyCall.url).toBe("/counts?type=conversation");
    expect(legacyCall.headers["intercom-version"]).toBe("2.4");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ source: "fallback", result: { source: "list_totals", counts: { conversation: { open: 40, total: 946 } } } });
  });
});
