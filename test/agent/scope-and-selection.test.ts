import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunEvent } from "../../src/agent/run-types.js";
import { callTool, lastToolResult, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { type FakeIntercom, startFakeIntercom } from "./support/fake-intercom.js";
import { buildEngine } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);
let n = 0;
let intercom: FakeIntercom;
let dbFile: string;
beforeEach(async () => {
  intercom = await startFakeIntercom();
  dbFile = join(temp.dir, `scope-${n++}.db`);
});
afterEach(async () => intercom.close());

const requester = { source: "job:test" };

describe("scope", () => {
  it("refuses a tool outside the persona's scope, tells the model, and audits the refusal", async () => {
    let told = "";
    const model = new ScriptedChatModel([
      callTool("INTERCOM_REPLY_TO_CONVERSATION", { conversation_id: "215", message_type: "comment", admin_id: "1", body: "hi" }),
      (ctx) => {
        told = lastToolResult(ctx);
        return say("I cannot reply; I am read-only.");
      },
    ]);
    const events: RunEvent[] = [];
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await engine.start({ persona: "analyst", requester, text: "reply hi to 215", threadId: "t" }, (e) => events.push(e));
    expect(outcome.status).toBe("answered");
    expect(told).toMatch(/^Refused: .*outside what the analyst persona may use/);
    expect(intercom.requests).toHaveLength(0);
    expect(events).toEqual([expect.objectContaining({ type: "tool_refused", tool: "INTERCOM_REPLY_TO_CONVERSATION" })]);
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ decision: "refused", status: "refused", requesterSource: "job:test" });
    // The analyst never even sees write tools.
    expect(model.calls[0]?.tools).not.toContain("INTERCOM_REPLY_TO_CONVERSATION");
    close();
  });

  it("refuses a tool name that does not exist", async () => {
    const model = new ScriptedChatModel([callTool("INTERCOM_DROP_DATABASE", {}), say("ok")]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    const outcome = await engine.start({ persona: "support", requester, text: "x", threadId: "t" });
    expect(engine.audit.recent({ runId: outcome.runId })[0]).toMatchObject({ tool: "INTERCOM_DROP_DATABASE", status: "refused" });
    expect(intercom.requests).toHaveLength(0);
    close();
  });

  it("fails plainly for an unknown persona and when no model is configured", async () => {
    const none = buildEngine({ dbFile, intercomUrl: intercom.url });
    const noModel = await none.engine.start({ persona: "support", requester, text: "hi", threadId: "t" });
    expect(noModel).toMatchObject({ status: "failed" });
    expect(noModel.status === "failed" && noModel.error).toMatch(/OPENAI_API_KEY/);
    none.close();
    const withModel = buildEngine({ dbFile, intercomUrl: intercom.url, model: new ScriptedChatModel([]) });
    const unknown = await withModel.engine.start({ persona: "pirate", requester, text: "hi", threadId: "t" });
    expect(unknown.status === "failed" && unknown.error).toMatch(/no persona named "pirate".*support, triage, analyst/);
    withModel.close();
  });
});

describe("tool selection", () => {
  it("never sends more than maxToolsPerRequest tools, and find_tools loads more for the rest of the run", async () => {
    const model = new ScriptedChatModel([
      (ctx) => {
        expect(ctx.tools).not.toContain("INTERCOM_LIST_ALL_TICKET_TYPES");
        return callTool("find_tools", { query: "list the ticket types" });
      },
      (ctx) => {
        expect(ctx.tools).toContain("INTERCOM_LIST_ALL_TICKET_TYPES");
        return callTool("INTERCOM_LIST_ALL_TICKET_TYPES", {});
      },
      (ctx) => {
        expect(ctx.tools).toContain("INTERCOM_LIST_ALL_TICKET_TYPES");
        return say(`Types: ${lastToolResult(ctx)}`);
      },
    ]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model, extra: { maxToolsPerRequest: 3 } });
    const outcome = await engine.start({ persona: "analyst", requester, text: "what is conversation 215 about", threadId: "t" });
    expect(outcome.status).toBe("answered");
    expect(model.remaining).toBe(0);
    for (const call of model.calls) {
      expect(call.tools.length).toBeLessThanOrEqual(3);
      expect(call.tools[0]).toBe("find_tools");
    }
    expect(model.calls[0]?.tools).toContain("INTERCOM_GET_CONVERSATION");
    const rows = engine.audit.recent({ runId: outcome.runId });
    expect(rows.map((r) => r.tool).sort()).toEqual(["INTERCOM_LIST_ALL_TICKET_TYPES", "find_tools"]);
    close();
  });

  it("find_tools only loads tools inside the persona's scope", async () => {
    let loaded = "";
    const model = new ScriptedChatModel([
      callTool("find_tools", { query: "delete a contact permanently" }),
      (ctx) => {
        loaded = lastToolResult(ctx);
        return say("done");
      },
    ]);
    const { engine, close } = buildEngine({ dbFile, intercomUrl: intercom.url, model });
    await engine.start({ persona: "analyst", requester, text: "remove contact 5", threadId: "t" });
    expect(loaded).toContain("loaded");
    expect(loaded).not.toContain("INTERCOM_DELETE_A_CONTACT");
    close();
  });
});
