import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDemoWorkspace } from "../../src/emulator/demo/generate.js";
import { startEmulator } from "../../src/emulator/server.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createSilentLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/database.js";
import { allTools } from "../../tools/index.js";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { engineOn, shippedPersonas } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);

type Doc = Record<string, unknown>;
const partsOf = (conversation: Doc | undefined) =>
  ((conversation?.conversation_parts as Doc | undefined)?.conversation_parts as unknown[] | undefined)?.length ?? 0;

describe("approval against the Intercom emulator with the real tool catalog", () => {
  it("a reply approved after a restart lands on the conversation exactly once", async () => {
    const emulator = await startEmulator({ seed: 11, conversations: 4, generate: generateDemoWorkspace });
    const dbFile = join(temp.dir, "emulator-approval.db");
    const conversation = emulator.state.all("conversations")[0] as Doc;
    const admin = emulator.state.all("admins")[0] as Doc;
    const before = partsOf(emulator.state.get("conversations", String(conversation.id)));
    const args = {
      conversation_id: String(conversation.id),
      message_type: "comment",
      type: "admin",
      admin_id: String(admin.id),
      body: "We refunded the duplicate charge.",
    };
    const build = (model: ScriptedChatModel) => {
      const db = openDatabase(dbFile);
      const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
      return { db, engine: engineOn({ db, transport, tools: allTools, personas: shippedPersonas(), chatModel: model, logger: createSilentLogger() }) };
    };
    try {
      const first = build(new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", args)]));
      const paused = await first.engine.start({
        persona: "support",
        requester: { slackUserId: "U0AGENT01", source: "slack" },
        text: "tell them the refund went out",
        threadId: "t",
      });
      first.db.close();
      if (paused.status !== "needs_approval") throw new Error(`expected a pause, got ${JSON.stringify(paused)}`);
      expect(partsOf(emulator.state.get("conversations", String(conversation.id)))).toBe(before);

      const second = build(new ScriptedChatModel([say("Sent.")]));
      const done = await second.engine.decide(paused.runId, [{ approvalId: paused.approvals[0]?.approvalId as string, type: "approve" }], {
        source: "cli:tester",
      });
      expect(done).toMatchObject({ status: "answered" });
      const again = await second.engine
        .decide(paused.runId, [{ approvalId: paused.approvals[0]?.approvalId as string, type: "approve" }], { source: "cli:tester" })
        .catch((e: unknown) => e);
      expect((again as Error).message).toMatch(/already approved/);
      expect(partsOf(emulator.state.get("conversations", String(conversation.id)))).toBe(before + 1);
      expect(second.engine.audit.recent({ runId: paused.runId })[0]).toMatchObject({ status: "ok", decision: "approved" });
      second.db.close();
    } finally {
      await emulator.close();
    }
  });
});
