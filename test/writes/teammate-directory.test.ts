import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { createTeammateDirectory } from "../../src/intercom/teammate-directory.js";
import type { IntercomRequest, IntercomTransport } from "../../src/intercom/types.js";
import { createSilentLogger } from "../../src/logger.js";
import { type FakeSlackServer, startFakeSlack } from "../fakes/fake-slack-server.js";
import { type Doc, demoEmulator, emulatorClient } from "./support.js";

let emulator: RunningEmulator;
let slack: FakeSlackServer;
let admins: Doc[];
const members: Record<string, { name?: string; email?: string }> = {};

beforeAll(async () => {
  emulator = await demoEmulator();
  admins = emulator.state.all("admins") as Doc[];
  members.U0MAYA = { name: "maya", email: `  ${String(admins[0]?.email).toUpperCase()} ` };
  members.U0NOBODY = { name: "guest", email: "guest@elsewhere.example" };
  members.U0NOMAIL = { name: "bot-like" };
  slack = await startFakeSlack({ users: members });
});
afterAll(async () => {
  await Promise.all([emulator.close(), slack.close()]);
});

function countingTransport(inner: IntercomTransport): IntercomTransport & { seen: IntercomRequest[] } {
  const seen: IntercomRequest[] = [];
  return {
    seen,
    request: (request) => {
      seen.push(request);
      return inner.request(request);
    },
  };
}

function directory(options: { defaultAdminId?: string; now?: () => number } = {}) {
  const transport = countingTransport(emulatorClient(emulator));
  const client = new WebClient("xoxb-test-directory", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  return { transport, dir: createTeammateDirectory({ slack: client, transport, ttlMs: 60_000, logger: createSilentLogger(), ...options }) };
}

describe("TeammateDirectory: Slack user → Intercom admin", () => {
  it("matches by email whatever the case and spacing, through users.info and the admin list", async () => {
    const { dir } = directory();
    expect(await dir.adminFor("U0MAYA")).toEqual({ adminId: String(admins[0]?.id), name: String(admins[0]?.name), matchedBy: "email" });
    expect(slack.callsTo("users.info").at(-1)?.args).toMatchObject({ user: "U0MAYA" });
  });

  it("falls back to the configured default admin, named from the admin list, else gives nothing", async () => {
    const fallback = String(admins[2]?.id);
    const { dir } = directory({ defaultAdminId: fallback });
    const expected = { adminId: fallback, name: String(admins[2]?.name), matchedBy: "default" };
    expect(await dir.adminFor("U0NOBODY")).toEqual(expected);
    expect(await dir.adminFor("U0NOMAIL")).toEqual(expected);
    // Slack answers user_not_found: still the default, never an error for the person clicking.
    expect(await dir.adminFor("U0GHOST")).toEqual(expected);

    const bare = directory();
    expect(await bare.dir.adminFor("U0NOBODY")).toBeUndefined();
  });

  it("caches both lookups and refreshes them after the TTL", async () => {
    let clock = 1_000_000;
    const { dir, transport } = directory({ now: () => clock });
    const slackCalls = () => slack.callsTo("users.info").filter((c) => c.args.user === "U0MAYA").length;
    const startCalls = slackCalls();
    await Promise.all([dir.adminFor("U0MAYA"), dir.adminFor("U0MAYA"), dir.adminFor("U0MAYA")]);
    await dir.adminFor("U0MAYA");
    expect(transport.seen.filter((r) => r.path === "/admins")).toHaveLength(1);
    expect(slackCalls() - startCalls).toBe(1);

    // The person changes their Slack email; once the TTL passes, the next lookup sees it.
    members.U0MAYA = { name: "maya", email: String(admins[1]?.email) };
    clock += 30_000;
    expect((await dir.adminFor("U0MAYA"))?.adminId).toBe(String(admins[0]?.id));
    clock += 31_000;
    expect(await dir.adminFor("U0MAYA")).toEqual({ adminId: String(admins[1]?.id), name: String(admins[1]?.name), matchedBy: "email" });
    expect(transport.seen.filter((r) => r.path === "/admins")).toHaveLength(2);
  });
});
