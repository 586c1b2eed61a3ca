/**
 * End to end: signed requests into the real HTTP receiver, the real run engine with a scripted model, the
 * Intercom emulator, and a fake Slack Web API that records what the app posted.
 */
import { afterEach, describe, expect, it } from "vitest";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { buttonClick, eventCallback, viewSubmission } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, approvalCards, OTHER, openConversation, partsOfType, testPersonas, text } from "./support.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const mention = (words: string, ts = "1700000100.000100") => ({
  type: "app_mention",
  user: APPROVER,
  text: `<@UBOT> ${words}`,
  ts,
  channel: "C1",
  event_ts: ts,
});

/** A mention that makes the scripted model look at a conversation and propose a customer reply. */
async function replyCard(harness: Harness, conversation: { id: string; adminId: string }, body = "Your refund is on its way.") {
  const res = await harness.send(eventCallback(mention(`reply to conversation ${conversation.id} that the refund is on its way`), { eventId: "EvReply" }));
  expect(res.status).toBe(200);
  await harness.idle();
  const cards = approvalCards(harness.slack.calls);
  expect(cards).toHaveLength(1);
  return { card: cards[0], body };
}

/** Steps are functions so they read the conversation when the model runs (it is picked after start-up). */
function replyScript(conversation: { id: string; adminId: string }, body = "Your refund is on its way.") {
  return [
    () => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: conversation.id }),
    () =>
      callTool("INTERCOM_REPLY_TO_CONVERSATION", {
        conversation_id: conversation.id,
        message_type: "comment",
        type: "admin",
        admin_id: conversation.adminId,
        body,
      }),
  ];
}

const click = (card: { ts?: string; value: string; blocks: unknown[] }, userId: string, actionId = "approval_approve") =>
  buttonClick({ actionId, value: card.value, userId, messageTs: card.ts!, threadTs: "1700000100.000100", blocks: card.blocks });

describe("approval cards end to end", () => {
  it("mention → card → approve → Intercom changed once → card shows who and when → answer in the thread; a second click changes nothing", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({
      personas: testPersonas(),
      model: () => new ScriptedChatModel([...replyScript(conversation), say("The reply went out to the customer.")]),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    expect(text(card.call)).toContain("Reply to conversation");
    expect(text(card.call)).toContain("Your refund is on its way.");
    expect(card.call.args.thread_ts).toBe("1700000100.000100");
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);

    const first = await h.send(click(card, APPROVER));
    expect(first.status).toBe(200);
    await h.idle();
    const afterFirst = partsOfType(h.emulator!, conversation.id, "comment");
    expect(afterFirst).toHaveLength(before + 1);
    expect(String(afterFirst.at(-1)!.body)).toContain("Your refund is on its way.");

    const cardUpdate = h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts);
    expect(text(cardUpdate)).toContain(`Approved by <@${APPROVER}>`);
    expect(text(cardUpdate)).toContain("<!date^");
    expect(text(cardUpdate)).not.toContain("approval_approve");
    const answer = h.slack.callsTo("chat.update").find((c) => text(c).includes("The reply went out"));
    expect(answer).toBeDefined();

    const updatesBefore = h.slack.callsTo("chat.update").length;
    expect((await h.send(click(card, APPROVER))).status).toBe(200);
    await h.idle();
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before + 1);
    const ephemeral = h.slack.callsTo("chat.postEphemeral").at(-1);
    expect(ephemeral?.args.user).toBe(APPROVER);
    expect(String(ephemeral?.args.text)).toContain(`already decided by <@${APPROVER}>`);
    expect(h.slack.callsTo("chat.update")).toHaveLength(updatesBefore);
    expect(h.slack.calls.some((c) => c.method === "conversations.replies")).toBe(false);
  });

  it("a click from someone who may not approve is refused privately and changes nothing", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([...replyScript(conversation), say("Sent.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    await h.send(click(card, OTHER));
    await h.idle();
    const refusal = h.slack.callsTo("chat.postEphemeral").at(-1);
    expect(refusal?.args.user).toBe(OTHER);
    expect(String(refusal?.args.text)).toContain("not one of the approvers");
    expect(h.slack.callsTo("chat.update").some((c) => c.args.ts === card.ts)).toBe(false);
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
    expect(h.app.engine.pendingApprovals()).toHaveLength(1);

    await h.send(click(card, OTHER, "approval_edit"));
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length === 2);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain("not one of the approvers");
  });

  it("a restart between the card and the click: a new app and engine on the same file resume the run once", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({
      personas: testPersonas(),
      model: (boot) => (boot === 0 ? new ScriptedChatModel(replyScript(conversation)) : new ScriptedChatModel([say("Done after the restart.")])),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    await h.restart();
    await h.send(click(card, APPROVER));
    await h.idle();
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before + 1);
    expect(text(h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts))).toContain("Approved by");
    expect(h.slack.callsTo("chat.update").some((c) => text(c).includes("Done after the restart."))).toBe(true);
    // The retried delivery of the original mention after the restart starts nothing.
    await h.send(eventCallback(mention("reply again"), { eventId: "EvReply" }), { retryNum: 1 });
    await h.idle();
    expect(approvalCards(h.slack.calls)).toHaveLength(1);
  });

  it("edit opens a modal; a bad edit is refused and says why; a good edit runs with the new text", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([...replyScript(conversation), say("Edited reply sent.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    await h.send(click(card, APPROVER, "approval_edit"));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const modal = h.slack.callsTo("views.open").at(-1)!;
    const view = modal.args.view as { private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.blocks.map((b) => b.block_id)).toContain("arg:body");

    const values = (body: string, messageType: string) => ({
      "arg:conversation_id": { value: { value: conversation.id } },
      "arg:message_type": { value: { value: messageType } },
      "arg:type": { value: { value: "admin" } },
      "arg:admin_id": { value: { value: conversation.adminId } },
      "arg:body": { value: { value: body } },
    });
    const bad = await h.send(
      viewSubmission({ callbackId: "approval_edit_submit", privateMetadata: view.private_metadata, values: values("x", "shout"), userId: APPROVER }),
    );
    expect(bad.status).toBe(200);
    await h.idle();
    expect(String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain("The edit was refused and nothing ran");
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);

    await h.send(
      viewSubmission({
        callbackId: "approval_edit_submit",
        privateMetadata: view.private_metadata,
        values: values("A kinder reply.", "comment"),
        userId: APPROVER,
      }),
    );
    await h.idle();
    const comments = partsOfType(h.emulator!, conversation.id, "comment");
    expect(comments).toHaveLength(before + 1);
    expect(String(comments.at(-1)!.body)).toContain("A kinder reply.");
    expect(text(h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts))).toContain("Edited and approved by");
  });

  it("reject with a reason: nothing is sent, the card says who rejected and why, the agent hears the reason", async () => {
    const conversation = { id: "", adminId: "" };
    let heard = "";
    h = await startHarness({
      personas: testPersonas(),
      model: () =>
        new ScriptedChatModel([
          ...replyScript(conversation),
          (ctx) => {
            heard = String(ctx.messages.at(-1)?.content ?? "");
            return say("Understood, I did not send it.");
          },
        ]),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    await h.send(click(card, APPROVER, "approval_reject"));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsTo("views.open").at(-1)!.args.view as { private_metadata: string; callback_id: string };
    expect(view.callback_id).toBe("approval_reject_submit");
    await h.send(
      viewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: { reason: { value: { value: "Wrong customer" } } },
        userId: APPROVER,
      }),
    );
    await h.idle();
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
    expect(text(h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts))).toContain("Rejected by");
    expect(text(h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts))).toContain("Wrong customer");
    expect(heard).toContain("Wrong customer");
  });

  it("a click after the approval expired says so and marks the card", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_APPROVAL_TTL_MINUTES: "1" },
      model: (boot) => (boot === 0 ? new ScriptedChatModel(replyScript(conversation)) : new ScriptedChatModel([])),
      engineClock: (boot) => (boot === 0 ? Date.now : () => Date.now() + 5 * 60_000),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const { card } = await replyCard(h, conversation);
    await h.restart(); // five minutes later, as far as the engine can tell
    await h.send(click(card, APPROVER));
    await h.idle();
    expect(String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain("expired");
    expect(text(h.slack.callsTo("chat.update").find((c) => c.args.ts === card.ts))).toContain("Expired before anyone decided");
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
  });
});
