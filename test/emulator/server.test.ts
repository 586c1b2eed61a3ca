import { describe, expect, it } from "vitest";
import { startEmulator } from "../../src/emulator/server.js";
import { ManualClock, smallWorkspace } from "./helpers.js";

describe("startEmulator over HTTP", () => {
  it("listens on a free loopback port and serves JSON with rate-limit headers", async () => {
    const em = await startEmulator({ port: 0, workspace: smallWorkspace(), clock: new ManualClock(), token: "t-123" });
    try {
      expect(em.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(em.token).toBe("t-123");
      const response = await fetch(`${em.url}/contacts?per_page=2`, { headers: { Authorization: "Bearer t-123", "Intercom-Version": "2.16" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/application\/json/);
      expect(response.headers.get("x-ratelimit-limit")).toBeTruthy();
      const body = (await response.json()) as { type: string; data: unknown[] };
      expect(body.type).toBe("list");
      expect(body.data).toHaveLength(2);
      const created = await fetch(`${em.url}/contacts`, {
        method: "POST",
        headers: { Authorization: "Bearer t-123", "Content-Type": "application/json" },
        body: JSON.stringify({ email: "over-http@example.com" }),
      });
      expect(((await created.json()) as { email: string }).email).toBe("over-http@example.com");
      expect((await fetch(`${em.url}/me`)).status).toBe(401);
    } finally {
      await em.close();
    }
  });
});
