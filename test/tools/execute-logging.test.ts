/** Failed and empty tool calls, as the on-call engineer and the model see them: one warn line (never the token), and words instead of null. */
import { afterEach, describe, expect, it } from "vitest";
import { IntercomClient } from "../../src/intercom/client.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";

const TOKEN = "wrong-token-123456";
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function capture() {
  const lines: { level: string; fields: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string) => (fields: unknown, msg?: string) => void lines.push({ level, fields: fields as Record<string, unknown>, msg: msg ?? "" });
  return { lines, logger: { debug: at("debug"), warn: at("warn") } as never };
}

describe("tool failure logging", () => {
  it("logs a 401 with the tool, status, code and request id, and without the token Intercom echoed", async () => {
    const server = await startLocalServer((_req, res) =>
      sendJson(res, 401, { type: "error.list", request_id: "req-77", errors: [{ code: "unauthorized", message: `Access Token Invalid: ${TOKEN}` }] }),
    );
    servers.push(server);
    const { lines, logger } = capture();
    const transport = new IntercomClient({ baseUrl: server.baseUrl, token: TOKEN, sleep: async () => {}, maxRetries: 0 });
    const result = await createToolExecutor({ transport, tools: allTools, logger }).execute("INTERCOM_LIST_ALL_ADMINS", {});
    expect(result.ok).toBe(false);
    const warn = lines.find((line) => line.level === "warn");
    expect(warn?.msg).toBe("tool call failed");
    expect(warn?.fields).toMatchObject({ tool: "INTERCOM_LIST_ALL_ADMINS", status: 401, codes: ["unauthorized"], requestId: "req-77" });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it("logs a network failure with its code", async () => {
    const probe = await startLocalServer(() => {});
    await probe.close();
    const { lines, logger } = capture();
    const transport = new IntercomClient({ baseUrl: probe.baseUrl, token: TOKEN, sleep: async () => {}, maxRetries: 0 });
    await createToolExecutor({ transport, tools: allTools, logger }).execute("INTERCOM_LIST_ALL_ADMINS", {});
    expect(lines.find((line) => line.level === "warn")?.fields).toMatchObject({ tool: "INTERCOM_LIST_ALL_ADMINS", code: "INTERCOM_NETWORK" });
  });
});

describe("empty successful answers", () => {
  it("tells the model a 202 with no body succeeded instead of handing it null", async () => {
    const server = await startLocalServer((_req, res) => {
      res.writeHead(202);
      res.end();
    });
    servers.push(server);
    const transport = new IntercomClient({ baseUrl: server.baseUrl, token: TOKEN, sleep: async () => {}, maxRetries: 0 });
    const result = await createToolExecutor({ transport, tools: allTools }).execute("INTERCOM_CREATE_DATA_EVENT", {
      event_name: "card-frozen",
      created_at: 1795000000,
      email: "ana@example.com",
    });
    expect(result).toMatchObject({ ok: true, status: 202, raw: null, data: { status: 202 } });
    expect(JSON.stringify((result as { data: unknown }).data)).toMatch(/accepted the request \(HTTP 202\)/);
  });
});
