import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AskIO, askLogLevel, cancelRunAtTerminal, runAsk } from "../../src/cli/ask-command.js";
import { createStores } from "../../src/store/stores.js";
import { callTool, lastToolResult, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { type FakeIntercom, startFakeIntercom } from "./support/fake-intercom.js";
import { buildEngine, type EngineHandle } from "./support/harness.js";

const temp = makeTempDir();
afterAll(temp.cleanup);
let intercom: FakeIntercom;
let n = 0;
beforeEach(async () => {
  intercom = await startFakeIntercom();
});
afterEach(async () => intercom.close());

const reply = { conversation_id: "215", message_type: "comment", admin_id: "99", body: "On its way" };
const io = (answers?: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const queue = [...(answers ?? [])];
  const value: AskIO = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    prompt: answers ? async () => queue.shift() ?? "" : undefined,
  };
  return { value, out, err };
};
const decider = { source: "cli:tester" };
const cancelOn = (handle: EngineHandle) => cancelRunAtTerminal(createStores(handle.db));

describe("switchboard ask", () => {
  it("keeps info log lines out of the terminal conversation, but not warnings or an explicit debug level", () => {
    expect(askLogLevel("info")).toBe("warn");
    expect(askLogLevel("debug")).toBe("debug");
    expect(askLogLevel("error")).toBe("error");
  });

  it("prints tool calls as they happen and the answer", async () => {
    const model = new ScriptedChatModel([callTool("INTERCOM_GET_CONVERSATION", { conversation_id: "215" }), say("It is about an invoice.")]);
    const handle = buildEngine({ dbFile: join(temp.dir, `ask-${n++}.db`), intercomUrl: intercom.url, model });
    const { engine, close } = handle;
    const t = io();
    const outcome = await runAsk(engine, { persona: "support", text: "what is 215 about?", decider }, t.value, cancelOn(handle));
    expect(outcome).toMatchObject({ status: "answered", text: "It is about an invoice." });
    expect(t.out[0]).toMatch(/^→ Get conversation \{"conversation_id":"215"\}/);
    expect(t.out[1]).toMatch(/^✓ Get conversation: HTTP 200/);
    close();
  });

  it("without a terminal, refuses gated calls and the model hears why", async () => {
    let heard = "";
    const model = new ScriptedChatModel([
      callTool("INTERCOM_REPLY_TO_CONVERSATION", reply),
      (ctx) => {
        heard = lastToolResult(ctx);
        return say("I could not send it.");
      },
    ]);
    const handle = buildEngine({ dbFile: join(temp.dir, `ask-${n++}.db`), intercomUrl: intercom.url, model });
    const { engine, close } = handle;
    const t = io();
    const outcome = await runAsk(engine, { persona: "support", text: "reply to 215", decider }, t.value, cancelOn(handle));
    expect(outcome.status).toBe("answered");
    expect(t.err.join("\n")).toMatch(/no terminal to ask; refused/);
    expect(heard).toMatch(/No person was at a terminal/);
    expect(intercom.writes()).toHaveLength(0);
    // Nobody was asked, so neither the progress lines nor the audit log say the person at the keyboard rejected it.
    expect(t.out.join("\n")).not.toContain("cli:tester");
    const row = engine.audit.recent({ runId: outcome.runId }).find((e) => e.tool === "INTERCOM_REPLY_TO_CONVERSATION");
    expect(row).toMatchObject({ decision: "rejected", approver: "cli:no-terminal" });
    close();
  });

  it("on a terminal, an invalid edit is explained and asked again, then the approved edit runs once", async () => {
    const model = new ScriptedChatModel([callTool("INTERCOM_REPLY_TO_CONVERSATION", reply), say("Sent.")]);
    const handle = buildEngine({ dbFile: join(temp.dir, `ask-${n++}.db`), intercomUrl: intercom.url, model });
    const { engine, close } = handle;
    const t = io(["e", '{"message_type":"yell"}', "y", "e", "{not json", "e", '{"body":"Refund sent today"}', "y"]);
    const outcome = await runAsk(engine, { persona: "support", text: "reply to 215", decider }, t.value, cancelOn(handle));
    expect(outcome).toMatchObject({ status: "answered", text: "Sent." });
    expect(t.err.join("\n")).toMatch(/edit was refused and nothing ran.*message_type/);
    expect(t.err.join("\n")).toMatch(/not a JSON object/);
    expect(intercom.writes()).toHaveLength(1);
    expect(intercom.writes()[0]?.body).toMatchObject({ body: "Refund sent today" });
    close();
  });

  it("closing the prompt (Ctrl+D) refuses what is still open instead of crashing or leaving it waiting", async () => {
    let heard = "";
    const model = new ScriptedChatModel([
      callTool("INTERCOM_REPLY_TO_CONVERSATION", reply),
      (ctx) => {
        heard = lastToolResult(ctx);
        return say("Nothing was sent.");
      },
    ]);
    const handle = buildEngine({ dbFile: join(temp.dir, `ask-${n++}.db`), intercomUrl: intercom.url, model });
    const { engine, close } = handle;
    const t = io([]);
    t.value.prompt = async () => {
      throw Object.assign(new Error("Aborted with Ctrl+D"), { name: "AbortError", code: "ABORT_ERR" });
    };
    const outcome = await runAsk(engine, { persona: "support", text: "reply to 215", decider }, t.value, cancelOn(handle));
    expect(outcome).toMatchObject({ status: "answered", text: "Nothing was sent." });
    expect(t.err.join("\n")).toMatch(/closed without a decision/);
    expect(heard).toMatch(/closed the prompt without deciding/);
    expect(engine.pendingApprovals()).toHaveLength(0);
    expect(intercom.writes()).toHaveLength(0);
    close();
  });
});
