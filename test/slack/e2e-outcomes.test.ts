/**
 * Never report what did not happen, end to end: signed requests into the real Bolt app, the real engine with
 * its write ledger, the emulator over HTTP (with faults switched on), and the fake Slack Web API. Whatever the
 * scripted model claims, the card and the thread show what Intercom answered.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import type { Doc } from "../../src/emulator/types.js";
import { callTool, lastToolResult, type ScriptContext, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { buttonClick, eventCallback, viewSubmission } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, approvalCards, OTHER, openConversation, partsOfType, testPersonas, text } from "./support.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const THREAD = "1700000500.000100";

const mention = (words: string, user = APPROVER, ts = THREAD) => ({ type: "app_mention", user, text: `<@UBOT> ${words}`, ts, channel: "C1", event_ts: ts });

const replyCall =
  (conversation: { id: string; adminId: string }, body: string, messageType = "comment") =>
  () =>
    callTool("INTERCOM_REPLY_TO_CONVERSATION", {
      conversation_id: conversation.id,
      message_type: messageType,
      type: "admin",
      admin_id: conversation.adminId,
      body,
    });

/** The model claims success whatever it is told, and records what it was told. */
const boast = (heard: string[]) => (context: ScriptContext) => {
  heard.push(lastToolResult(context));
  return say("Done! I replied to the customer.");
};

const click = (card: { ts?: string; value: string; blocks: unknown[] }, userId: string, actionId = "approval_approve") =>
  buttonClick({ actionId, value: card.value, userId, messageTs: card.ts!, threadTs: THREAD, blocks: card.blocks });

async function ask(harness: Harness, words: string, user = APPROVER, eventId = `Ev${Math.random()}`) {
  expect((await harness.send(eventCallback(mention(words, user), { eventId }))).status).toBe(200);
  await harness.idle();
}

const cardUpdates = (harness: Harness, ts: string | undefined) => harness.slack.callsTo("chat.update").filter((c) => c.args.ts === ts);
const finalCard = (harness: Harness, ts: string | undefined) => cardUpdates(harness, ts).at(-1);
const answerWith = (harness: Harness, words: string) => harness.slack.callsTo("chat.update").find((c) => text(c).includes(words));

function adminName(harness: Harness, id: string): string {
  return String((harness.emulator!.state.all("admins") as Doc[]).find((a) => String(a.id) === id)?.name);
}

describe("what a person is told about a write", () => {
  it("an approved reply that Intercom refuses: the card says failed with the reason, the thread keeps the failure over the model's claim, no Close", async () => {
    const conversation = { id: "", adminId: "" };
    const heard: string[] = [];
    h = await startHarness({
      personas: testPersonas(),
      model: () => new ScriptedChatModel([replyCall(conversation, "Your refund is on its way."), boast(heard)]),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    await ask(h, `reply to conversation ${conversation.id}`);
    const [card] = approvalCards(h.slack.calls);

    h.emulator!.setFaults({ serverErrorRate: 1 });
    await h.send(click(card!, APPROVER));
    await h.idle();
    h.emulator!.resetFaults();

    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
    const settled = text(finalCard(h, card!.ts));
    expect(settled).toContain(`Approved by <@${APPROVER}>`);
    expect(settled).toContain("*Reply to conversation*: failed");
    expect(settled).toMatch(/503|server error/i);
    expect(settled).not.toContain("Approval needed");
    expect(settled).not.toContain("Sent as");
    // The model was told the truth, and the thread shows the fact next to whatever it wrote.
    expect(heard.join("\n")).toMatch(/WRITE FAILED|Tool error/);
    const answer = answerWith(h, "Done! I replied");
    expect(answer).toBeDefined();
    expect(text(answer)).toContain("What happened in Intercom");
    expect(text(answer)).toContain("*Reply to conversation*: failed");
    expect(String(answer?.args.text)).toContain("failed");
    expect(text(answer)).not.toContain("close_conversation");
    expect(h.app.engine.audit.recent({ limit: 5 }).some((e) => e.tool === "INTERCOM_REPLY_TO_CONVERSATION" && e.status === "failed")).toBe(true);
  });

  it("an approved reply that goes out: the card says sent and as whom, the thread lists it, and Close is offered", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([replyCall(conversation, "All sorted now."), say("I replied.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    await ask(h, `reply to conversation ${conversation.id}`);
    const [card] = approvalCards(h.slack.calls);
    // Before: a reply to the customer, not a note, with the teammate the customer will see named.
    expect(text(card!.call)).toContain("Reply to the customer");
    expect(text(card!.call)).not.toContain("Internal note");
    expect(text(card!.call)).toContain(adminName(h, conversation.adminId));

    await h.send(click(card!, APPROVER));
    await h.idle();
    const settled = text(finalCard(h, card!.ts));
    expect(settled).toContain(":white_check_mark: *Reply to conversation*: sent");
    expect(settled).toContain(`Sent as *${adminName(h, conversation.adminId)}*`);
    const answer = answerWith(h, "I replied.");
    expect(text(answer)).toContain("*Reply to conversation*: sent");
    expect(text(answer)).toContain("close_conversation");
  });

  it("after Edit the card shows exactly the text that was sent, not the draft", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({
      personas: testPersonas(),
      model: () => new ScriptedChatModel([replyCall(conversation, "ORIGINAL DRAFT"), say("Sent the edit.")]),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    await ask(h, `reply to conversation ${conversation.id}`);
    const [card] = approvalCards(h.slack.calls);
    await h.send(click(card!, APPROVER, "approval_edit"));
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open"));
    const view = h.slack.callsTo("views.open").at(-1)!.args.view as { private_metadata: string };
    await h.send(
      viewSubmission({
        callbackId: "approval_edit_submit",
        privateMetadata: view.private_metadata,
        userId: APPROVER,
        values: {
          "arg:conversation_id": { value: { value: conversation.id } },
          "arg:message_type": { value: { value: "comment" } },
          "arg:type": { value: { value: "admin" } },
          "arg:admin_id": { value: { value: conversation.adminId } },
          "arg:body": { value: { value: "THE EDITED WORDS" } },
        },
      }),
    );
    await h.idle();
    expect(String(partsOfType(h.emulator!, conversation.id, "comment").at(-1)?.body)).toContain("THE EDITED WORDS");
    const settled = text(finalCard(h, card!.ts));
    expect(settled).toContain("Edited and approved by");
    expect(settled).toContain("THE EDITED WORDS");
    expect(settled).not.toContain("ORIGINAL DRAFT");
  });

  it("a note looks different from a reply", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([replyCall(conversation, "Checked with billing.", "note")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    await ask(h, `note on conversation ${conversation.id}`);
    const [card] = approvalCards(h.slack.calls);
    expect(text(card!.call)).toContain("Internal note (teammates only)");
    expect(text(card!.call)).toContain(":large_yellow_circle:");
    expect(text(card!.call)).not.toContain("Reply to the customer");
  });

  it("a write the persona runs on its own is listed with its outcome too", async () => {
    const conversation = { id: "", adminId: "" };
    const tag = { id: "" };
    h = await startHarness({
      personas: testPersonas(),
      model: () =>
        new ScriptedChatModel([
          () => callTool("INTERCOM_ATTACH_TAG_TO_CONVERSATION", { conversation_id: conversation.id, id: tag.id, admin_id: conversation.adminId }),
          say("Tagged it."),
        ]),
    });
    Object.assign(conversation, openConversation(h.emulator!));
    tag.id = String((h.emulator!.state.all("tags") as Doc[])[0]?.id);
    h.app.slack.context.channels.setPersona("C1", "triage", APPROVER);
    await ask(h, `tag conversation ${conversation.id}`);
    const answer = answerWith(h, "Tagged it.");
    expect(text(answer)).toContain("sent (run on its own by the persona's policy)");
  });

  it("an approval that expires tells the thread, naming who asked, that nothing was sent", async () => {
    const conversation = { id: "", adminId: "" };
    let clock = Date.now();
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_APPROVAL_TTL_MINUTES: "1" },
      model: () => new ScriptedChatModel([replyCall(conversation, "Later.")]),
      engineClock: () => () => clock,
      approvalSweepMs: 0,
    });
    Object.assign(conversation, openConversation(h.emulator!));
    await ask(h, `reply to conversation ${conversation.id}`);
    clock += 2 * 60_000;
    await h.app.jobs.run("approval-expiry");
    const notice = h.slack.callsTo("chat.postMessage").find((c) => text(c).includes("expired before anyone decided"));
    expect(notice?.args.thread_ts).toBe(THREAD);
    expect(text(notice)).toContain(`<@${APPROVER}>`);
    expect(text(notice)).toContain("nothing was sent");
    // A second sweep says nothing more.
    await h.app.jobs.run("approval-expiry");
    expect(h.slack.callsTo("chat.postMessage").filter((c) => text(c).includes("expired before anyone decided"))).toHaveLength(1);
  });

  it("no Close for a conversation that is already closed", async () => {
    const second = { id: "", adminId: "" };
    h = await startHarness({
      personas: testPersonas(),
      model: () =>
        new ScriptedChatModel([
          replyCall(second, "Noted again."),
          () => {
            // Someone closed it in Intercom while the run was finishing.
            (h!.emulator!.state.get("conversations", second.id) as Doc).state = "closed";
            return say("Replied again.");
          },
        ]),
    });
    Object.assign(second, openConversation(h.emulator!));
    await ask(h, `reply to conversation ${second.id}`);
    const [again] = approvalCards(h.slack.calls);
    await h.send(click(again!, APPROVER));
    await h.idle();
    const answer = answerWith(h, "Replied again.");
    expect(text(answer)).toContain("*Reply to conversation*: sent");
    expect(text(answer)).not.toContain("close_conversation");
  });
});

describe("who may approve", () => {
  const open = (): Persona[] => testPersonas().map((p) => (p.name === "support" ? { ...p, approvers: { users: [], groups: [] } } : p));

  it("with no approvers listed, the asker cannot approve their own write; someone else can; the message says who", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: open(), model: () => new ScriptedChatModel([replyCall(conversation, "Hello."), say("Sent.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    await ask(h, `reply to conversation ${conversation.id}`, APPROVER);
    const [card] = approvalCards(h.slack.calls);
    await h.send(click(card!, APPROVER));
    await h.idle();
    const refusal = String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text);
    expect(refusal).toContain("You asked for this write yourself");
    expect(refusal).toContain("other than <@U0APPROVER>");
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
    // Edit is refused early for the asker too, with the same rule in words.
    await h.send(click(card!, APPROVER, "approval_edit"));
    await h.slack.waitFor((calls) => calls.filter((c) => c.method === "chat.postEphemeral").length === 2);
    expect(h.slack.callsTo("views.open")).toHaveLength(0);
    expect(String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain("needs someone else to approve it");

    await h.send(click(card!, OTHER));
    await h.idle();
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before + 1);
  });

  it("self_approval: true lets the asker approve their own write", async () => {
    const conversation = { id: "", adminId: "" };
    const personas = open().map((p) => (p.name === "support" ? { ...p, self_approval: true } : p));
    h = await startHarness({ personas, model: () => new ScriptedChatModel([replyCall(conversation, "Hello."), say("Sent.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    await ask(h, `reply to conversation ${conversation.id}`, APPROVER);
    const [card] = approvalCards(h.slack.calls);
    await h.send(click(card!, APPROVER));
    await h.idle();
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before + 1);
  });

  it("a non-approver is told who can approve", async () => {
    const conversation = { id: "", adminId: "" };
    h = await startHarness({ personas: testPersonas(), model: () => new ScriptedChatModel([replyCall(conversation, "Hello.")]) });
    Object.assign(conversation, openConversation(h.emulator!));
    await ask(h, `reply to conversation ${conversation.id}`);
    const [card] = approvalCards(h.slack.calls);
    await h.send(click(card!, OTHER));
    await h.idle();
    expect(String(h.slack.callsTo("chat.postEphemeral").at(-1)?.args.text)).toContain(`The approvers of the support persona are <@${APPROVER}>`);
  });
});
