import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/agent/run-types.js";
import { isAppError } from "../../src/errors.js";
import { callTool, callTools, lastToolResult, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { type FakeIntercom, startFakeIntercom } from "./support/fake-intercom.js";
import { buildEngine, cliDecider } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);
let n = 0;
let intercom: FakeIntercom;
let dbFile: string;
beforeEach(async () => {
  intercom = await startFakeIntercom();
  dbFile = join(temp.dir, `engine-${n++}.db`);
});
afterEach(async () => intercom.close());

const requester = { slackUserId: "U0TESTER1", source: "slack" };
const reply = { conversation_id: "215", message_type: "comment", admin_id: "99", body: "Your refund is on its way." };

describe("run engine", () => {
  it("runs a read without approval and answers, auditing the call", async () => {
    const model = new ScriptedChatModel([
      callTool("INTERCOM_GET_CONVERSATION", { conversation_id: "215" }),
      (ctx) => say(`Summary: ${lastToolResult(ctx).slice(0, 40)}`),
    ]);
    const events: RunEvent[] = [];
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await engine.start({ persona: "support", requester, text: "what is conversation 215 about?", threadId: "t1" }, (e) => events.push(e));
    expect(outcome.status).toBe("answered");
    expect(outcome.status === "answered" && outcome.text).toContain("Summary:");
    expect(intercom.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /conversations/215"]);
    expect(events.map((e) => e.type)).toEqual(["tool_started", "tool_finished"]);
    const rows = engine.audit.recent({ runId: outcome.runId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tool: "INTERCOM_GET_CONVERSATION", decision: "auto", status: "ok", persona: "support", requesterUser: "U0TESTER1" });
    expect(rows[0]?.prompt).toBe("what is conversation 215 about?");
    expect(model.calls.every((c) => c.tools.length <= 12)).toBe(true);
    close();
  });

  it("pauses a write, and approving from a rebuilt engine on the same file runs it exactly once", async () => {
    const first = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply)]) });
    const paused = await first.engine.start({ persona: "support", requester, text: "tell 215 the refund is coming", threadId: "t2" });
    expect(paused.status).toBe("needs_approval");
    if (paused.status !== "needs_approval") return;
    expect(paused.approvals).toHaveLength(1);
    expect(paused.approvals[0]).toMatchObject({ tool: "INTERCOM_REPLY_TO_CONVERSATION", risk: "write", persona: "support" });
    expect(paused.approvals[0]?.summary).toContain("conversation 215");
    expect(intercom.writes()).toHaveLength(0);
    first.close();

    // A new process: new database handle, new engine, new model.
    const model2 = new ScriptedChatModel([say("Done, the reply went out.")]);
    const second = buildEngine({ dbFile, intercomUrl: intercom.url, model: model2 });
    expect(second.engine.pendingApprovals({ runId: paused.runId })).toHaveLength(1);
    const approvalId = paused.approvals[0]?.approvalId as string;
    const outcome = await second.engine.decide(paused.runId, [{ approvalId, type: "approve" }], cliDecider);
    expect(outcome).toMatchObject({ status: "answered", text: "Done, the reply went out." });
    expect(intercom.writes()).toEqual([
      { method: "POST", path: "/conversations/215/reply", body: { message_type: "comment", admin_id: "99", body: reply.body, type: "admin" } },
    ]);

    // A second decision changes nothing and says so; the write is not repeated.
    const again = await second.engine.decide(paused.runId, [{ approvalId, type: "approve" }], cliDecider).catch((e: unknown) => e);
    expect(isAppError(again, "APPROVAL_DECIDED")).toBe(true);
    expect(intercom.writes()).toHaveLength(1);
    const rows = second.engine.audit.recent({ runId: paused.runId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: "approved", approver: "cli:tester", status: "ok", tool: "INTERCOM_REPLY_TO_CONVERSATION" });
    // The paused state lived in the same file; a finished run's checkpoints are removed.
    expect(second.db.prepare("SELECT count(*) AS n FROM checkpoints WHERE thread_id = ?").get(paused.runId)).toEqual({ n: 0 });
    second.close();
  });
});

describe("history", () => {
  it("gives the model the earlier turns of the thread before the new request", async () => {
    const model = new ScriptedChatModel([say("Yes, the same customer.")]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    await engine.start({
      persona: "analyst",
      requester,
      text: "is that the same customer?",
      threadId: "t",
      history: [
        { role: "user", text: "who wrote conversation 215?" },
        { role: "assistant", text: "Jane Doe wrote it." },
      ],
    });
    const seen = model.calls[0]?.messages.map((m) => `${m.getType()}:${m.content}`);
    expect(seen?.slice(-3)).toEqual(["human:who wrote conversation 215?", "ai:Jane Doe wrote it.", "human:is that the same customer?"]);
    expect(model.calls[0]?.messages[0]?.getType()).toBe("system");
    expect(model.calls[0]?.messages[0]?.text).toMatch(/# Personality/);
    close();
  });
});

describe("decisions", () => {
  const pause = async (steps: ConstructorParameters<typeof ScriptedChatModel>[0], persona = "support") => {
    const model = new ScriptedChatModel(steps);
    const handle = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await handle.engine.start({ persona, requester, text: "reply to 215 about the refund", threadId: "t" });
    if (outcome.status !== "needs_approval") throw new Error(`expected a pause, got ${JSON.stringify(outcome)}`);
    return { ...handle, model, outcome, approvalId: outcome.approvals[0]?.approvalId as string };
  };

  it("reject sends the reason back to the model and nothing reaches Intercom", async () => {
    let seen = "";
    const { engine, outcome, approvalId, close } = await pause([
      callTool("INTERCOM_REPLY_TO_CONVERSATION", reply),
      (ctx) => {
        seen = lastToolResult(ctx);
        return say("Understood, I will not send it.");
      },
    ]);
    const result = await engine.decide(outcome.runId, [{ approvalId, type: "reject", reason: "tone is too casual" }], {
      slackUserId: "U0BOSS001",
      source: "slack",
    });
    expect(result).toMatchObject({ status: "answered", text: "Understood, I will not send it." });
    expect(seen).toContain("tone is too casual");
    expect(intercom.writes()).toHaveLength(0);
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ decision: "rejected", status: "rejected", approver: "U0BOSS001" });
    close();
  });

  it("rejecting one call of a step leaves no unanswered tool call in what the model sees next", async () => {
    let ids: string[] = [];
    let answeredIds: string[] = [];
    const { engine, outcome, approvalId, close } = await pause([
      callTools([
        { name: "INTERCOM_GET_CONVERSATION", args: { conversation_id: "215" } },
        { name: "INTERCOM_REPLY_TO_CONVERSATION", args: reply },
      ]),
      (ctx) => {
        const ai = ctx.messages.filter((m) => m.getType() === "ai").at(-1) as unknown as { tool_calls: { id: string }[] };
        ids = ai.tool_calls.map((c) => c.id);
        answeredIds = ctx.messages.filter((m) => m.getType() === "tool").map((m) => (m as unknown as { tool_call_id: string }).tool_call_id);
        return say("ok");
      },
    ]);
    await engine.decide(outcome.runId, [{ approvalId, type: "reject" }], cliDecider);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(answeredIds).toContain(id);
    expect(intercom.writes()).toHaveLength(0);
    close();
  });

  it("a step with two gated calls resumes only when both are decided, each by its own decision", async () => {
    const tag = { conversation_id: "215", id: "17", admin_id: "99" };
    const { engine, outcome, close } = await pause([
      callTools([
        { name: "INTERCOM_REPLY_TO_CONVERSATION", args: reply },
        { name: "INTERCOM_ATTACH_TAG_TO_CONVERSATION", args: tag },
      ]),
      say("Replied and tagged."),
    ]);
    expect(outcome.approvals.map((a) => a.tool)).toEqual(["INTERCOM_REPLY_TO_CONVERSATION", "INTERCOM_ATTACH_TAG_TO_CONVERSATION"]);
    const [first, second] = outcome.approvals.map((a) => a.approvalId) as [string, string];
    const half = await engine.decide(outcome.runId, [{ approvalId: second, type: "approve" }], cliDecider);
    expect(half).toMatchObject({ status: "needs_approval", approvals: [expect.objectContaining({ approvalId: first })] });
    expect(intercom.writes()).toHaveLength(0);
    const done = await engine.decide(outcome.runId, [{ approvalId: first, type: "approve" }], { slackUserId: "U0OTHER01", source: "slack" });
    expect(done).toMatchObject({ status: "answered", text: "Replied and tagged." });
    expect(
      intercom
        .writes()
        .map((w) => w.path)
        .sort(),
    ).toEqual(["/conversations/215/reply", "/conversations/215/tags"]);
    const rows = engine.audit.recent({ runId: outcome.runId });
    expect(rows.map((r) => r.approver).sort()).toEqual(["U0OTHER01", "cli:tester"]);
    close();
  });

  it("edit is validated again: an invalid edit is refused and changes nothing, a valid one runs with the new arguments", async () => {
    const { engine, outcome, approvalId, close } = await pause([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply), say("Sent the edited reply.")]);
    const bad = await engine
      .decide(outcome.runId, [{ approvalId, type: "edit", args: { message_type: "shout", body: "" } }], cliDecider)
      .catch((e: unknown) => e);
    expect(isAppError(bad, "TOOL_INPUT_INVALID")).toBe(true);
    expect((bad as Error).message).toMatch(/message_type/);
    expect((bad as Error).message).toMatch(/body/);
    expect(engine.pendingApprovals({ runId: outcome.runId })).toHaveLength(1);
    expect(intercom.writes()).toHaveLength(0);

    const good = await engine.decide(outcome.runId, [{ approvalId, type: "edit", args: { body: "Refund issued today." } }], cliDecider);
    expect(good.status).toBe("answered");
    expect(intercom.writes()).toHaveLength(1);
    expect(intercom.writes()[0]?.body).toMatchObject({ body: "Refund issued today.", message_type: "comment" });
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ decision: "edited", status: "ok", args: { body: "Refund issued today." } });
    close();
  });

  it("only a listed approver may decide; others change nothing", async () => {
    const personas = (await import("./support/harness.js"))
      .shippedPersonas()
      .map((p) => (p.name === "support" ? { ...p, approvers: { users: ["U0LEAD001"], groups: ["S0LEADS01"] } } : p));
    const model = new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply), say("ok")]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model, personas });
    const outcome = await engine.start({ persona: "support", requester, text: "reply", threadId: "t" });
    if (outcome.status !== "needs_approval") throw new Error("expected a pause");
    const approvalId = outcome.approvals[0]?.approvalId as string;
    const refused = await engine
      .decide(outcome.runId, [{ approvalId, type: "approve" }], { slackUserId: "U0RANDOM1", source: "slack" })
      .catch((e: unknown) => e);
    expect(isAppError(refused, "APPROVAL_FORBIDDEN")).toBe(true);
    expect(engine.pendingApprovals({ runId: outcome.runId })).toHaveLength(1);
    const byGroup = await engine.decide(outcome.runId, [{ approvalId, type: "approve" }], {
      slackUserId: "U0OTHER01",
      source: "slack",
      groupIds: ["S0LEADS01"],
    });
    expect(byGroup.status).toBe("answered");
    expect(intercom.writes()).toHaveLength(1);
    close();
  });

  it("approvals expire after the configured time; a late decision runs nothing", async () => {
    let clock = Date.parse("2026-11-25T10:00:00Z");
    const model = new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply)]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model, extra: { now: () => clock, approvalTtlMinutes: 30 } });
    const outcome = await engine.start({ persona: "support", requester, text: "reply", threadId: "t" });
    if (outcome.status !== "needs_approval") throw new Error("expected a pause");
    expect(outcome.approvals[0]?.expiresAt).toBe(clock + 30 * 60_000);
    clock += 31 * 60_000;
    const late = await engine
      .decide(outcome.runId, [{ approvalId: outcome.approvals[0]?.approvalId as string, type: "approve" }], cliDecider)
      .catch((e: unknown) => e);
    expect(isAppError(late, "APPROVAL_EXPIRED")).toBe(true);
    expect(intercom.writes()).toHaveLength(0);
    expect(engine.getRun(outcome.runId)?.status).toBe("expired");
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ status: "expired", decision: "expired" });
    close();
  });

  it("reading pending approvals never writes: an approval past its time is left out, and only the expiry marks it", async () => {
    let clock = Date.parse("2026-11-25T10:00:00Z");
    const model = new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply)]);
    const { engine, db, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model, extra: { now: () => clock, approvalTtlMinutes: 30 } });
    const outcome = await engine.start({ persona: "support", requester, text: "reply", threadId: "t" });
    if (outcome.status !== "needs_approval") throw new Error("expected a pause");
    clock += 31 * 60_000;
    expect(engine.pendingApprovals()).toHaveLength(0);
    expect(engine.pendingApprovals({ runId: outcome.runId })).toHaveLength(0);
    const status = () => (db.prepare("SELECT status FROM approvals WHERE run_id = ?").get(outcome.runId) as { status: string }).status;
    expect(status()).toBe("pending");
    expect(engine.getRun(outcome.runId)?.status).toBe("waiting");
    expect(engine.audit.recent({ runId: outcome.runId })).toHaveLength(0);

    expect(engine.expireStale()).toBe(1);
    expect(status()).toBe("expired");
    expect(engine.getRun(outcome.runId)?.status).toBe("expired");
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ status: "expired", decision: "expired" });
    expect(engine.expireStale()).toBe(0);
    expect(intercom.writes()).toHaveLength(0);
    close();
  });

  it("two engines deciding the same approval at once run the write once", async () => {
    const { outcome, approvalId, close } = await pause([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply)]);
    close();
    const a = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([say("A done")]) });
    const b = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([say("B done")]) });
    const results = await Promise.allSettled([
      a.engine.decide(outcome.runId, [{ approvalId, type: "approve" }], cliDecider),
      b.engine.decide(outcome.runId, [{ approvalId, type: "approve" }], { source: "cli:other" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(isAppError(rejected.reason, "APPROVAL_DECIDED")).toBe(true);
    expect(intercom.writes()).toHaveLength(1);
    a.close();
    b.close();
  });

  it("a destructive tool asks a person even when the persona says auto", async () => {
    const personas = (await import("./support/harness.js")).shippedPersonas().map((p) =>
      p.name === "support"
        ? {
            ...p,
            scope: { ...p.scope, allow: { ...p.scope.allow, names: [...p.scope.allow.names, "INTERCOM_CLOSE_CONVERSATION"] } },
            approval: { ...p.approval, tools: { INTERCOM_CLOSE_CONVERSATION: "auto" as const } },
          }
        : p,
    );
    const model = new ScriptedChatModel([callTool("INTERCOM_CLOSE_CONVERSATION", { conversation_id: "215", admin_id: "99" })]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model, personas });
    const outcome = await engine.start({ persona: "support", requester, text: "close 215", threadId: "t" });
    expect(outcome.status).toBe("needs_approval");
    expect(intercom.writes()).toHaveLength(0);
    close();
  });

  it("a step whose gated calls cannot run goes back to the model with the problem instead of to a person", async () => {
    let heard = "";
    const model = new ScriptedChatModel([
      callTool("INTERCOM_CLOSE_CONVERSATION", { id: "215" }),
      (ctx) => {
        heard = lastToolResult(ctx);
        return callTool("INTERCOM_CLOSE_CONVERSATION", { conversation_id: "215", admin_id: "99" });
      },
    ]);
    const events: RunEvent[] = [];
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await engine.start({ persona: "support", requester, text: "close 215", threadId: "t" }, (e) => events.push(e));
    // Only the corrected call waits for a person.
    expect(outcome.status).toBe("needs_approval");
    const pending = outcome.status === "needs_approval" ? outcome.approvals : [];
    expect(pending).toHaveLength(1);
    expect(pending[0]?.args).toEqual({ conversation_id: "215", admin_id: "99" });
    expect(heard).toMatch(/arguments do not fit Close conversation.*conversation_id/);
    expect(events.some((e) => e.type === "tool_refused" && /arguments do not fit/.test(e.reason))).toBe(true);
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ tool: "INTERCOM_CLOSE_CONVERSATION", decision: "refused", status: "refused" });
    expect(intercom.writes()).toHaveLength(0);
    close();
  });

  it("gives up sending malformed steps back after a few rounds and asks a person after all", async () => {
    const model = new ScriptedChatModel([], { fallback: () => callTool("INTERCOM_CLOSE_CONVERSATION", { id: "215" }) });
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await engine.start({ persona: "support", requester, text: "close 215", threadId: "t" });
    expect(outcome.status).toBe("needs_approval");
    expect(model.calls.length).toBe(4);
    close();
  });
});
