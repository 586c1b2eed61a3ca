import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeDeps, createDeps } from "../../src/app.js";
import { describeTarget, runToolsCall, type ToolsCallIO } from "../../src/cli/tools-call.js";
import { formatToolList } from "../../src/cli/tools-commands.js";
import { loadConfig } from "../../src/config.js";
import { createSilentLogger } from "../../src/logger.js";
import { allTools } from "../../tools/index.js";
import { type LocalServer, sendJson, startLocalServer } from "../helpers/local-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function setup(env: Record<string, string> = {}) {
  const server = await startLocalServer((req, res) =>
    sendJson(res, 200, { type: req.path.startsWith("/contacts") ? "contact" : "conversation", id: "1", email: null }),
  );
  servers.push(server);
  const config = loadConfig({
    env: { INTERCOM_ACCESS_TOKEN: "tok-cli-test-123456", INTERCOM_BASE_URL: server.baseUrl, SWITCHBOARD_LOG_LEVEL: "silent", ...env },
    envFile: false,
  });
  const out: string[] = [];
  const err: string[] = [];
  const questions: string[] = [];
  const io = (isTTY: boolean, answer = false): ToolsCallIO => ({
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    isTTY,
    confirm: async (q) => {
      questions.push(q);
      return answer;
    },
  });
  return { server, config, out, err, questions, io };
}

const close = { name: "INTERCOM_CLOSE_CONVERSATION", argsJson: '{"conversation_id":"7","admin_id":"3"}' };

describe("switchboard tools call", () => {
  it("runs a read tool and prints the trimmed result as JSON", async () => {
    const { server, config, out, io } = await setup();
    const code = await runToolsCall({ config, name: "INTERCOM_GET_A_CONTACT", argsJson: '{"contact_id":"1"}', yes: false, io: io(false) });
    expect(code).toBe(0);
    expect(JSON.parse(out[0])).toEqual({ type: "contact", id: "1" });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /contacts/1"]);
  });

  it("refuses a write without a terminal unless --yes is given", async () => {
    const { server, config, io } = await setup();
    await expect(runToolsCall({ config, ...close, yes: false, io: io(false) })).rejects.toThrow(/pass --yes/);
    expect(server.requests).toHaveLength(0);
    expect(await runToolsCall({ config, ...close, yes: true, io: io(false) })).toBe(0);
    expect(server.requests[0].path).toBe("/conversations/7/parts");
    expect(server.requests[0].body).toEqual({ admin_id: "3", message_type: "close", type: "admin" });
  });

  it("asks on a terminal and sends nothing when the answer is no", async () => {
    const { server, config, err, questions, io } = await setup();
    expect(await runToolsCall({ config, ...close, yes: false, io: io(true, false) })).toBe(1);
    expect(questions[0]).toContain("Close conversation (destructive: POST /conversations/{conversation_id}/parts)");
    expect(err).toEqual(["Cancelled; nothing was sent to Intercom."]);
    expect(server.requests).toHaveLength(0);
    expect(await runToolsCall({ config, ...close, yes: false, io: io(true, true) })).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it("falls back to the built-in emulator through the app's transport when no token is set", async () => {
    const temp = makeTempDir();
    const config = loadConfig({ env: { SWITCHBOARD_DB_PATH: join(temp.dir, "sb.db"), SWITCHBOARD_LOG_LEVEL: "silent" }, envFile: false, cwd: temp.dir });
    const deps = createDeps(config, { logger: createSilentLogger() });
    try {
      expect(deps.transport.usesEmulator()).toBe(true);
      const out: string[] = [];
      const io: ToolsCallIO = { stdout: (t) => out.push(t), stderr: () => undefined, isTTY: false, confirm: async () => false };
      expect(await runToolsCall({ config, transport: deps.transport, name: "INTERCOM_LIST_ALL_ADMINS", yes: false, io })).toBe(0);
      expect(JSON.parse(out[0]).admins.length).toBeGreaterThan(0);
    } finally {
      await closeDeps(deps);
      temp.cleanup();
    }
  });

  it("says plainly when no Intercom is configured and no transport is given", async () => {
    const { config, io } = await setup({ INTERCOM_ACCESS_TOKEN: "" });
    await expect(runToolsCall({ config, name: "INTERCOM_GET_A_CONTACT", argsJson: '{"contact_id":"1"}', yes: false, io: io(false) })).rejects.toMatchObject({
      code: "INTERCOM_NOT_CONFIGURED",
      message: expect.stringMatching(/^No Intercom is configured: set INTERCOM_ACCESS_TOKEN/),
    });
  });

  it("rejects bad JSON and bad arguments before calling Intercom", async () => {
    const { server, config, err, io } = await setup();
    await expect(runToolsCall({ config, name: "INTERCOM_GET_A_CONTACT", argsJson: "{contact_id:1}", yes: false, io: io(false) })).rejects.toMatchObject({
      code: "USAGE",
    });
    expect(await runToolsCall({ config, name: "INTERCOM_GET_A_CONTACT", argsJson: '{"contact_id":5}', yes: false, io: io(false) })).toBe(1);
    expect(err[0]).toMatch(/^The arguments for INTERCOM_GET_A_CONTACT are invalid: contact_id: /);
    expect(server.requests).toHaveLength(0);
  });
});

describe("switchboard tools list", () => {
  it("prints name, risk, method, path and title, or JSON", () => {
    const table = formatToolList(allTools, false).split("\n");
    expect(table[0]).toMatch(/^NAME\s+RISK\s+METHOD\s+PATH\s+TITLE$/);
    expect(table).toHaveLength(134);
    const rows = JSON.parse(formatToolList(allTools, true)) as { name: string }[];
    expect(rows.find((r) => r.name === "INTERCOM_GET_A_CONTACT")).toEqual({
      name: "INTERCOM_GET_A_CONTACT",
      title: "Get a contact",
      method: "GET",
      path: "/contacts/{contact_id}",
      risk: "read",
      resource: "contacts",
    });
  });
});

describe("the confirmation target", () => {
  it("reads as a place, not a half sentence", () => {
    expect(describeTarget("https://api.eu.intercom.io", "token")).toBe("Intercom at https://api.eu.intercom.io (INTERCOM_ACCESS_TOKEN)");
    expect(describeTarget("https://api.intercom.io", "oauth")).toBe("Intercom at https://api.intercom.io (OAuth connection)");
  });
});
