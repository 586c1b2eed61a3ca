/**
 * End to end: slash commands, mentions, follow-ups, retries, App Home and the Close button, through the real
 * HTTP receiver, run engine (scripted model) and Intercom emulator, with a fake Slack Web API.
 */
import type { AIMessage } from "langchain";
import { afterEach, describe, expect, it } from "vitest";
import { callTool, ScriptedChatModel, type ScriptStep, say } from "../fakes/scripted-model.js";
import { buttonClick, eventCallback, slashCommand } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, approvalCards, conversationParts, OTHER, openConversation, testPersonas, text } from "./support.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const conversation = { id: "", adminId: "" };
async function start(steps: ScriptStep[], options: Parameters<typeof startHarness>[0] = {}): Promise<{ harness: Harness; model: ScriptedChatModel }> {
  const model = new ScriptedChatModel(steps);
  h = await startHarness({ personas: testPersonas(), model: () => model, ...options });
  if (h.emulator) Object.assign(conversation, openConversation(h.emulator));
  return { harness: h, model };
}

async function command(harness: Harness, words: string, user = APPROVER, channel = "C1") {
  const res = await harness.send(slashCommand({ text: words, user_id: user, channel_id: channel }, `${harness.slack.baseUrl}/response`));
  expect(res.status).toBe(200);
  const body = await res.text();
  return body ? (JSON.parse(body) as { response_type?: string; text?: string; blocks?: unknown[] }) : undefined;
}

describe("the HTTP endpoint", () => {
  it("refuses a bad signature and a stale timestamp with 401, accepts a good one", async () => {
    const { harness } = await start([]);
    const request = slashCommand({ text: "help" });
    expect((await harness.send(request, { secret: "0000000000000000000000000000000" })).status).toBe(401);
    expect((await harness.send(request, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
    expect((await harness.send(request)).status).toBe(200);
  });
});

describe("/switchboard", () => {
  it("help, unknown and malformed subcommands answer with usage help only the typist sees", async () => {
    const { harness } = await start([]);
    for (const words of ["help", "frobnicate now", "", "ask", "audit lots"]) {
      const reply = await command(harness, words);
      expect(reply?.response_type).toBe("ephemeral");
      expect(JSON.stringify(reply)).toContain("/switchboard ask");
    }
    expect(JSON.stringify(await command(harness, "frobnicate"))).toContain("“frobnicate” is not a Switchboard command");
    expect(harness.slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("ask → question posted, working message updated as tools run, answer in the thread (no Close after a read-only run)", async () => {
    const { harness, model } = await start([
      () => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: conversation.id }),
      say(`**Conversation ${"x"}**: the customer wants a refund.`),
    ]);
    expect(await command(harness, `ask what is conversation ${conversation.id} about?`)).toBeUndefined();
    await harness.idle();
    const [question, working] = harness.slack.callsTo("chat.postMessage");
    expect(text(question)).toContain(`what is conversation ${conversation.id} about?`);
    expect(working.args.thread_ts).toBe(question.result?.ts);
    const updates = harness.slack.callsTo("chat.update").filter((c) => c.args.ts === working.result?.ts);
    expect(updates.some((u) => text(u).includes("Get conversation"))).toBe(true);
    const answer = updates.at(-1)!;
    expect(text(answer)).toContain("*Conversation x*: the customer wants a refund.");
    // Close is offered only after a run whose writes all went through, never after one that only read.
    expect(text(answer)).not.toContain("close_conversation");
    expect(model.remaining).toBe(0);
  });

  it("a long answer is split within Slack's limits", async () => {
    const long = Array.from({ length: 90 }, (_, i) => `Paragraph ${i}: ${"detail ".repeat(300)}`).join("\n\n");
    const { harness } = await start([say(long)]);
    await command(harness, "ask summarise everything");
    await harness.idle();
    const bodies = [...harness.slack.callsTo("chat.update"), ...harness.slack.callsTo("chat.postMessage")].map(
      (c) => c.args.blocks as { type: string; text?: { text: string } }[],
    );
    const answerMessages = bodies.filter((b) => JSON.stringify(b ?? []).includes("Paragraph"));
    expect(answerMessages.length).toBeGreaterThan(1);
    for (const blocks of answerMessages) {
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(answerMessages.map((b) => JSON.stringify(b)).join("")).toContain("Paragraph 89");
  });

  it("ask in a channel the bot is not in tells the person how to fix it", async () => {
    const { harness } = await start([say("never")], { fakeSlack: { notInChannels: ["C9"] } });
    await command(harness, "ask hello", APPROVER, "C9");
    await harness.idle();
    expect(JSON.stringify(harness.slack.responses.at(-1)?.body)).toContain("/invite @Switchboard");
  });

  it("with no model configured, the thread says what to set", async () => {
    h = await startHarness({ personas: testPersonas() });
    await command(h, "ask anything");
    await h.idle();
    expect(text(h.slack.callsTo("chat.update").at(-1))).toContain("OPENAI_API_KEY");
  });

  it("persona shows and sets the channel persona; tools follow it; audit lists tool calls", async () => {
    const { harness } = await start([() => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: conversation.id }), say("ok")]);
    expect(JSON.stringify(await command(harness, "persona"))).toContain("This channel uses *support*");
    expect(JSON.stringify(await command(harness, "persona nobody"))).toContain("There is no persona called");
    expect(JSON.stringify(await command(harness, "tools close"))).toContain("Close conversation");
    expect(JSON.stringify(await command(harness, "persona analyst"))).toContain("now uses the analyst persona");
    // support lists approvers, so someone else cannot hand the channel back to it
    expect(JSON.stringify(await command(harness, "persona support", OTHER))).toContain("Only the approvers of the support persona");
    expect(JSON.stringify(await command(harness, "persona"))).toContain("This channel uses *analyst*");
    const analystTools = JSON.stringify(await command(harness, "tools close"));
    expect(analystTools).not.toContain("INTERCOM_CLOSE_CONVERSATION");
    expect(JSON.stringify(await command(harness, "persona", APPROVER, "C2"))).toContain("*support*");
    expect(JSON.stringify(await command(harness, "audit"))).toContain("audit log is empty");
    await command(harness, `ask what is conversation ${conversation.id} about?`, APPROVER, "C2");
    await harness.idle();
    const audit = JSON.stringify(await command(harness, "audit 5"));
    expect(audit).toContain("INTERCOM_GET_CONVERSATION");
    expect(audit).toContain(`<@${APPROVER}>`);
  });
});

describe("mentions and threads", () => {
  const mention = {
    type: "app_mention",
    user: APPROVER,
    text: "<@UBOT> how many open conversations?",
    ts: "1700000200.000100",
    channel: "C1",
    event_ts: "1700000200.000100",
  };

  it("a retried event and the message twin of a mention start one run; bot messages are ignored", async () => {
    const { harness, model } = await start([say("About 12."), say("should not be used")]);
    await harness.send(eventCallback(mention, { eventId: "EvA" }));
    await harness.send(eventCallback(mention, { eventId: "EvA" }), { retryNum: 1, retryReason: "http_timeout" });
    await harness.send(eventCallback({ ...mention, type: "message", channel_type: "channel" }, { eventId: "EvB" }));
    await harness.send(
      eventCallback(
        { type: "message", subtype: "bot_message", bot_id: "B2", text: "<@UBOT> hi", ts: "1700000200.000300", channel: "C1", thread_ts: mention.ts },
        { eventId: "EvC" },
      ),
    );
    await harness.idle();
    expect(model.calls).toHaveLength(1);
    expect(harness.slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(harness.slack.callsTo("chat.postMessage")[0].args.thread_ts).toBe(mention.ts);
  });

  it("a follow-up in the bot's thread continues from the stored copy, without conversations.replies", async () => {
    let seen: string[] = [];
    const { harness } = await start([
      say("There are 12 open conversations."),
      (ctx) => {
        seen = ctx.messages.map((m) => `${m.getType()}:${String(m.content)}`);
        return say("Of those, 3 are urgent.") as AIMessage;
      },
    ]);
    await harness.send(eventCallback(mention, { eventId: "EvA" }));
    await harness.idle();
    await harness.send(
      eventCallback(
        {
          type: "message",
          channel_type: "channel",
          user: "U0OTHER",
          text: "and how many are urgent?",
          ts: "1700000200.000500",
          thread_ts: mention.ts,
          channel: "C1",
        },
        { eventId: "EvD" },
      ),
    );
    await harness.send(
      eventCallback(
        { type: "message", channel_type: "channel", user: "U0OTHER", text: "unrelated chatter", ts: "1700000200.000600", channel: "C1" },
        { eventId: "EvE" },
      ),
    );
    await harness.idle();
    expect(seen).toContain("human:how many open conversations?");
    expect(seen).toContain("ai:There are 12 open conversations.");
    expect(seen.at(-1)).toBe("human:and how many are urgent?");
    expect(harness.slack.calls.some((c) => c.method.startsWith("conversations."))).toBe(false);
    expect(harness.slack.callsTo("chat.update").some((c) => text(c).includes("3 are urgent"))).toBe(true);
  });

  it("a mention inside someone else's thread is answered there, but later chatter in that thread is not", async () => {
    const { harness, model } = await start([say("Answered in your thread."), say("should not be used")]);
    const root = "1700000250.000100";
    await harness.send(eventCallback({ ...mention, ts: "1700000250.000200", thread_ts: root }, { eventId: "EvT1" }));
    await harness.idle();
    expect(harness.slack.callsTo("chat.postMessage")[0].args.thread_ts).toBe(root);
    await harness.send(
      eventCallback(
        { type: "message", channel_type: "channel", user: "U0OTHER", text: "thanks all", ts: "1700000250.000300", thread_ts: root, channel: "C1" },
        { eventId: "EvT2" },
      ),
    );
    await harness.idle();
    expect(model.calls).toHaveLength(1);
  });

  it("a 429 from Slack is waited out and the answer still arrives", async () => {
    const { harness } = await start([say("Rate limits handled.")]);
    harness.slack.rateLimit("chat.postMessage", 2, 1);
    await harness.send(eventCallback(mention, { eventId: "EvR" }));
    await harness.idle();
    expect(harness.slack.calls.map((c) => c.method)).toContain("chat.postMessage (429)");
    expect(harness.slack.callsTo("chat.update").some((c) => text(c).includes("Rate limits handled."))).toBe(true);
  });
});

describe("App Home", () => {
  it("publishes connections, personas, pending approvals and the latest audit entries", async () => {
    const { harness } = await start([
      () => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: conversation.id }),
      () =>
        callTool("INTERCOM_REPLY_TO_CONVERSATION", {
          conversation_id: conversation.id,
          message_type: "note",
          type: "admin",
          admin_id: conversation.adminId,
          body: "Internal note",
        }),
    ]);
    await harness.send(
      eventCallback({ type: "app_mention", user: APPROVER, text: `<@UBOT> note on ${conversation.id}`, ts: "1700000300.000100", channel: "C1" }),
    );
    await harness.idle();
    await harness.send(eventCallback({ type: "app_home_opened", user: APPROVER, channel: "D1", tab: "home" }));
    await harness.idle();
    const published = harness.slack.callsTo("views.publish").at(-1)!;
    expect(published.args.user_id).toBe(APPROVER);
    const view = text(published);
    for (const part of [
      "Slack",
      "Intercom",
      "connected with INTERCOM_ACCESS_TOKEN",
      "Model",
      "support",
      "triage",
      "analyst",
      "Pending approvals (1)",
      "Reply to conversation",
      "INTERCOM_GET_CONVERSATION",
      `<@${APPROVER}>`,
    ]) {
      expect(view).toContain(part);
    }
  });
});

describe("the Close conversation button", () => {
  it("waits for a pending reply, then asks for approval and closes after the reply, never before", async () => {
    const { harness } = await start([
      () =>
        callTool("INTERCOM_REPLY_TO_CONVERSATION", {
          conversation_id: conversation.id,
          message_type: "comment",
          type: "admin",
          admin_id: conversation.adminId,
          body: "All sorted.",
        }),
      say("Reply sent."),
      () => callTool("INTERCOM_CLOSE_CONVERSATION", { conversation_id: conversation.id, admin_id: conversation.adminId }),
      say("Closed."),
    ]);
    const ts = "1700000400.000100";
    await harness.send(eventCallback({ type: "app_mention", user: APPROVER, text: `<@UBOT> tell ${conversation.id} it is sorted`, ts, channel: "C1" }));
    await harness.idle();
    const [replyCard] = approvalCards(harness.slack.calls);
    const closeValue = JSON.stringify({ c: conversation.id, p: "support" });
    const pressClose = () =>
      harness.send(buttonClick({ actionId: "close_conversation", value: closeValue, userId: APPROVER, messageTs: "1700000400.000200", threadTs: ts }));

    await pressClose();
    await harness.idle();
    expect(String(harness.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain("decide the reply first");
    expect(approvalCards(harness.slack.calls)).toHaveLength(1);

    await harness.send(
      buttonClick({ actionId: "approval_approve", value: replyCard.value, userId: APPROVER, messageTs: replyCard.ts!, threadTs: ts, blocks: replyCard.blocks }),
    );
    await harness.idle();
    await pressClose();
    await harness.idle();
    const cards = approvalCards(harness.slack.calls);
    expect(cards).toHaveLength(2);
    expect(text(cards[1].call)).toContain("Close conversation");
    expect(harness.emulator!.state.get("conversations", conversation.id)?.state).toBe("open");
    await harness.send(
      buttonClick({ actionId: "approval_approve", value: cards[1].value, userId: APPROVER, messageTs: cards[1].ts!, threadTs: ts, blocks: cards[1].blocks }),
    );
    await harness.idle();
    expect(harness.emulator!.state.get("conversations", conversation.id)?.state).toBe("closed");
    const ours = conversationParts(harness.emulator!, conversation.id).slice(-2);
    expect(ours.map((p) => p.part_type)).toEqual(["comment", "close"]);
    expect(String(ours[0].body)).toContain("All sorted.");
  });
});
