/**
 * What an on-call engineer reads: each run and each tool call leaves one log line with the run id, persona,
 * Slack user, tool, status and latency, and never a token.
 */
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { startFakeIntercom } from "./support/fake-intercom.js";
import { buildEngine } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", format: "json", destination: sink as never }) };
}

describe("run and tool-call log lines", () => {
  it("log the start, every tool call, the pause, the decision and the answer, with who and how long", async () => {
    const intercom = await startFakeIntercom();
    const { lines, logger } = captureLogger();
    const model = new ScriptedChatModel([
      callTool("INTERCOM_GET_CONVERSATION", { conversation_id: "215" }),
      callTool("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "215", message_type: "comment", admin_id: "99", body: "On its way" }),
      say("Sent."),
    ]);
    const { engine, close } = buildEngine({ dbFile: join(temp.dir, "logging.db"), intercomUrl: intercom.url, model, extra: { logger } });
    try {
      const paused = await engine.start({
        persona: "support",
        requester: { slackUserId: "U0ALICE01", source: "slack" },
        text: "reply to 215 with token sk-abcdefghijklmnop123",
        threadId: "t",
      });
      expect(paused.status).toBe("needs_approval");
      const approvalId = paused.status === "needs_approval" ? paused.approvals[0]!.approvalId : "";
      const answered = await engine.decide(paused.runId, [{ approvalId, type: "approve" }], { slackUserId: "U0BOSS001", source: "slack" });
      expect(answered.status).toBe("answered");

      const who = { runId: paused.runId, persona: "support", slackUser: "U0ALICE01" };
      const named = (msg: string) => lines.filter((l) => l.msg === msg);
      expect(named("agent run started")[0]).toMatchObject(who);
      const calls = named("tool call");
      expect(calls.map((c) => c.tool)).toEqual(["INTERCOM_GET_CONVERSATION", "INTERCOM_REPLY_TO_CONVERSATION"]);
      for (const call of calls) {
        expect(call).toMatchObject({ ...who, status: "ok", httpStatus: 200 });
        expect(typeof call.latencyMs).toBe("number");
      }
      expect(calls[1]).toMatchObject({ decision: "approved", approver: "U0BOSS001", approvalId });
      expect(named("agent run waiting for approval")[0]).toMatchObject(who);
      expect(named("approval decided")[0]).toMatchObject({ ...who, decidedBy: "U0BOSS001" });
      expect(named("agent run answered")[0]).toMatchObject(who);
      const all = JSON.stringify(lines);
      expect(all).not.toContain("test-token-123456");
      expect(all).not.toContain("sk-abcdefghijklmnop123");
      expect(all).not.toContain("On its way");
    } finally {
      close();
      await intercom.close();
    }
  });

  it("an unexpected failure tells the person a reference that is the run id in the error log line", async () => {
    const intercom = await startFakeIntercom();
    const { lines, logger } = captureLogger();
    const { engine, close } = buildEngine({
      dbFile: join(temp.dir, "logging-fail.db"),
      intercomUrl: intercom.url,
      model: new ScriptedChatModel([]),
      extra: { logger },
    });
    try {
      const outcome = await engine.start({ persona: "support", requester: { slackUserId: "U0ALICE01", source: "slack" }, text: "hi", threadId: "t" });
      expect(outcome.status).toBe("failed");
      expect(outcome.status === "failed" ? outcome.error : "").toContain(`reference ${outcome.runId}`);
      const line = lines.find((l) => l.msg === "agent run failed");
      expect(line).toMatchObject({ level: "error", runId: outcome.runId, persona: "support", slackUser: "U0ALICE01" });
      expect(JSON.stringify(line)).toContain("ran out of steps");
    } finally {
      close();
      await intercom.close();
    }
  });
});
