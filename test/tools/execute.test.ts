import { afterEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { IntercomClient } from "../../src/intercom/client.js";
import { defineTool, type ToolDefinition } from "../../tools/define.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { buildToolRequest } from "../../tools/request.js";
import { type LocalHandler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";

const getContact = defineTool({
  name: "TEST_GET_CONTACT",
  title: "Get a contact",
  resource: "contacts",
  method: "GET",
  path: "/contacts/{contact_id}",
  risk: "read",
  description: "Reads one contact.",
  input: z.object({ contact_id: z.string().describe("The contact id."), include: z.array(z.string()).optional().describe("Extras.") }),
});

const closeConversation = defineTool({
  name: "TEST_CLOSE_CONVERSATION",
  title: "Close conversation",
  resource: "conversations",
  method: "POST",
  path: "/conversations/{conversation_id}/parts",
  risk: "write",
  description: "Closes a conversation.",
  fixedBody: { message_type: "close", type: "admin" },
  input: z.object({
    conversation_id: z.string().describe("The conversation id."),
    admin_id: z.string().describe("The admin closing it."),
    body: z.string().optional().describe("A closing note."),
  }),
});

const listCompanies = defineTool({
  name: "TEST_LIST_COMPANIES",
  title: "List companies",
  resource: "companies",
  method: "POST",
  path: "/companies/list",
  risk: "read",
  description: "Lists companies.",
  query: ["page", "per_page"],
  input: z.object({
    page: z.number().int().optional().describe("Page."),
    per_page: z.number().int().max(60).optional().describe("Page size."),
    order: z.enum(["asc", "desc"]).optional().describe("Sort order."),
  }),
});

const deleteWithBody = defineTool({
  name: "TEST_DETACH",
  title: "Detach a tag",
  resource: "tags",
  method: "DELETE",
  path: "/conversations/{conversation_id}/tags/{tag_id}",
  risk: "write",
  description: "Removes a tag.",
  body: ["admin_id"],
  input: z.object({
    conversation_id: z.string().describe("c"),
    tag_id: z.string().describe("t"),
    admin_id: z.string().describe("a"),
    dry: z.boolean().optional().describe("d"),
  }),
});

const sections = defineTool({
  name: "TEST_LIST_SECTIONS",
  title: "List sections",
  resource: "help_center",
  method: "GET",
  path: "/help_center/sections",
  risk: "read",
  description: "Lists sections.",
  apiVersion: "2.9",
  input: z.object({}),
});

const counts = defineTool({
  name: "TEST_COUNTS",
  title: "Get entity counts",
  resource: "counts",
  method: "GET",
  path: "/counts",
  risk: "read",
  description: "Counts things.",
  legacyNote: "This workspace no longer serves the old counts endpoint.",
  input: z.object({ type: z.enum(["conversation", "company"]).optional().describe("What to count.") }),
  fallback: async (_input, transport) => {
    const companies = await transport.request<{ total_count: number }>({ method: "GET", path: "/companies", query: { per_page: 1 } });
    return { company_count: companies.data.total_count };
  },
});

const deleteVisitor = defineTool({
  name: "TEST_DELETE_VISITOR",
  title: "Delete a visitor",
  resource: "visitors",
  method: "DELETE",
  path: "/visitors/{id}",
  risk: "destructive",
  description: "Deletes a visitor.",
  legacyNote: "Deleting visitors was removed from the current API; convert or archive the visitor instead.",
  input: z.object({ id: z.string().describe("The visitor id.") }),
});

const tools: ToolDefinition[] = [getContact, closeConversation, listCompanies, deleteWithBody, sections, counts, deleteVisitor];
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(handler: LocalHandler) {
  const server = await startLocalServer(handler);
  servers.push(server);
  const transport = new IntercomClient({ baseUrl: server.baseUrl, token: "tok-test-123456", sleep: async () => {}, maxRetries: 1, timeoutMs: 2000 });
  return { server, executor: createToolExecutor({ transport, tools }) };
}

describe("buildToolRequest", () => {
  it("fills and encodes the path, and splits query from body", () => {
    expect(buildToolRequest(getContact, { contact_id: "a/b c?", include: ["tags", "notes"] })).toEqual({
      method: "GET",
      path: "/contacts/a%2Fb%20c%3F",
      pathTemplate: "/contacts/{contact_id}",
      query: { include: ["tags", "notes"] },
    });
    expect(buildToolRequest(listCompanies, { page: 2, per_page: 10, order: "asc" })).toMatchObject({
      query: { page: 2, per_page: 10 },
      body: { order: "asc" },
    });
    expect(buildToolRequest(deleteWithBody, { conversation_id: "1", tag_id: "2", admin_id: "3", dry: true })).toMatchObject({
      path: "/conversations/1/tags/2",
      query: { dry: true },
      body: { admin_id: "3" },
    });
    expect(buildToolRequest(closeConversation, { conversation_id: "9", admin_id: "5" }).body).toEqual({ admin_id: "5", message_type: "close", type: "admin" });
    const events = allTools.find((t) => t.name === "INTERCOM_LIST_DATA_EVENTS")!;
    expect(buildToolRequest(events, { type: "user", filter: { email: "a@b.co" } }).query).toEqual({ type: "user", email: "a@b.co" });
    expect(buildToolRequest(sections, {})).toEqual({ method: "GET", path: "/help_center/sections", pathTemplate: "/help_center/sections", apiVersion: "2.9" });
  });
});

describe("createToolExecutor", () => {
  it("calls Intercom with the encoded path and returns trimmed data next to the raw answer", async () => {
    const html = "<p>Hello <b>there</b> &amp; welcome</p><p>more words</p>";
    const { server, executor } = await setup((_req, res) =>
      sendJson(res, 200, {
        type: "contact",
        id: "a/b",
        email: null,
        custom_attributes: {},
        notes: { type: "list", data: Array.from({ length: 40 }, (_, i) => ({ type: "note", id: String(i), body: html })) },
        description: "word ".repeat(1000),
        links: { url: `https://app.intercom.com/${"x".repeat(2000)}` },
      }),
    );
    const result = await executor.execute("TEST_GET_CONTACT", { contact_id: "a/b" });
    expect(server.requests[0].url).toBe("/contacts/a%2Fb");
    if (!result.ok) throw new Error(result.message);
    const data = result.data as { email?: unknown; custom_attributes?: unknown; notes: { data: unknown[] }; links: { url: string }; description: string };
    expect(data).not.toHaveProperty("email");
    expect(data).not.toHaveProperty("custom_attributes");
    expect(data.notes.data).toHaveLength(26);
    expect(data.notes.data[25]).toBe("[15 more items cut; ask for a smaller page or filter]");
    const first = data.notes.data[0] as { body: string; id: string };
    expect(first).toEqual({ type: "note", id: "0", body: "Hello there & welcome\nmore words" });
    expect(data.description).toMatch(/^word word .*… \[3800 more characters cut\]$/);
    expect(data.links.url).toHaveLength(2025);
    expect((result.raw as { notes: { data: unknown[] } }).notes.data).toHaveLength(40);
  });

  it("sends fixedBody and the version override", async () => {
    const { server, executor } = await setup((_req, res) => sendJson(res, 200, { type: "conversation", id: "9", state: "closed" }));
    const closed = await executor.execute("TEST_CLOSE_CONVERSATION", { conversation_id: "9", admin_id: "5", body: "Done" });
    expect(closed).toMatchObject({ ok: true, status: 200, data: { id: "9", state: "closed" } });
    expect(server.requests[0].body).toEqual({ admin_id: "5", body: "Done", message_type: "close", type: "admin" });
    await executor.execute("TEST_LIST_SECTIONS", {});
    expect(server.requests[1].headers["intercom-version"]).toBe("2.9");
  });

  it("turns bad arguments into a message naming each field and what was expected, without calling Intercom", async () => {
    const { server, executor } = await setup((_req, res) => sendJson(res, 200, {}));
    const missing = await executor.execute("TEST_CLOSE_CONVERSATION", { conversation_id: 9 });
    expect(missing).toMatchObject({ ok: false, kind: "invalid_input" });
    if (missing.ok) return;
    expect(missing.message).toContain("conversation_id: Invalid input: expected string, received number");
    expect(missing.message).toContain("admin_id: required but missing (expected string)");
    const wrongEnum = await executor.execute("TEST_LIST_COMPANIES", { order: "up", per_page: 100 });
    expect(wrongEnum.ok || wrongEnum.message).toMatch(/order: Invalid option: expected one of "asc"\|"desc"/);
    expect(wrongEnum.ok || wrongEnum.message).toMatch(/per_page: Too big: expected number to be <=60/);
    const real = createToolExecutor({ transport: new IntercomClient({ baseUrl: server.baseUrl, token: "tok-test-123456" }), tools: allTools });
    const noType = await real.execute("INTERCOM_ASSIGN_CONVERSATION", { conversation_id: "1", assignee_id: "0", admin_id: "7" });
    expect(noType.ok || noType.message).toContain("type: required but missing (one of admin, team)");
    const unknown = await executor.execute("TEST_GET_CONTACT", { contact_id: "1", emial: "x@y.z" });
    expect(unknown.ok || unknown.message).toContain("unknown field(s) emial (known fields: contact_id, include)");
    expect((await executor.execute("TEST_GET_CONTACT", "1")).ok).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it("says when a tool does not exist", async () => {
    const { executor } = await setup((_req, res) => sendJson(res, 200, {}));
    expect(await executor.execute("NOPE", {})).toMatchObject({ ok: false, kind: "not_found", message: "There is no tool named NOPE." });
  });

  it("reports Intercom errors in plain words with the status and request id", async () => {
    const { executor } = await setup((_req, res) =>
      sendJson(res, 404, { type: "error.list", request_id: "r-1", errors: [{ code: "not_found", message: "User Not Found" }] }),
    );
    expect(await executor.execute("TEST_GET_CONTACT", { contact_id: "123" })).toMatchObject({
      ok: false,
      kind: "http",
      status: 404,
      requestId: "r-1",
      message: "Contact 123 was not found (404). Intercom said: User Not Found.",
    });
  });

  it("reports network failures as such", async () => {
    const probe = await startLocalServer(() => {});
    await probe.close();
    const transport = new IntercomClient({ baseUrl: probe.baseUrl, token: "tok-test-123456", sleep: async () => {}, maxRetries: 0 });
    const result = await createToolExecutor({ transport, tools }).execute("TEST_GET_CONTACT", { contact_id: "1" });
    expect(result).toMatchObject({ ok: false, kind: "network" });
  });

  it("answers from the fallback when the endpoint is refused, and says so", async () => {
    const { server, executor } = await setup((req, res) =>
      req.path === "/counts"
        ? sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Not Found" }] })
        : sendJson(res, 200, { total_count: 42 }),
    );
    const result = await executor.execute("TEST_COUNTS", { type: "company" });
    expect(result).toMatchObject({ ok: true, data: { source: "fallback", result: { company_count: 42 } } });
    expect(result.ok && (result.data as { note: string }).note).toBe("Intercom refused GET /counts (404), so this answer was computed another way.");
    expect(server.requests.map((r) => r.url)).toEqual(["/counts?type=company", "/companies?per_page=1"]);
  });

  it("does not use the fallback when the token is refused", async () => {
    const { server, executor } = await setup((_req, res) => sendJson(res, 401, { type: "error.list", errors: [{ code: "unauthorized" }] }));
    expect(await executor.execute("TEST_COUNTS", {})).toMatchObject({ ok: false, kind: "http", status: 401 });
    expect(server.requests).toHaveLength(1);
  });

  it("explains a refused legacy endpoint with its legacyNote", async () => {
    const { executor } = await setup((_req, res) => sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] }));
    expect(await executor.execute("TEST_DELETE_VISITOR", { id: "v1" })).toMatchObject({
      ok: false,
      kind: "unsupported",
      message:
        "Intercom refused DELETE /visitors/{id} (404: Resource Not Found). Deleting visitors was removed from the current API; convert or archive the visitor instead.",
    });
  });

  it("treats a 404 naming the visitor as a missing visitor, not as a refused legacy endpoint", async () => {
    const { executor } = await setup((_req, res) => sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Visitor Not Found" }] }));
    const result = await executor.execute("TEST_DELETE_VISITOR", { id: "v1" });
    expect(result).toMatchObject({ ok: false, kind: "http", message: "Visitor v1 was not found (404). Intercom said: Visitor Not Found." });
  });
});

describe("the executor with real tool definitions", () => {
  const real = (name: string) => allTools.find((tool) => tool.name === name)!;

  it("closes a conversation, lists companies with paging in the query, and downloads an export as bytes", async () => {
    const server = await startLocalServer((req, res) => {
      if (req.path.startsWith("/download/")) {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.end(Buffer.alloc(64));
      } else sendJson(res, 200, { type: "list", data: [{ type: "company", id: "c1", name: "Acme", website: null }], pages: { page: 1, total_pages: 1 } });
    });
    servers.push(server);
    const transport = new IntercomClient({ baseUrl: server.baseUrl, token: "tok-test-123456" });
    const executor = createToolExecutor({ transport, tools: allTools });

    expect((await executor.execute("INTERCOM_CLOSE_CONVERSATION", { conversation_id: "55", admin_id: "9" })).ok).toBe(true);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/conversations/55/parts",
      body: { admin_id: "9", message_type: "close", type: "admin" },
    });

    const companies = await executor.execute("INTERCOM_LIST_ALL_COMPANIES", { page: 2, per_page: 10 });
    expect(companies).toMatchObject({ ok: true, data: { data: [{ type: "company", id: "c1", name: "Acme" }] } });
    expect(server.requests[1].url).toBe("/companies/list?page=2&per_page=10");

    const tool = real("INTERCOM_DOWNLOAD_DATA_EXPORT");
    const download = await executor.execute(tool.name, { job_identifier: "job 1" });
    expect(download).toMatchObject({ ok: true, data: "[binary content, 64 bytes, not shown]" });
    expect(server.requests[2].url).toBe("/download/content/data/job%201");
  });
});
