/**
 * The crash test: a process records a write as executing and dies before the answer comes back (its
 * transport never answers, so the row stays `executing` exactly as a SIGKILL would leave it). A new process
 * on the same file reconciles by reading Intercom back: a write Intercom shows is not sent again; one Intercom
 * proves never arrived is sent now, once, through the same row; one it cannot check is uncertain and not resent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { GatedWriteRequest } from "../../src/workflows/contracts.js";
import { shippedPersonas } from "../agent/support/harness.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import {
  adminId,
  anOpenConversation,
  conversationOf,
  type Doc,
  dbFile,
  demoEmulator,
  emulatorClient,
  hangingTransport,
  openWrites,
  partsOf,
} from "./support.js";

const temp = makeTempDir();
/** The dying "processes" here are gone before reconciliation starts: no request of theirs is still landing. */
const fast = { settleMs: 0 };
let emulator: RunningEmulator;
const personas = shippedPersonas();
const support = personas.find((p) => p.name === "support") as Persona;
const operator: Persona = {
  ...support,
  name: "wide",
  scope: { allow: { resources: [], risks: ["read", "write", "destructive"], names: [] }, deny: support.scope.deny },
};

beforeAll(async () => {
  emulator = await demoEmulator();
});
afterAll(async () => {
  await emulator.close();
  temp.cleanup();
});

/** Starts a write in a "process" whose send never returns; resolves once the request has (or has not) gone out. */
async function dieMidWrite(file: string, request: GatedWriteRequest, deliverFirst: boolean): Promise<void> {
  let hung!: () => void;
  const reached = new Promise<void>((resolve) => {
    hung = resolve;
  });
  const doomed = openWrites(file, hangingTransport(emulatorClient(emulator), { deliverFirst, onHang: () => hung() }));
  const finished = doomed.writes.gated.run(request).then((outcome) => {
    throw new Error(`the write finished instead of hanging: ${JSON.stringify(outcome)}`);
  });
  await Promise.race([reached, finished]);
  // The process is gone: its connection closes and its pending promise is never settled.
  doomed.db.close();
}

const request = (tool: string, args: Record<string, unknown>, key: string): GatedWriteRequest => ({
  tool,
  args,
  persona: operator,
  authority: { kind: "person", slackUserId: "U0LEAD", source: "slack" },
  requester: { slackUserId: "U0ASKER", source: "slack" },
  prompt: "crash test",
  idempotencyKey: key,
});

describe("reconciling writes a dead process left executing", () => {
  it("finds a delivered reply (sent), sends a lost one once now, and calls an uncheckable write uncertain", async () => {
    const file = dbFile(temp.dir, "crash");
    const id = await anOpenConversation(emulator);
    const admin = adminId(emulator);
    const reply = (body: string) => ({ conversation_id: id, message_type: "comment", type: "admin", admin_id: admin, body });
    const start = partsOf(emulator, id).length;

    await dieMidWrite(file, request("INTERCOM_REPLY_TO_CONVERSATION", reply("Your refund of <b>£20</b> was sent today."), "crash:delivered"), true);
    expect(partsOf(emulator, id)).toHaveLength(start + 1);
    await dieMidWrite(file, request("INTERCOM_REPLY_TO_CONVERSATION", reply("This one never left the building."), "crash:lost"), false);
    const contact = String((emulator.state.all("contacts")[0] as Doc).id);
    await dieMidWrite(file, request("INTERCOM_UPDATE_A_CONTACT", { contact_id: contact, name: "Renamed Mid Crash" }, "crash:unchecked"), true);
    expect(partsOf(emulator, id)).toHaveLength(start + 1);

    const next = openWrites(file, emulatorClient(emulator));
    expect(next.ledger.executing().map((r) => r.key)).toEqual(["crash:delivered", "crash:lost", "crash:unchecked"]);
    const settled = await next.writes.reconcile(fast);
    const byKey = new Map(settled.map((s) => [s.key, s]));

    expect(byKey.get("crash:delivered")).toMatchObject({
      how: "read-back",
      requesterUser: "U0ASKER",
      outcome: { status: "sent", summary: `Checked after a restart: the message is on conversation ${id}.` },
    });
    expect(byKey.get("crash:lost")).toMatchObject({ how: "resent", outcome: { status: "sent" } });
    const lost = byKey.get("crash:lost")?.outcome;
    expect(lost?.status === "sent" && lost.summary).toMatch(
      new RegExp(
        `^Switchboard stopped before this reached Intercom \\(checked after a restart: conversation ${id} has no such message\\), so it was sent now\\. Intercom accepted it`,
      ),
    );
    expect(byKey.get("crash:unchecked")).toMatchObject({ how: "unchecked", outcome: { status: "uncertain" } });
    const unchecked = byKey.get("crash:unchecked")?.outcome;
    expect(unchecked?.status === "uncertain" && unchecked.reason).toMatch(/may or may not have been applied; check in Intercom/);

    // The delivered one was not sent again, the lost one is there exactly once now, the uncheckable one untouched.
    const bodies = partsOf(emulator, id).map((p) => String(p.body ?? ""));
    expect(bodies).toHaveLength(start + 2);
    expect(bodies.filter((b) => b.includes("never left the building"))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes("£20"))).toHaveLength(1);
    expect(next.ledger.executing()).toEqual([]);
    expect(next.ledger.get("crash:delivered")).toMatchObject({ status: "sent", reconciledAt: expect.any(Number) });
    expect(next.ledger.get("crash:lost")).toMatchObject({ status: "sent", reconciledAt: expect.any(Number), httpStatus: 200 });
    expect(next.ledger.get("crash:unchecked")?.status).toBe("uncertain");
    // One audit row per write, each with who asked and who approved; the resend says so in its result.
    const audited = next.audit.recent({ limit: 10 });
    expect(audited.map((r) => r.status).sort()).toEqual(["ok", "ok", "uncertain"]);
    expect(audited.every((r) => r.approver === "U0LEAD" && r.decision === "approved" && r.requesterUser === "U0ASKER")).toBe(true);
    expect(audited.filter((r) => r.result?.includes('"resentAfterRestart":true'))).toHaveLength(1);

    // A retry with the same key (a restarted job, a second click) gets the ledger's outcome and sends nothing.
    const retried = await next.writes.gated.run(request("INTERCOM_REPLY_TO_CONVERSATION", reply("This one never left the building."), "crash:lost"));
    expect(retried.status).toBe("sent");
    expect(partsOf(emulator, id)).toHaveLength(start + 2);
    expect(await next.writes.reconcile(fast)).toEqual([]);
    next.db.close();
  });

  it("does not resend a write proved missing once it is older than the resend window: not sent, and the person is told", async () => {
    const file = dbFile(temp.dir, "old");
    const id = await anOpenConversation(emulator);
    const start = partsOf(emulator, id).length;
    const body = { conversation_id: id, message_type: "comment", type: "admin", admin_id: adminId(emulator), body: "Approved long ago." };
    await dieMidWrite(file, request("INTERCOM_REPLY_TO_CONVERSATION", body, "old:1"), false);
    const next = openWrites(file, emulatorClient(emulator));
    const [only] = await next.writes.reconcile({ ...fast, resendWithinMs: -1 });
    expect(only).toMatchObject({ how: "read-back", outcome: { status: "failed" } });
    expect(only?.outcome.status === "failed" && only.outcome.reason).toMatch(/^Not sent: .*too long ago to send it now on its own/);
    expect(partsOf(emulator, id)).toHaveLength(start);
    expect(next.audit.recent().map((r) => r.status)).toEqual(["failed"]);
    next.db.close();
  });

  it("two processes reconciling the same lost write at once send it once between them", async () => {
    const file = dbFile(temp.dir, "race");
    const id = await anOpenConversation(emulator);
    const start = partsOf(emulator, id).length;
    const body = { conversation_id: id, message_type: "comment", type: "admin", admin_id: adminId(emulator), body: "Only once, please." };
    await dieMidWrite(file, request("INTERCOM_REPLY_TO_CONVERSATION", body, "race:1"), false);
    const a = openWrites(file, emulatorClient(emulator));
    const b = openWrites(file, emulatorClient(emulator));
    const [fromA, fromB] = await Promise.all([a.writes.reconcile(fast), b.writes.reconcile(fast)]);
    expect([...(fromA ?? []), ...(fromB ?? [])].map((w) => w.how)).toEqual(["resent"]);
    expect(partsOf(emulator, id).filter((p) => String(p.body ?? "").includes("Only once, please."))).toHaveLength(1);
    expect(partsOf(emulator, id)).toHaveLength(start + 1);
    expect(a.audit.recent().map((r) => r.status)).toEqual(["ok"]);
    a.db.close();
    b.db.close();
  });

  it("never leaves a settled write without its audit row: when the audit insert fails, the settlement rolls back and reconciliation records both", async () => {
    const file = dbFile(temp.dir, "atomic");
    const id = await anOpenConversation(emulator);
    const body = { conversation_id: id, message_type: "comment", type: "admin", admin_id: adminId(emulator), body: "Audited or not settled." };
    const first = openWrites(file, emulatorClient(emulator));
    // A real SQLite failure on the audit insert, as a full disk would give.
    first.db.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const outcome = await first.writes.gated.run(request("INTERCOM_REPLY_TO_CONVERSATION", body, "atomic:1"));
    // The executor's fact is still what the caller hears; the ledger row was not settled without its audit row.
    expect(outcome.status).toBe("sent");
    expect(first.ledger.get("atomic:1")?.status).toBe("executing");
    first.db.exec("DROP TRIGGER audit_fails");
    first.db.close();

    const next = openWrites(file, emulatorClient(emulator));
    const [only] = await next.writes.reconcile(fast);
    expect(only).toMatchObject({ how: "read-back", outcome: { status: "sent" } });
    expect(partsOf(emulator, id).filter((p) => String(p.body ?? "").includes("Audited or not settled."))).toHaveLength(1);
    expect(next.ledger.get("atomic:1")?.status).toBe("sent");
    expect(next.audit.recent().map((r) => [r.status, r.approver])).toEqual([["ok", "U0LEAD"]]);
    next.db.close();
  });

  it("reads the conversation's state back for tags, assignment and close, and sets a state proved not applied", async () => {
    const file = dbFile(temp.dir, "state");
    const id = await anOpenConversation(emulator);
    const admin = adminId(emulator);
    const conversation = emulator.state.get("conversations", id) as Doc;
    const onIt = new Set(((conversation.tags as Doc).tags as Doc[]).map((t) => String(t.id)));
    const tag = String((emulator.state.all("tags") as Doc[]).find((t) => !onIt.has(String(t.id)))?.id);
    const team = String((emulator.state.all("teams") as Doc[]).find((t) => String(t.id) !== String(conversation.team_assignee_id))?.id);

    await dieMidWrite(file, request("INTERCOM_ATTACH_TAG_TO_CONVERSATION", { conversation_id: id, id: tag, admin_id: admin }, "state:tag"), true);
    await dieMidWrite(
      file,
      request("INTERCOM_ASSIGN_CONVERSATION", { conversation_id: id, type: "team", admin_id: admin, assignee_id: team }, "state:assign"),
      false,
    );
    await dieMidWrite(file, request("INTERCOM_CLOSE_CONVERSATION", { conversation_id: id, admin_id: admin }, "state:close"), true);
    expect(String(conversationOf(emulator, id).team_assignee_id)).not.toBe(team);

    const next = openWrites(file, emulatorClient(emulator));
    const settled = new Map((await next.writes.reconcile(fast)).map((s) => [s.key, s]));
    expect(settled.get("state:tag")).toMatchObject({
      how: "read-back",
      outcome: { status: "sent", summary: `Checked after a restart: conversation ${id} has tag ${tag}.` },
    });
    expect(settled.get("state:assign")).toMatchObject({ how: "resent", outcome: { status: "sent" } });
    const assign = settled.get("state:assign")?.outcome;
    expect(assign?.status === "sent" && assign.summary).toMatch(
      /checked after a restart: conversation \d+ is (unassigned|assigned to team \d+)\), so it was sent now/,
    );
    expect(String(conversationOf(emulator, id).team_assignee_id)).toBe(team);
    expect(settled.get("state:close")).toMatchObject({
      how: "read-back",
      outcome: { status: "sent", summary: `Checked after a restart: conversation ${id} is closed.` },
    });
    next.db.close();
  });

  it("leaves a write this process is still sending alone, and calls one it cannot read back uncertain", async () => {
    const file = dbFile(temp.dir, "live");
    let hung!: () => void;
    const reached = new Promise<void>((resolve) => {
      hung = resolve;
    });
    const live = openWrites(file, hangingTransport(emulatorClient(emulator), { deliverFirst: false, onHang: () => hung() }));
    const id = await anOpenConversation(emulator);
    void live.writes.gated.run(
      request(
        "INTERCOM_REPLY_TO_CONVERSATION",
        { conversation_id: id, message_type: "note", type: "admin", admin_id: adminId(emulator), body: "in flight" },
        "live:1",
      ),
    );
    await reached;
    expect(await live.writes.reconcile(fast)).toEqual([]);
    expect(live.ledger.get("live:1")?.status).toBe("executing");

    // Another process, with Intercom unreachable for the read-back: it cannot tell, so it says so.
    const blind = openWrites(file, {
      request: async () => {
        throw Object.assign(new Error("down"), { userMessage: "Could not reach Intercom." });
      },
    });
    const [only] = await blind.writes.reconcile(fast);
    expect(only?.outcome.status).toBe("uncertain");
    expect(only?.outcome.status === "uncertain" && only.outcome.reason).toMatch(
      /reading it back from Intercom failed \(Could not reach Intercom\.\).*may or may not have been applied/,
    );
    live.db.close();
    blind.db.close();
  });
});
