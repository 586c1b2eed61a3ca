import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createTeammateDirectory } from "../../src/intercom/teammate-directory.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import type { GatedWriteRequest } from "../../src/workflows/contracts.js";
import { createWritesService } from "../../src/writes/writes-service.js";
import { allTools } from "../../tools/index.js";
import { shippedPersonas } from "../agent/support/harness.js";
import { startFakeSlack } from "../fakes/fake-slack-server.js";
import { type LocalServer, startLocalServer } from "../helpers/local-server.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminId, anOpenConversation, type Doc, dbFile, demoEmulator, emulatorClient, openWrites, partsOf } from "./support.js";

const temp = makeTempDir();
let emulator: RunningEmulator;
const personas = shippedPersonas();
const persona = (name: string) => personas.find((p) => p.name === name) as Persona;
const lead = (): Persona => ({ ...persona("support"), name: "support-led", approvers: { users: ["U0LEAD"], groups: ["S0LEADS"] } });
const closers = (): Persona => {
  const triage = persona("triage");
  return {
    ...triage,
    name: "closers",
    scope: { ...triage.scope, allow: { ...triage.scope.allow, names: [...triage.scope.allow.names, "INTERCOM_CLOSE_CONVERSATION"] } },
    approval: { ...triage.approval, tools: { INTERCOM_CLOSE_CONVERSATION: "auto" } },
  };
};
const servers: LocalServer[] = [];

beforeAll(async () => {
  emulator = await demoEmulator();
});
afterAll(async () => {
  await emulator.close();
  temp.cleanup();
});
afterEach(async () => {
  emulator.resetFaults();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let keys = 0;
function replyRequest(conversationId: string, overrides: Partial<GatedWriteRequest> = {}): GatedWriteRequest {
  return {
    tool: "INTERCOM_REPLY_TO_CONVERSATION",
    args: {
      conversation_id: conversationId,
      message_type: "comment",
      type: "admin",
      admin_id: adminId(emulator),
      body: `Your card is on its way (${++keys}).`,
    },
    persona: persona("support"),
    authority: { kind: "person", slackUserId: "U0AGENT1", source: "slack" },
    requester: { slackUserId: "U0ASKER1", source: "slack" },
    prompt: "tell them the card shipped",
    idempotencyKey: `test:reply:${keys}`,
    ...overrides,
  };
}

describe("GatedWrites against the emulator", () => {
  it("sends an approved reply once, records it in the ledger and audits who asked and who approved", async () => {
    const { db, writes, audit, ledger } = openWrites(dbFile(temp.dir, "sent"), emulatorClient(emulator));
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const request = replyRequest(id);
    const outcome = await writes.gated.run(request);
    expect(outcome).toMatchObject({ status: "sent", tool: "INTERCOM_REPLY_TO_CONVERSATION", summary: "Intercom accepted it (HTTP 200)." });
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    expect(ledger.get(request.idempotencyKey)).toMatchObject({ status: "sent", decision: "approved", approver: "U0AGENT1", httpStatus: 200 });
    const rows = audit.recent({ tool: "INTERCOM_REPLY_TO_CONVERSATION" });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      requesterUser: "U0ASKER1",
      requesterSource: "slack",
      persona: "support",
      prompt: "tell them the card shipped",
      decision: "approved",
      approver: "U0AGENT1",
      status: "ok",
    });
    expect(rows[0]?.latencyMs).toBeGreaterThanOrEqual(0);

    // The same key again (a double click, a redelivered webhook): the first outcome, nothing sent, no second audit row.
    const again = await writes.gated.run(request);
    expect(again).toMatchObject({ status: "sent" });
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    expect(audit.recent({ tool: "INTERCOM_REPLY_TO_CONVERSATION" })).toHaveLength(1);
    db.close();
  });

  it("sends once when the same key arrives many times at once, in one process and from a second one", async () => {
    const file = dbFile(temp.dir, "concurrent");
    const one = openWrites(file, emulatorClient(emulator));
    const two = openWrites(file, emulatorClient(emulator));
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const request = replyRequest(id);
    const outcomes = await Promise.all([
      ...Array.from({ length: 5 }, () => one.writes.gated.run(request)),
      ...Array.from({ length: 3 }, () => two.writes.gated.run(request)),
    ]);
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    // Every caller in the first process waits for the send; the second process is told it is under way or sent.
    expect(outcomes.slice(0, 5).every((o) => o.status === "sent")).toBe(true);
    for (const o of outcomes.slice(5)) expect(["sent", "uncertain"]).toContain(o.status);
    expect(one.audit.recent({ tool: "INTERCOM_REPLY_TO_CONVERSATION" })).toHaveLength(1);
    one.db.close();
    two.db.close();
  });

  it("runs a policy write only where the persona says auto and the tool is not destructive", async () => {
    const { db, writes, audit } = openWrites(dbFile(temp.dir, "policy"), emulatorClient(emulator));
    const id = await anOpenConversation(emulator);
    const tag = String((emulator.state.all("tags")[0] as Doc).id);
    const tagArgs = { conversation_id: id, id: tag, admin_id: adminId(emulator) };
    const base = { args: tagArgs, authority: { kind: "policy" as const }, requester: { source: "workflow:triage" } };

    const auto = await writes.gated.run({ ...base, tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION", persona: persona("triage"), idempotencyKey: "policy:tag:1" });
    expect(auto.status).toBe("sent");
    expect(audit.recent({ tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION" })[0]).toMatchObject({
      decision: "auto",
      status: "ok",
      requesterSource: "workflow:triage",
    });

    const asks = await writes.gated.run({ ...base, tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION", persona: persona("support"), idempotencyKey: "policy:tag:2" });
    expect(asks).toEqual({
      status: "refused",
      tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION",
      reason: "The support persona's policy does not run Attach tag to conversation on its own; a person must approve it.",
    });

    const before = emulator.state.get("conversations", id) as Doc;
    const destructive = await writes.gated.run({
      tool: "INTERCOM_CLOSE_CONVERSATION",
      args: { conversation_id: id, admin_id: adminId(emulator) },
      persona: closers(),
      authority: { kind: "policy" },
      requester: { source: "workflow:faq" },
      idempotencyKey: "policy:close:1",
    });
    expect(destructive.status).toBe("refused");
    expect(destructive.status === "refused" && destructive.reason).toMatch(/a person must approve it; a policy alone may not run it/);
    expect((emulator.state.get("conversations", id) as Doc).state).toBe(before.state);

    const outside = await writes.gated.run({
      ...base,
      tool: "INTERCOM_ATTACH_TAG_TO_CONVERSATION",
      persona: persona("analyst"),
      idempotencyKey: "policy:tag:3",
    });
    expect(outside).toMatchObject({ status: "refused", reason: "Attach tag to conversation is outside what the analyst persona may use." });

    const read = await writes.gated.run({ ...base, tool: "INTERCOM_LIST_ALL_ADMINS", args: {}, persona: persona("triage"), idempotencyKey: "policy:read" });
    expect(read).toMatchObject({ status: "refused", reason: expect.stringMatching(/only reads/) });

    const unknown = await writes.gated.run({ ...base, tool: "INTERCOM_DO_MAGIC", persona: persona("triage"), idempotencyKey: "policy:magic" });
    expect(unknown).toMatchObject({ status: "refused", reason: "There is no tool named INTERCOM_DO_MAGIC." });

    const refusedRows = audit.recent({ limit: 100 }).filter((r) => r.status === "refused");
    expect(refusedRows).toHaveLength(5);
    expect(refusedRows.every((r) => r.decision === "refused")).toBe(true);
    db.close();
  });

  it("lets a person write only when they may approve for the persona, and says who can", async () => {
    const { db, writes, ledger } = openWrites(dbFile(temp.dir, "approvers"), emulatorClient(emulator));
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const outsider = replyRequest(id, { persona: lead(), authority: { kind: "person", slackUserId: "U0RANDOM", source: "slack" } });
    const refused = await writes.gated.run(outsider);
    expect(refused).toMatchObject({
      status: "refused",
      reason: "<@U0RANDOM> may not approve writes for the support-led persona. Who can: <@U0LEAD>, <!subteam^S0LEADS>.",
    });
    expect(ledger.get(outsider.idempotencyKey)).toBeUndefined();
    expect(partsOf(emulator, id)).toHaveLength(before);

    // The key was not used up by the refusal: the lead's click on the same card sends it.
    const approved = await writes.gated.run({ ...outsider, authority: { kind: "person", slackUserId: "U0LEAD", source: "slack" } });
    expect(approved.status).toBe("sent");
    const byGroup = await writes.gated.run(
      replyRequest(id, { persona: lead(), authority: { kind: "person", slackUserId: "U0OTHER", source: "slack", groupIds: ["S0LEADS"] } }),
    );
    expect(byGroup.status).toBe("sent");
    expect(partsOf(emulator, id)).toHaveLength(before + 2);
    db.close();
  });

  it("reports a failure in Intercom's plain words, from a 404 and from a server error", async () => {
    const { db, writes, audit, ledger } = openWrites(dbFile(temp.dir, "failed"), emulatorClient(emulator));
    const missing = await writes.gated.run(replyRequest("999999999"));
    expect(missing).toMatchObject({ status: "failed", reason: expect.stringMatching(/^Conversation 999999999 was not found \(404\)/) });

    const request = replyRequest(await anOpenConversation(emulator));
    emulator.setFaults({ serverErrorRate: 1 });
    const broken = await writes.gated.run(request);
    expect(broken.status).toBe("failed");
    expect(broken.status === "failed" && broken.reason).toMatch(/^Intercom had a server error \(50[03]\)\..*may already have been applied; check in Intercom/);
    expect(ledger.get(request.idempotencyKey)).toMatchObject({ status: "failed", httpStatus: expect.any(Number) });
    expect(audit.recent({ limit: 1 })[0]).toMatchObject({ status: "failed", decision: "approved" });
    db.close();
  });

  it("calls a write whose connection dropped after it was sent uncertain, with what to do", async () => {
    const server = await startLocalServer((_req, res) => {
      res.socket?.destroy();
    });
    servers.push(server);
    const transport = new IntercomClient({ baseUrl: server.baseUrl, token: "tok-drop-test-123456", maxRetries: 2 });
    const { db, writes, audit, ledger } = openWrites(dbFile(temp.dir, "uncertain"), transport);
    const request = replyRequest("1");
    const outcome = await writes.gated.run(request);
    expect(outcome.status).toBe("uncertain");
    expect(outcome.status === "uncertain" && outcome.reason).toMatch(/may or may not have been applied; check in Intercom/);
    // A POST is never retried after the request may have left.
    expect(server.requests).toHaveLength(1);
    expect(ledger.get(request.idempotencyKey)?.status).toBe("uncertain");
    expect(audit.recent({ limit: 1 })[0]?.status).toBe("uncertain");
    db.close();
  });

  it("sends nothing for arguments that cannot run, and keeps the key free for a corrected call", async () => {
    const { db, writes, ledger } = openWrites(dbFile(temp.dir, "invalid"), emulatorClient(emulator));
    const id = await anOpenConversation(emulator);
    const request = replyRequest(id);
    const bad = await writes.gated.run({ ...request, args: { ...request.args, body: 42 } });
    expect(bad).toMatchObject({
      status: "failed",
      reason: expect.stringMatching(/^The arguments for Reply to conversation are invalid \(body: .*\); nothing was sent\.$/),
    });
    expect(ledger.get(request.idempotencyKey)).toBeUndefined();
    expect((await writes.gated.run(request)).status).toBe("sent");
    db.close();
  });

  it("sends a person's reply as their Intercom teammate, matched by email", async () => {
    const admins = emulator.state.all("admins") as Doc[];
    const maya = admins[3] as Doc;
    const slack = await startFakeSlack({ users: { U0MAYA: { email: String(maya.email) } } });
    try {
      const db = openDatabase(dbFile(temp.dir, "act-as"));
      const transport = emulatorClient(emulator);
      const teammates = createTeammateDirectory({ slack: new WebClient("xoxb-act-as", { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }), transport });
      const audit = new AuditLog(db);
      const writes = createWritesService({ ledger: new WriteLedgerRepo(db), transaction: transactionOn(db), audit, transport, tools: allTools, teammates });
      const id = await anOpenConversation(emulator);
      const request = replyRequest(id, { authority: { kind: "person", slackUserId: "U0MAYA", source: "slack" } });
      expect(request.args.admin_id).not.toBe(String(maya.id));
      expect((await writes.gated.run(request)).status).toBe("sent");
      const part = partsOf(emulator, id).at(-1) as Doc;
      expect((part.author as Doc).id).toBe(String(maya.id));
      expect(audit.recent({ limit: 1 })[0]?.args).toMatchObject({ admin_id: String(maya.id) });
      db.close();
    } finally {
      await slack.close();
    }
  });
});
