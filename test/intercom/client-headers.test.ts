/**
 * Rate-limit headers that are missing, stale, absurd or of the other kind (Retry-After), and error bodies that
 * are not JSON: the client must wait a bounded, sensible time and say plainly what happened.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IntercomClient, type IntercomClientOptions } from "../../src/intercom/client.js";
import { IntercomApiError } from "../../src/intercom/errors.js";
import { type LocalHandler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { fakeTime } from "./fake-time.js";

const servers: LocalServer[] = [];

async function serve(handler: LocalHandler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(baseUrl: string, time = fakeTime(), options: Partial<IntercomClientOptions> = {}) {
  return new IntercomClient({ baseUrl, token: "tok-123456789", now: time.now, sleep: time.sleep, random: () => 0.5, maxRetries: 3, ...options });
}

const rateLimited = { type: "error.list", errors: [{ code: "rate_limit_exceeded", message: "Exceeded rate limit of 167 in 10_seconds" }] };

describe("Retry-After", () => {
  it("waits the seconds a 429's Retry-After names, then retries once", async () => {
    const time = fakeTime();
    const server = await serve((_req, res) =>
      server.requests.length === 1 ? sendJson(res, 429, rateLimited, { "retry-after": "7" }) : sendJson(res, 200, {}),
    );
    const response = await client(server.baseUrl, time).request({ method: "POST", path: "/conversations/1/reply", body: { body: "hi" } });
    expect(response.attempts).toBe(2);
    expect(time.sleeps).toEqual([7000]);
  });

  it("reads an HTTP-date Retry-After and takes the later of it and X-RateLimit-Reset", async () => {
    const time = fakeTime(1_700_000_000_000);
    const at = new Date(1_700_000_000_000 + 9000).toUTCString();
    const server = await serve((_req, res) =>
      server.requests.length === 1
        ? sendJson(res, 429, rateLimited, { "retry-after": at, "x-ratelimit-reset": time.epochSeconds(4), "x-ratelimit-remaining": "0" })
        : sendJson(res, 200, {}),
    );
    await client(server.baseUrl, time).request({ method: "GET", path: "/admins" });
    expect(time.sleeps).toEqual([9000]);
  });

  it("quotes the Retry-After wait when the retry budget runs out", async () => {
    const server = await serve((_req, res) => sendJson(res, 429, rateLimited, { "retry-after": "30" }));
    const error = (await client(server.baseUrl, fakeTime(), { maxRetries: 0 })
      .request({ method: "GET", path: "/admins" })
      .catch((e: unknown) => e)) as IntercomApiError;
    expect(error).toBeInstanceOf(IntercomApiError);
    expect(error.userMessage).toMatch(/Try again in about 30 s\./);
  });
});

describe("implausible X-RateLimit-Reset", () => {
  it("backs off instead of hammering when a 429's reset is already in the past", async () => {
    const time = fakeTime();
    const server = await serve((_req, res) =>
      server.requests.length < 3
        ? sendJson(res, 429, rateLimited, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": time.epochSeconds(-60) })
        : sendJson(res, 200, {}),
    );
    await client(server.baseUrl, time, { backoffBaseMs: 1000 }).request({ method: "GET", path: "/admins" });
    expect(time.sleeps).toHaveLength(2);
    for (const wait of time.sleeps) expect(wait).toBeGreaterThanOrEqual(500);
  });

  it("never waits longer than maxRateLimitWaitMs for a reset years away", async () => {
    const time = fakeTime();
    const server = await serve((_req, res) =>
      server.requests.length === 1
        ? sendJson(res, 429, rateLimited, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": time.epochSeconds(10 * 365 * 86400) })
        : sendJson(res, 200, {}),
    );
    await client(server.baseUrl, time, { maxRateLimitWaitMs: 15_000 }).request({ method: "GET", path: "/admins" });
    expect(time.sleeps).toEqual([15_000]);
  });
});

describe("non-JSON error bodies", () => {
  it("turns an HTML 502 page on a GET into a plain sentence after its retries", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>");
    });
    const error = (await client(server.baseUrl, fakeTime(), { maxRetries: 2 })
      .request({ method: "GET", path: "/contacts/42" })
      .catch((e: unknown) => e)) as IntercomApiError;
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(IntercomApiError);
    expect(error.status).toBe(502);
    expect(error.userMessage).not.toMatch(/<|html|nginx/i);
    expect(error.userMessage).toMatch(/server error \(502\)/);
    expect(error.message).toMatch(/^GET \/contacts\/42 failed with 502/);
  });
});
