/**
 * Calls every endpoint the tools use and validates each answer against the official OpenAPI response schema
 * for that operation and status (2.16; help-center sections against 2.9, the last spec that has them).
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/emulator/emulator.js";
import { PLANS } from "./conformance-plans.js";
import { call, makeEmulator } from "./helpers.js";
import { SpecValidator } from "./openapi-validator.js";

const spec216 = new SpecValidator("vendor/intercom/openapi/2.16/api.intercom.io.yaml", "spec216");
const spec29 = new SpecValidator("vendor/intercom/openapi/2.9/api.intercom.io.yaml", "spec29");
const tools = JSON.parse(readFileSync("vendor/intercom/tools.json", "utf8")) as { method: string | null; path: string | null }[];
const endpoints = [...new Set(tools.filter((t) => t.method && t.path).map((t) => `${t.method} ${t.path}`))].sort();

function specFor(method: string, path: string): SpecValidator {
  return spec216.operation(method, path) ? spec216 : spec29;
}

describe("spec conformance", () => {
  let em: Emulator;
  beforeAll(() => {
    em = makeEmulator();
  });

  it("has a planned call for every method and path in tools.json", () => {
    expect(endpoints.length).toBeGreaterThan(110);
    expect(endpoints.filter((e) => !PLANS[e])).toEqual([]);
    for (const endpoint of endpoints) {
      const [method, path] = endpoint.split(" ");
      expect(specFor(method, path).operation(method, path), `${endpoint} is in a spec`).toBeTruthy();
    }
  });

  it.each(endpoints)("%s answers as the spec says", async (endpoint) => {
    const [method, path] = endpoint.split(" ");
    const planned = await PLANS[endpoint](em);
    const result = await call(em, method, planned.path, planned.body, planned.headers);
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    if (result.contentType.startsWith("application/octet-stream")) {
      expect(gunzipSync(result.raw).toString("utf8")).toMatch(/^conversation_id,/);
      return;
    }
    const check = specFor(method, path).check(method, path, result.status, result.contentType || "application/json", result.body);
    expect(check.errors, `${endpoint} → ${JSON.stringify(result.body)?.slice(0, 400)}`).toBe("");
    expect(check.ok).toBe(true);
  });

  it.each([
    ["GET", "/contacts/{contact_id}", "/contacts/does-not-exist", 404],
    ["GET", "/conversations/{conversation_id}", "/conversations/1", 404],
    ["GET", "/companies/{company_id}", "/companies/nope", 404],
    ["POST", "/contacts/search", "/contacts/search", 400],
    ["GET", "/admins/{admin_id}", "/admins/0", 404],
  ] as const)("error bodies conform: %s %s → %i", async (method, _specPath, path, status) => {
    const result = await call(em, method, path, method === "POST" ? { query: { field: "email", operator: ">", value: "x" } } : undefined);
    expect(result.status).toBe(status);
    expect(result.body.type).toBe("error.list");
    // Not every operation declares its 404/400, so error bodies are checked against the shared error schema.
    expect(spec216.checkSchema("error", result.body).errors).toBe("");
    expect(spec216.checkSchema("error", { type: "error.list", errors: [{ message: "no code" }] }).ok).toBe(false);
  });

  it("objects the emulator creates itself read back in spec shape", async () => {
    const fresh = makeEmulator();
    const user = fresh.state.all("contacts").find((c) => c.role === "user")!;
    const admin = fresh.state.workspace.meAdminId;
    const conversationId = (await call(fresh, "POST", "/conversations", { from: { type: "user", id: user.id }, body: "New one" })).body.conversation_id;
    await call(fresh, "POST", `/conversations/${conversationId}/parts`, { message_type: "assignment", type: "admin", admin_id: admin, assignee_id: admin });
    await call(fresh, "POST", `/conversations/${conversationId}/reply`, { message_type: "comment", type: "admin", admin_id: admin, body: "Hi" });
    await call(fresh, "POST", `/conversations/${conversationId}/parts`, { message_type: "close", type: "admin", admin_id: admin });
    const ticket = fresh.simulate("ticket");
    const contact = (await call(fresh, "POST", "/contacts", { email: "shape@example.com" })).body;
    const company = (await call(fresh, "POST", "/companies", { company_id: "shape", name: "Shape" })).body;
    const checks: [string, string][] = [
      ["/conversations/{conversation_id}", `/conversations/${conversationId}`],
      ["/tickets/{ticket_id}", `/tickets/${ticket.id}`],
      ["/contacts/{contact_id}", `/contacts/${contact.id}`],
      ["/companies/{company_id}", `/companies/${company.id}`],
    ];
    for (const [specPath, path] of checks) {
      const result = await call(fresh, "GET", path);
      expect(result.status).toBe(200);
      expect(spec216.check("GET", specPath, 200, result.contentType, result.body).errors, path).toBe("");
    }
    const search = await call(fresh, "POST", "/conversations/search", { query: { field: "id", operator: "=", value: conversationId } });
    expect(spec216.check("POST", "/conversations/search", 200, search.contentType, search.body).errors).toBe("");
  });

  it("a response that breaks the schema fails validation", () => {
    const check = spec216.check("GET", "/contacts/{contact_id}", 200, "application/json", { type: "contact", id: 42, created_at: "yesterday" });
    expect(check.ok).toBe(false);
    const nullWhereNotNullable = spec216.check("GET", "/conversations/{conversation_id}", 200, "application/json", {
      type: "conversation",
      id: "1",
      admin_assignee_id: null,
    });
    expect(nullWhereNotNullable.ok).toBe(false);
  });
});
