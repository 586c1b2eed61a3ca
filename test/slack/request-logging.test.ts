/**
 * What an on-call engineer sees for Slack traffic: one line per request (what, who, where, how long) and the
 * agent's run and tool-call lines, joined by the run id, never with tokens or what people typed.
 */
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { summarizeRequest } from "../../src/slack/request-summary.js";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { eventCallback, slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

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

describe("Slack request log lines", () => {
  it("summarize commands, events, buttons and modals without the text people typed", () => {
    expect(summarizeRequest({ command: "/switchboard", text: "ask secret customer words", user_id: "U1", channel_id: "C1", team_id: "T1" })).toEqual({
      kind: "command",
      what: "/switchboard ask",
      slackUser: "U1",
      channel: "C1",
      team: "T1",
    });
    expect(summarizeRequest({ type: "event_callback", team_id: "T1", event: { type: "app_mention", user: "U2", channel: "C2", text: "hi" } })).toMatchObject({
      kind: "event",
      what: "app_mention",
      slackUser: "U2",
    });
    expect(summarizeRequest({ type: "block_actions", user: { id: "U3" }, channel: { id: "C3" }, actions: [{ action_id: "approval_approve" }] })).toMatchObject({
      kind: "action",
      what: "approval_approve",
      slackUser: "U3",
    });
    expect(summarizeRequest({ type: "view_submission", user: { id: "U4" }, view: { callback_id: "approval_edit" } })).toMatchObject({ what: "approval_edit" });
  });

  it("a command and a mention leave request, run and tool-call lines an engineer can join by user and run id", async () => {
    const { lines, logger } = captureLogger();
    h = await startHarness({ logger, model: () => new ScriptedChatModel([callTool("INTERCOM_LIST_ALL_TAGS", {}), say("Some tags.")]) });
    await h.send(slashCommand({ text: "persona", user_id: "U0ALICE" }));
    await h.send(
      eventCallback(
        {
          type: "app_mention",
          user: "U0BOB",
          text: "<@UBOT> which tags exist? my password is hunter2",
          ts: "1700000700.000100",
          channel: "C7",
          event_ts: "1700000700.000100",
        },
        { eventId: "EvLog1" },
      ),
    );
    await h.idle();
    const requests = lines.filter((l) => l.msg === "Slack request");
    expect(requests[0]).toMatchObject({ level: "info", kind: "command", what: "/switchboard persona", slackUser: "U0ALICE", channel: "C1" });
    expect(typeof requests[0]?.handledMs).toBe("number");
    expect(requests[1]).toMatchObject({ kind: "event", what: "app_mention", slackUser: "U0BOB", channel: "C7", eventId: "EvLog1" });
    const started = lines.find((l) => l.msg === "agent run started");
    expect(started).toMatchObject({ slackUser: "U0BOB", channel: "C7", persona: "support" });
    expect(lines.find((l) => l.msg === "tool call")).toMatchObject({ runId: started?.runId, tool: "INTERCOM_LIST_ALL_TAGS", status: "ok" });
    expect(lines.find((l) => l.msg === "agent run answered")).toMatchObject({ runId: started?.runId });
    const all = JSON.stringify(lines);
    expect(all).not.toContain("xoxb-test-token");
    expect(all).not.toContain("hunter2");
  });
});
