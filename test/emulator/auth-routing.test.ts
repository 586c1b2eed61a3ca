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

  it("names the methods a path does take when the method is wrong", async () => {
    const result = await call(em, "POST", "/__emulator/faults", { latencyMs: 5 });
    expect(result.status).toBe(404);
    expect(result.body.errors[0].message).toBe("No route for POST /__emulator/faults (it takes GET, PUT, DELETE)");
    expect((await call(em, "PATCH", "/contacts")).body.errors[0].message).toMatch(/\(it takes GET, POST\)$/);
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

  it("refuses model=conversation on GET /data_attributes from 2.16, as Intercom does, and keeps it for older versions", async () => {
    const refused = await call(em, "GET", "/data_attributes?model=conversation");
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ code: "parameter_invalid", message: expect.stringMatching(/GET \/conversations\/attributes/) });
    const old = await call(em, "GET", "/data_attributes?model=conversation", undefined, { "Intercom-Version": "2.11" });
    expect(old.status).toBe(200);
    expect(old.body.type).toBe("list");
    expect((await call(em, "GET", "/data_attributes?model=contact")).status).toBe(200);
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
