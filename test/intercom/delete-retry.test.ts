/**
 * A DELETE that Intercom applied and then answered 500 is retried; the retry's 404 means the object is gone,
 * which is what was asked for. Tested against a loopback server that really removes the tag, then fails.
 */
import { afterEach, describe, expect, it } from "vitest";
import { IntercomClient } from "../../src/intercom/client.js";
import { IntercomApiError } from "../../src/intercom/errors.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { fakeTime } from "./fake-time.js";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A conversation with tag 7 whose DELETE removes the tag and then answers 500 the first `failures` times. */
async function flakyTagServer(failures: number, status = 500) {
  const tags = new Set(["7"]);
  let failuresLeft = failures;
  const server = await startLocalServer((req, res) => {
    const match = /^\/conversations\/(\w+)\/tags\/(\w+)$/.exec(req.path);
    if (req.method !== "DELETE" || !match) return sendJson(res, 400, { type: "error.list", errors: [{ code: "bad", message: "unexpected" }] });
    const tag = match[2] as string;
    if (!tags.has(tag)) return sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Tag not found" }] });
    tags.delete(tag);
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      return sendJson(res, status, { type: "error.list", errors: [{ code: "server_error", message: "Something went wrong" }] });
    }
    return sendJson(res, 200, { type: "tag", id: tag, name: "billing" });
  });
  servers.push(server);
  return { server, tags };
}

const client = (baseUrl: string) => {
  const time = fakeTime();
  return new IntercomClient({ baseUrl, token: "tok-delete-test-123456", now: time.now, sleep: time.sleep, random: () => 0.5, maxRetries: 3 });
};

describe("an idempotent DELETE retried after a server error", () => {
  it("reports a 404 on the retry as already removed, through the tool executor", async () => {
    const { server, tags } = await flakyTagServer(1);
    const executor = createToolExecutor({ transport: client(server.baseUrl), tools: allTools });
    const result = await executor.execute("INTERCOM_DETACH_TAG_FROM_CONVERSATION", { conversation_id: "42", tag_id: "7", admin_id: "1" });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /conversations/42/tags/7", "DELETE /conversations/42/tags/7"]);
    expect(tags.has("7")).toBe(false);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw).toMatchObject({ type: "already_removed" });
    expect((result.raw as { message: string }).message).toMatch(/^Already removed: .*\/conversations\/42\/tags\/7 \(404\)/);
    expect(JSON.stringify(result.data)).not.toMatch(/not found/i);
  });

  it("still says not found when the very first attempt gets 404", async () => {
    const { server } = await flakyTagServer(0);
    const error = await client(server.baseUrl)
      .request({ method: "DELETE", path: "/conversations/42/tags/99", pathTemplate: "/conversations/{conversation_id}/tags/{tag_id}" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntercomApiError);
    expect((error as IntercomApiError).status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it("does not call a 404 after a rate limit 'already removed': nothing had reached Intercom", async () => {
    let first = true;
    const server = await startLocalServer((_req, res) => {
      if (first) {
        first = false;
        return sendJson(res, 429, { type: "error.list", errors: [{ code: "rate_limit_exceeded", message: "slow down" }] });
      }
      return sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Tag not found" }] });
    });
    servers.push(server);
    const error = await client(server.baseUrl)
      .request({ method: "DELETE", path: "/conversations/42/tags/7" })
      .catch((e: unknown) => e);
    expect((error as IntercomApiError).status).toBe(404);
    expect(server.requests).toHaveLength(2);
  });

  it("leaves other methods alone: a GET that gets 404 after a 503 is still not found", async () => {
    let first = true;
    const server = await startLocalServer((_req, res) => {
      if (first) {
        first = false;
        return sendJson(res, 503, { type: "error.list", errors: [{ code: "service_unavailable", message: "down" }] });
      }
      return sendJson(res, 404, { type: "error.list", errors: [{ code: "not_found", message: "Conversation not found" }] });
    });
    servers.push(server);
    const error = await client(server.baseUrl)
      .request({ method: "GET", path: "/conversations/42" })
      .catch((e: unknown) => e);
    expect((error as IntercomApiError).status).toBe(404);
  });
});
