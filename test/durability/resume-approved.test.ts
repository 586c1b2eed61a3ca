/**
 * A process that died after an approval was recorded but before the approved write went out leaves the
 * approval approved and the run running. The same decision delivered again (Slack's retry, the inbox's replay)
 * continues the run and sends the write once, instead of answering "already decided"; a different person is
 * still told it was decided; and start-up recovery's resume does the same when no click comes back.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { type FakeIntercom, startFakeIntercom } from "../agent/support/fake-intercom.js";
import { buildEngine, cliDecider } from "../agent/support/harness.js";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";

const requester = { slackUserId: "U0TESTER1", source: "slack" };
const reply = { conversation_id: "215", message_type: "comment", admin_id: "99", body: "Your refund is on its way." };

let temp: ReturnType<typeof makeTempDir>;
let intercom: FakeIntercom;
let dbFile: string;
beforeEach(async () => {
  temp = makeTempDir("switchboard-resume-");
  intercom = await startFakeIntercom();
  dbFile = join(temp.dir, "engine.db");
});
afterEach(async () => {
  await intercom.close();
  temp.cleanup();
});

/** A paused run whose approval was then recorded as approved by cliDecider, and the process died. */
async function approvedThenKilled(): Promise<{ runId: string; approvalId: string }> {
  const first = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply)]) });
  const paused = await first.engine.start({ persona: "support", requester, text: "tell 215 the refund is coming", threadId: "t1" });
  if (paused.status !== "needs_approval") throw new Error(`expected a pause, got ${paused.status}`);
  const approvalId = paused.approvals[0]!.approvalId;
  // What decideAtomically commits before the resume starts: the decision and the run back to running.
  first.db.prepare("UPDATE approvals SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ?").run(cliDecider.source, Date.now(), approvalId);
  first.db.prepare("UPDATE runs SET status = 'running' WHERE id = ?").run(paused.runId);
  first.close();
  return { runId: paused.runId, approvalId };
}

describe("an approval decided before a crash, its write not sent", () => {
  it("the same decision again continues the run and sends the write once; after that it was decided", async () => {
    const { runId, approvalId } = await approvedThenKilled();
    const second = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([say("Sent it.")]) });
    const outcome = await second.engine.decide(runId, [{ approvalId, type: "approve" }], cliDecider);
    expect(outcome).toMatchObject({ status: "answered", text: "Sent it." });
    expect(intercom.writes()).toHaveLength(1);
    const again = await second.engine.decide(runId, [{ approvalId, type: "approve" }], cliDecider).catch((error: unknown) => error);
    expect(isAppError(again, "APPROVAL_DECIDED")).toBe(true);
    expect(intercom.writes()).toHaveLength(1);
    second.close();
  });

  it("someone else's click is told it was already decided, and nothing is sent", async () => {
    const { runId, approvalId } = await approvedThenKilled();
    const second = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([say("Sent it.")]) });
    const other = await second.engine.decide(runId, [{ approvalId, type: "approve" }], { source: "cli:other" }).catch((error: unknown) => error);
    expect(isAppError(other, "APPROVAL_DECIDED")).toBe(true);
    expect(intercom.writes()).toHaveLength(0);
    second.close();
  });

  it("recovery's resume continues it without a click, once", async () => {
    const { runId } = await approvedThenKilled();
    const second = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([say("Sent it.")]) });
    expect(await second.engine.resumeInterrupted(runId)).toMatchObject({ status: "answered" });
    expect(await second.engine.resumeInterrupted(runId)).toBeUndefined();
    expect(intercom.writes()).toHaveLength(1);
    expect(second.engine.getRun(runId)?.status).toBe("answered");
    second.close();
  });
});
