/**
 * The agent's writes go through the same ledger: keyed by the approval (or run + tool call for a persona's own
 * writes), the model is told the real outcome, the engine lists each write's outcome for the Slack layer, and
 * a crash between "approved" and "sent" is reconciled and never sent twice when the run resumes.
 */
import { ToolMessage } from "langchain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { toolGuardMiddleware, writeKey } from "../../src/agent/guard-middleware.js";
import type { Persona } from "../../src/agent/personas.js";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { IntercomTransport } from "../../src/intercom/types.js";
import { createSilentLogger } from "../../src/logger.js";
import { ApprovalStore } from "../../src/store/approvals.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { RunStore } from "../../src/store/runs.js";
import { transactionOn } from "../../src/store/stores.js";
import { WriteLedgerRepo } from "../../src/store/write-ledger-repo.js";
import type { TeammateDirectory } from "../../src/workflows/contracts.js";
import { createWriteOnce } from "../../src/writes/write-once.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { engineOn, shippedPersonas } from "../agent/support/harness.js";
import { callTool, lastToolResult, type ScriptContext, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminId, anOpenConversation, type Doc, dbFile, demoEmulator, emulatorClient, hangingTransport, openWrites, partsOf } from "./support.js";

const temp = makeTempDir();
let emulator: RunningEmulator;
const personas = shippedPersonas();

beforeAll(async () => {
  emulator = await demoEmulator();
});
afterAll(async () => {
  await emulator.close();
  temp.cleanup();
});
afterEach(() => emulator.resetFaults());

function engineWithLedger(file: string, transport: IntercomTransport, model: ScriptedChatModel, teammates?: TeammateDirectory) {
  const db = openDatabase(file);
  const writes = createWriteOnce({ ledger: new WriteLedgerRepo(db), transaction: transactionOn(db) });
  const engine = engineOn({ db, transport, tools: allTools, personas, chatModel: model, logger: createSilentLogger(), writes, teammates });
  return { db, engine, writes };
}

const replyArgs = (conversationId: string, body: string) => ({
  conversation_id: conversationId,
  message_type: "comment",
  type: "admin",
  admin_id: adminId(emulator),
  body,
});

/** The model claims success whatever it is told; it records what it was told. */
function boastfulModel(first: ReturnType<typeof callTool>, heard: string[]) {
  return new ScriptedChatModel([
    first,
    (context: ScriptContext) => {
      heard.push(lastToolResult(context));
      return say("Done! I replied to the customer.");
    },
  ]);
}

async function pauseAndApprove(engine: ReturnType<typeof engineWithLedger>["engine"], text: string, beforeApproval?: () => void) {
  const paused = await engine.start({ persona: "support", requester: { slackUserId: "U0ASKER", source: "slack" }, text, threadId: `t-${text}` });
  if (paused.status !== "needs_approval") throw new Error(`expected a pause, got ${JSON.stringify(paused)}`);
  beforeApproval?.();
  const approvalId = paused.approvals[0]?.approvalId as string;
  return { paused, approvalId, done: engine.decide(paused.runId, [{ approvalId, type: "approve" }], { slackUserId: "U0LEAD", source: "slack" }) };
}

describe("agent writes through the write ledger", () => {
  it("sends an approved reply once, keyed by the approval, and lists its outcome", async () => {
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const heard: string[] = [];
    const { db, engine, writes } = engineWithLedger(
      dbFile(temp.dir, "approved"),
      emulatorClient(emulator),
      boastfulModel(callTool("INTERCOM_REPLY_TO_CONVERSATION", replyArgs(id, "Your new card ships tomorrow.")), heard),
    );
    const { paused, approvalId, done } = await pauseAndApprove(engine, "tell them the card ships");
    expect(await done).toMatchObject({ status: "answered" });
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    expect(writes.ledger.get(`approval:${approvalId}`)).toMatchObject({ status: "sent", runId: paused.runId, approver: "U0LEAD", decision: "approved" });
    expect(engine.writeOutcomes(paused.runId)).toEqual([
      expect.objectContaining({
        key: writeKey(paused.runId, "", approvalId),
        tool: "INTERCOM_REPLY_TO_CONVERSATION",
        approvalId,
        status: "sent",
        outcome: expect.objectContaining({ status: "sent" }),
      }),
    ]);
    expect(heard[0]).not.toMatch(/WRITE/);
    expect(engine.audit.recent({ runId: paused.runId })[0]).toMatchObject({ status: "ok", decision: "approved", approvalId });
    db.close();
  });

  it("tells the model a failed write failed, and lists it as failed whatever the model says", async () => {
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    const heard: string[] = [];
    const { db, engine } = engineWithLedger(
      dbFile(temp.dir, "failed"),
      emulatorClient(emulator),
      boastfulModel(callTool("INTERCOM_REPLY_TO_CONVERSATION", replyArgs(id, "This will hit a server error.")), heard),
    );
    const { paused, done } = await pauseAndApprove(engine, "reply during an outage", () => emulator.setFaults({ serverErrorRate: 1 }));
    const outcome = await done;
    emulator.resetFaults();
    expect(outcome).toMatchObject({ status: "answered", text: "Done! I replied to the customer." });
    expect(heard[0]).toMatch(/^WRITE FAILED: Intercom had a server error \(50[03]\)\..*do not say it was done\.$/);
    const [only] = engine.writeOutcomes(paused.runId);
    expect(only).toMatchObject({ status: "failed", outcome: { status: "failed", reason: expect.stringMatching(/server error/) } });
    expect(partsOf(emulator, id)).toHaveLength(before);
    expect(engine.audit.recent({ runId: paused.runId })[0]).toMatchObject({ status: "failed", decision: "approved" });
    db.close();
  });

  it("records a persona's own write under the run and tool call", async () => {
    const id = await anOpenConversation(emulator);
    const conversation = emulator.state.get("conversations", id) as Doc;
    const onIt = new Set(((conversation.tags as Doc).tags as Doc[]).map((t) => String(t.id)));
    const tag = String((emulator.state.all("tags") as Doc[]).find((t) => !onIt.has(String(t.id)))?.id);
    const { db, engine, writes } = engineWithLedger(
      dbFile(temp.dir, "auto"),
      emulatorClient(emulator),
      new ScriptedChatModel([
        callTool("INTERCOM_ATTACH_TAG_TO_CONVERSATION", { conversation_id: id, id: tag, admin_id: adminId(emulator) }, "call_tag_1"),
        say("Tagged."),
      ]),
    );
    const done = await engine.start({ persona: "triage", requester: { source: "job:triage" }, text: "sort the inbox", threadId: "t-auto" });
    expect(done.status).toBe("answered");
    expect(writes.ledger.get(`run:${done.runId}:call_tag_1`)).toMatchObject({ status: "sent", decision: "auto", requesterSource: "job:triage" });
    expect(engine.writeOutcomes(done.runId).map((w) => w.status)).toEqual(["sent"]);
    expect(((emulator.state.get("conversations", id) as Doc).tags as Doc).tags).toEqual(expect.arrayContaining([expect.objectContaining({ id: tag })]));
    db.close();
  });

  it("reconciles a crash between approved and sent, and a resumed run does not send again", async () => {
    const file = dbFile(temp.dir, "crash");
    const id = await anOpenConversation(emulator);
    const before = partsOf(emulator, id).length;
    let hung!: () => void;
    const reached = new Promise<void>((resolve) => {
      hung = resolve;
    });
    const dying = engineWithLedger(
      file,
      hangingTransport(emulatorClient(emulator), { deliverFirst: true, onHang: () => hung() }),
      boastfulModel(callTool("INTERCOM_REPLY_TO_CONVERSATION", replyArgs(id, "Sent just before the crash."), "call_crash_1"), []),
    );
    const { paused, approvalId } = await pauseAndApprove(dying.engine, "reply then crash");
    await reached;
    dying.db.close();
    expect(partsOf(emulator, id)).toHaveLength(before + 1);

    // The next process: reconcile at start, then the run resumes and its guard meets the same approved call.
    const next = openWrites(file, emulatorClient(emulator));
    const [reconciled] = await next.writes.reconcile();
    expect(reconciled).toMatchObject({ key: `approval:${approvalId}`, runId: paused.runId, approvalId, outcome: { status: "sent" } });

    const run = new RunStore(next.db).get(paused.runId);
    if (!run) throw new Error("the run is missing");
    const support = personas.find((p) => p.name === "support") as Persona;
    const guard = toolGuardMiddleware({
      run,
      persona: support,
      catalog: new Map(allTools.map((t) => [t.name, t])),
      approvals: new ApprovalStore(next.db),
      audit: new AuditLog(next.db),
      executor: createToolExecutor({ transport: emulatorClient(emulator), tools: allTools }),
      now: Date.now,
      writes: next.writes.writeOnce,
    });
    const call = { id: "call_crash_1", name: "INTERCOM_REPLY_TO_CONVERSATION", args: replyArgs(id, "Sent just before the crash."), type: "tool_call" as const };
    const wrap = guard.wrapToolCall as unknown as (request: unknown, handler: () => Promise<unknown>) => Promise<ToolMessage>;
    const message = await wrap({ toolCall: call }, async () => {
      throw new Error("the guard must not call the underlying tool");
    });
    expect(ToolMessage.isInstance(message)).toBe(true);
    expect(String(message.content)).toMatch(
      /^This was already carried out earlier and was not sent again\. Checked after a restart: the message is on conversation/,
    );
    expect(partsOf(emulator, id)).toHaveLength(before + 1);
    next.db.close();
  });

  it("sends an approved reply as the approver's Intercom teammate and lists exactly what was sent", async () => {
    const id = await anOpenConversation(emulator);
    const lead = emulator.state.all("admins")[5] as Doc;
    const teammates: TeammateDirectory = {
      adminFor: async (slackUserId) => (slackUserId === "U0LEAD" ? { adminId: String(lead.id), name: String(lead.name), matchedBy: "email" } : undefined),
    };
    const { db, engine } = engineWithLedger(
      dbFile(temp.dir, "act-as"),
      emulatorClient(emulator),
      boastfulModel(callTool("INTERCOM_REPLY_TO_CONVERSATION", replyArgs(id, "Sent as the lead.")), []),
      teammates,
    );
    const { paused, done } = await pauseAndApprove(engine, "reply as the lead");
    await done;
    expect(((partsOf(emulator, id).at(-1) as Doc).author as Doc).id).toBe(String(lead.id));
    expect(engine.writeOutcomes(paused.runId)[0]?.args).toMatchObject({ admin_id: String(lead.id), body: "Sent as the lead." });
    db.close();
  });
});
