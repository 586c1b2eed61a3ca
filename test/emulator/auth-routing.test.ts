import { describe, expect, it } from "vitest";
import { call, makeEmulator } from "./helpers.js";

describe("auth, routing and versions", () => {
  const em = makeEmulator({ token: "emulator-token" });

  it("answers 401 with an error.list when the bearer token is missing or wrong", async () => {
    for (const headers of [{ Authorization: "" }, { Authorization: "Bearer wrong" }, { Authorization: "Basic emulator-token" }]) {
      const result = await call(em, "GET", "/me", undefined, headers);
      expect(result.status).toBe(401);
      expect(result.body.type).toBe("error.list");
      expect(result.body.errors[0].code).toBe("unauthorized");
      expect(result.headers.get("x-ratelimit-limit")).toBeNull();
    }
  });

  it("accepts the configured token", async () => {
    const result = await call(em, "GET", "/me");
    expect(result.status).toBe(200);
    expect(result.body.type).toBe("admin");
    expect(result.body.app.id_code).toBe(em.state.workspace.id);
  });

  it("answers unknown routes with a 404 error.list", async () => {
    const result = await call(em, "GET", "/no/such/thing");
    expect(result.status).toBe(404);
    expect(result.body.errors[0].code).toBe("not_found");
  });

  it("rejects a body that is not JSON", async () => {
    const response = await em.handle(
      new Request("http://emulator.test/contacts", { method: "POST", headers: { Authorization: "Bearer emulator-token" }, body: "{not json" }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe("error.list");
  });

  it("rejects an Intercom-Version that is not a version", async () => {
    const result = await call(em, "GET", "/me", undefined, { "Intercom-Version": "banana" });
    expect(result.status).toBe(400);
    expect(result.body.errors[0].code).toBe("intercom_version_invalid");
  });

  it("serves GET /counts and DELETE /visitors/{id} only to old API versions", async () => {
    const current = await call(em, "GET", "/counts", undefined, { "Intercom-Version": "2.16" });
    expect(current.status).toBe(404);
    expect(current.body.errors[0].message).toMatch(/removed .* after version 2\.6/);
    const old = await call(em, "GET", "/counts", undefined, { "Intercom-Version": "2.1" });
    expect(old.status).toBe(200);
    expect(old.body.type).toBe("count.hash");
    expect(old.body.company.count).toBe(em.state.count("companies"));
    const byAdmin = await call(em, "GET", "/counts?type=conversation&count=admin", undefined, { "Intercom-Version": "2.6" });
    expect(byAdmin.body.conversation.admin.length).toBe(em.state.count("admins"));

    const visitor = em.state.all("visitors")[0];
    expect((await call(em, "DELETE", `/visitors/${visitor.id}`)).status).toBe(404);
    const deleted = await call(em, "DELETE", `/visitors/${visitor.id}`, undefined, { "Intercom-Version": "2.3" });
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(visitor.id);
    expect((await call(em, "DELETE", `/visitors/${visitor.id}`, undefined, { "Intercom-Version": "2.3" })).status).toBe(404);
  });
});
