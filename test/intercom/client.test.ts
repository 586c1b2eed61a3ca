import { afterEach, describe, expect, it } from "vitest";
import { type AppError, isAppError } from "../../src/errors.js";
import { IntercomClient, type IntercomClientOptions } from "../../src/intercom/client.js";
import { IntercomApiError } from "../../src/intercom/errors.js";
import { type LocalHandler, type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { fakeTime } from "./fake-time.js";

const TOKEN = "dG9rOnNlY3JldC10b2tlbi12YWx1ZQ==";
const servers: LocalServer[] = [];

async function serve(handler: LocalHandler, port?: number): Promise<LocalServer> {
  const server = await startLocalServer(handler, port);
  servers.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function client(baseUrl: string, time = fakeTime(), options: Partial<IntercomClientOptions> = {}) {
  return new IntercomClient({ baseUrl, token: TOKEN, now: time.now, sleep: time.sleep, random: () => 0.5, maxRetries: 3, timeoutMs: 2000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the request to fail");
}

describe("IntercomClient requests", () => {
  it("sends auth, version, JSON headers, the query string and the body", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { type: "contact", id: "1" }));
    const c = client(server.baseUrl);
    const response = await c.request({
      method: "POST",
      path: "/contacts/search",
      query: { per_page: 5, ids: ["a", "b"], skip: undefined },
      body: { query: { field: "email" } },
    });
    expect(response).toMatchObject({ status: 200, data: { type: "contact", id: "1" }, attempts: 1 });
    const seen = server.requests[0];
    expect(seen.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(seen.headers["intercom-version"]).toBe("2.16");
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["content-type"]).toBe("application/json");
    expect(seen.url).toBe("/contacts/search?per_page=5&ids=a&ids=b");
    expect(seen.body).toEqual({ query: { field: "email" } });

    await c.request({ method: "GET", path: "/help_center/sections", apiVersion: "2.9" });
    expect(server.requests[1].headers["intercom-version"]).toBe("2.9");
    expect(server.requests[1].headers["content-type"]).toBeUndefined();
  });

  it("returns bytes for binary downloads and null for empty answers", async () => {
    const server = await serve((req, res) => {
      if (req.path === "/download") {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.end(Buffer.from([1, 2, 3]));
      } else {
        res.writeHead(202);
        res.end();
      }
    });
    const c = client(server.baseUrl);
    const download = await c.request({ method: "GET", path: "/download", responseType: "binary" });
    expect(Buffer.isBuffer(download.data)).toBe(true);
    expect([...(download.data as Buffer)]).toEqual([1, 2, 3]);
    expect(server.requests[0].headers.accept).toContain("application/octet-stream");
    expect((await c.request({ method: "POST", path: "/events", body: {} })).data).toBeNull();
  });
});

describe("rate limits", () => {
  it("waits until X-RateLimit-Reset after a 429, then retries", async () => {
    const time = fakeTime();
    const server = await serve((req, res) => {
      if (server.requests.length === 1) {
        sendJson(
          res,
          429,
          { type: "error.list", errors: [{ code: "rate_limit_exceeded", message: "Exceeded rate limit" }] },
          {
            "x-ratelimit-remaining": "0",
            "x-ratelimit-reset": time.epochSeconds(5),
          },
        );
      } else sendJson(res, 200, { ok: req.method });
    });
    const response = await client(server.baseUrl, time).request({ method: "POST", path: "/conversations/1/reply", body: { body: "hi" } });
    expect(response.attempts).toBe(2);
    expect(time.sleeps).toEqual([5000]);
    expect(server.requests).toHaveLength(2);
  });

  it("backs off with capped jitter when a 429 has no reset header", async () => {
    const time = fakeTime();
    const server = await serve((_req, res) => (server.requests.length < 3 ? sendJson(res, 429, {}) : sendJson(res, 200, {})));
    await client(server.baseUrl, time, { backoffBaseMs: 1000, backoffCapMs: 1500 }).request({ method: "GET", path: "/admins" });
    // random() is 0.5, so each wait is 75% of min(cap, base * 2^(attempt-1)).
    expect(time.sleeps).toEqual([750, 1125]);
  });

  it("waits for the reset before the next call when the window is spent", async () => {
    const log: string[] = [];
    const time = fakeTime(1_700_000_000_000, log);
    const server = await serve((req, res) => {
      log.push(`request ${req.path}`);
      const spent = req.path === "/first";
      sendJson(res, 200, {}, { "x-ratelimit-remaining": spent ? "0" : "99", "x-ratelimit-reset": time.epochSeconds(3) });
    });
    const c = client(server.baseUrl, time);
    await c.request({ method: "GET", path: "/first" });
    await c.request({ method: "GET", path: "/second" });
    await c.request({ method: "GET", path: "/third" });
    expect(log).toEqual(["request /first", "sleep 3000", "request /second", "request /third"]);
  });

  it("gives up after the retry budget with a plain rate-limit message", async () => {
    const time = fakeTime();
    const server = await serve((_req, res) => sendJson(res, 429, { type: "error.list", errors: [{ code: "rate_limit_exceeded" }] }));
    const error = await failure(client(server.baseUrl, time, { maxRetries: 2 }).request({ method: "GET", path: "/admins" }));
    expect(error).toBeInstanceOf(IntercomApiError);
    expect((error as IntercomApiError).userMessage).toMatch(/rate limited/);
    expect(server.requests).toHaveLength(3);
  });
});

describe("safe retries", () => {
  it("never retries a POST after a 500: Intercom saw exactly one request", async () => {
    const server = await serve((_req, res) => sendJson(res, 500, { type: "error.list", errors: [{ code: "server_error", message: "boom" }] }));
    const error = await failure(client(server.baseUrl).request({ method: "POST", path: "/conversations/9/reply", body: { body: "hello" } }));
    expect(server.requests).toHaveLength(1);
    expect(isAppError(error, "INTERCOM_HTTP")).toBe(true);
    expect((error as IntercomApiError).status).toBe(500);
    expect((error as IntercomApiError).userMessage).toMatch(/not retried because it may already have been applied/);
  });

  it("retries a GET after a 500 and after a dropped connection", async () => {
    const server = await serve((_req, res, raw) => {
      const n = server.requests.length;
      if (n === 1) sendJson(res, 500, {});
      else if (n === 2) raw.socket.destroy();
      else sendJson(res, 200, { id: "c1" });
    });
    const time = fakeTime();
    const response = await client(server.baseUrl, time).request({ method: "GET", path: "/contacts/c1" });
    expect(response).toMatchObject({ status: 200, attempts: 3, data: { id: "c1" } });
    expect(time.sleeps).toHaveLength(2);
  });

  it("retries PUT and DELETE after a 503 too", async () => {
    const server = await serve((_req, res) => (server.requests.length % 2 === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, {})));
    const c = client(server.baseUrl);
    expect((await c.request({ method: "PUT", path: "/contacts/1", body: { name: "x" } })).attempts).toBe(2);
    expect((await c.request({ method: "DELETE", path: "/tags/1" })).attempts).toBe(2);
  });

  it("does not retry a 5xx when the caller asks it not to", async () => {
    const server = await serve((_req, res) => sendJson(res, 500, {}));
    await failure(client(server.baseUrl).request({ method: "GET", path: "/companies/scroll", retryServerErrors: false }));
    expect(server.requests).toHaveLength(1);
  });

  it("never retries a POST after the connection dropped mid-request", async () => {
    const server = await serve((_req, _res, raw) => {
      raw.socket.destroy();
    });
    const error = await failure(client(server.baseUrl).request({ method: "POST", path: "/notes", body: { body: "x" } }));
    expect(server.requests).toHaveLength(1);
    expect(isAppError(error, "INTERCOM_NETWORK")).toBe(true);
    expect((error as AppError).userMessage).toMatch(/may or may not have been applied/);
  });

  it("retries a POST whose connection was refused, since nothing was sent", async () => {
    const probe = await startLocalServer(() => {});
    const port = probe.port;
    await probe.close();
    let revived: LocalServer | undefined;
    const time = fakeTime();
    const c = new IntercomClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      now: time.now,
      random: () => 0.5,
      sleep: async (ms) => {
        time.sleeps.push(ms);
        revived ??= await serve((_req, res) => sendJson(res, 200, { created: true }), port);
      },
    });
    const response = await c.request({ method: "POST", path: "/notes", body: { body: "x" } });
    expect(response).toMatchObject({ attempts: 2, data: { created: true } });
    expect(revived?.requests).toHaveLength(1);
  });

  it("says plainly when nothing listens at all", async () => {
    const probe = await startLocalServer(() => {});
    await probe.close();
    const error = await failure(client(probe.baseUrl, fakeTime(), { maxRetries: 1 }).request({ method: "GET", path: "/me" }));
    expect(isAppError(error, "INTERCOM_NETWORK")).toBe(true);
    expect((error as AppError).userMessage).toBe(
      `Could not connect to Intercom at 127.0.0.1:${probe.port} (connection refused after 2 attempts). Nothing was sent.`,
    );
  });
});

describe("timeouts", () => {
  it("times out a GET, retrying within its budget", async () => {
    const server = await serve(() => {}); // never answers
    const error = await failure(client(server.baseUrl, fakeTime(), { timeoutMs: 40, maxRetries: 1 }).request({ method: "GET", path: "/me" }));
    expect(isAppError(error, "INTERCOM_TIMEOUT")).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it("times out a POST once and says it may or may not have been applied", async () => {
    const server = await serve(() => {});
    const error = await failure(client(server.baseUrl, fakeTime(), { timeoutMs: 40 }).request({ method: "POST", path: "/conversations/1/reply", body: {} }));
    expect(isAppError(error, "INTERCOM_TIMEOUT")).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect((error as AppError).userMessage).toBe(
      "Intercom did not answer within 40 ms. It may or may not have been applied, so it was not retried; check in Intercom before trying again.",
    );
  });

  it("stops at once when the caller cancels", async () => {
    const controller = new AbortController();
    // Cancel once the request is in flight (the server has it and never answers), not after a fixed delay
    // that a busy machine can outrun before the request is even sent.
    const server = await serve(() => controller.abort());
    const pending = client(server.baseUrl).request({ method: "GET", path: "/me", signal: controller.signal });
    const error = await failure(pending);
    expect((error as AppError).userMessage).toMatch(/cancelled/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("error mapping", () => {
  it("names the missing resource and keeps codes and the request id", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 404, { type: "error.list", request_id: "req-42", errors: [{ code: "not_found", message: "User Not Found" }] }),
    );
    const error = (await failure(
      client(server.baseUrl).request({ method: "GET", path: "/contacts/123", pathTemplate: "/contacts/{contact_id}" }),
    )) as IntercomApiError;
    expect(error).toBeInstanceOf(IntercomApiError);
    expect(error.code).toBe("INTERCOM_HTTP");
    expect(error.status).toBe(404);
    expect(error.requestId).toBe("req-42");
    expect(error.errors).toEqual([{ code: "not_found", message: "User Not Found", field: null }]);
    expect(error.userMessage).toBe("Contact 123 was not found (404). Intercom said: User Not Found.");
    expect(error.message).toContain("req-42");
    expect(server.requests).toHaveLength(1);
  });

  it("names both candidates when a nested path is not found", async () => {
    const server = await serve((_req, res) => sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found" }] }));
    const error = (await failure(client(server.baseUrl).request({ method: "DELETE", path: "/contacts/c%2F1/tags/77", maxRetries: 0 }))) as IntercomApiError;
    expect(error.userMessage).toBe("Contact c/1 or tag 77 was not found (404). Intercom said: not found.");
  });

  it("never puts the token in a 401 message, even when Intercom echoes it", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 401, { type: "error.list", errors: [{ code: "unauthorized", message: `Access Token Invalid: ${TOKEN}` }] }),
    );
    const error = (await failure(client(server.baseUrl).request({ method: "GET", path: "/me" }))) as IntercomApiError;
    expect(error.status).toBe(401);
    expect(error.userMessage).toBe(
      "Intercom refused the access token (401). Check INTERCOM_ACCESS_TOKEN and that the app is still installed in the workspace.",
    );
    expect(JSON.stringify({ m: error.message, u: error.userMessage, d: error.details })).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it("lists field errors for a 400", async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 400, { type: "error.list", errors: [{ code: "parameter_invalid", message: "is not a valid email", field: "email" }] }),
    );
    const error = (await failure(client(server.baseUrl).request({ method: "POST", path: "/contacts", body: { email: "x" } }))) as IntercomApiError;
    expect(error.userMessage).toBe("Intercom rejected the request as invalid (400). Intercom said: email: is not a valid email.");
  });
});
