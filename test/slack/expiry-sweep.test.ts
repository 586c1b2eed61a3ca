/**
 * Approvals expire with nobody clicking: the approval-expiry job (jobs/approval-expiry.ts) expires them and
 * rewrites the expired card so it says so and offers no buttons. The app's clock is injected, so reaching the
 * expiry takes no waiting.
 */
import { afterEach, describe, expect, it } from "vitest";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { buttonClick, eventCallback } from "../fakes/signed-request.js";
import { type Harness, startHarness } from "./harness.js";
import { APPROVER, approvalCards, openConversation, partsOfType, testPersonas, text } from "./support.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function replyScript(conversation: { id: string; adminId: string }) {
  return [
    () =>
      callTool("INTERCOM_REPLY_TO_CONVERSATION", {
        conversation_id: conversation.id,
        message_type: "comment",
        type: "admin",
        admin_id: conversation.adminId,
        body: "We are on it.",
      }),
  ];
}

async function cardFor(harness: Harness, conversation: { id: string }) {
  const ts = "1700000300.000100";
  const mention = { type: "app_mention", user: APPROVER, text: `<@UBOT> reply to conversation ${conversation.id}`, ts, channel: "C1", event_ts: ts };
  expect((await harness.send(eventCallback(mention, { eventId: "EvExpire" }))).status).toBe(200);
  await harness.idle();
  const cards = approvalCards(harness.slack.calls);
  expect(cards).toHaveLength(1);
  return cards[0];
}

/** One run of the approval-expiry job, as the scheduler would start it; returns how many cards it updated. */
async function sweep(harness: Harness): Promise<number> {
  const { summary } = await harness.app.jobs.run("approval-expiry");
  return Number(/updated (\d+) card/.exec(summary)?.[1]);
}

const cardUpdates = (harness: Harness, ts: string | undefined) => harness.slack.callsTo("chat.update").filter((c) => c.args.ts === ts);

describe("approval expiry while the app runs", () => {
  it("a sweep after the time is up marks the card expired without buttons, once, and nothing reaches Intercom", async () => {
    const conversation = { id: "", adminId: "" };
    let clock = Date.now();
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_APPROVAL_TTL_MINUTES: "1" },
      model: () => new ScriptedChatModel(replyScript(conversation)),
      engineClock: () => () => clock,
      approvalSweepMs: 0,
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const before = partsOfType(h.emulator!, conversation.id, "comment").length;
    const card = await cardFor(h, conversation);
    // The card says in plain words whose conversation it is, not just its id.
    const author = (h.emulator!.state.get("conversations", conversation.id)?.source as { author?: { name?: string } } | undefined)?.author?.name;
    expect(author).toBeTruthy();
    expect(text(card.call)).toContain(`Reply to conversation ${conversation.id} — ${author}`);
    // That name comes from Intercom (untrusted): it is shown to people, never written into the model's own turns.
    const remembered = h.app.slack.context.threads.history("C1", "1700000300.000100").map((m) => m.text);
    expect(remembered.join("\n")).toContain(`Waiting for approval: Reply to conversation ${conversation.id}`);
    expect(remembered.join("\n")).not.toContain(String(author));

    expect(await sweep(h)).toBe(0);
    expect(cardUpdates(h, card.ts)).toHaveLength(0);

    clock += 2 * 60_000;
    expect(await sweep(h)).toBe(1);
    const updates = cardUpdates(h, card.ts);
    expect(updates).toHaveLength(1);
    expect(text(updates[0])).toContain("Expired before anyone decided");
    expect(text(updates[0])).not.toContain("approval_approve");
    expect(h.app.engine.pendingApprovals()).toHaveLength(0);
    expect(h.app.engine.audit.recent({ limit: 5 }).some((e) => e.status === "expired")).toBe(true);

    expect(await sweep(h)).toBe(0);
    expect(cardUpdates(h, card.ts)).toHaveLength(1);
    expect(partsOfType(h.emulator!, conversation.id, "comment")).toHaveLength(before);
  });

  it("the running app sweeps on its own timer, and stops sweeping when it stops", async () => {
    const conversation = { id: "", adminId: "" };
    let clock = Date.now();
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_APPROVAL_TTL_MINUTES: "1" },
      model: () => new ScriptedChatModel(replyScript(conversation)),
      engineClock: () => () => clock,
      approvalSweepMs: 5,
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const card = await cardFor(h, conversation);
    clock += 2 * 60_000;
    const deadline = Date.now() + 2_000;
    while (cardUpdates(h, card.ts).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    expect(text(cardUpdates(h, card.ts)[0])).toContain("Expired before anyone decided");
  });

  it("a card someone already decided is never rewritten as expired", async () => {
    const conversation = { id: "", adminId: "" };
    let clock = Date.now();
    h = await startHarness({
      personas: testPersonas(),
      env: { SWITCHBOARD_APPROVAL_TTL_MINUTES: "1" },
      model: () => new ScriptedChatModel([...replyScript(conversation), say("Done.")]),
      engineClock: () => () => clock,
      approvalSweepMs: 0,
    });
    Object.assign(conversation, openConversation(h.emulator!));
    const card = await cardFor(h, conversation);
    await h.send(
      buttonClick({
        actionId: "approval_approve",
        value: card.value,
        userId: APPROVER,
        messageTs: card.ts!,
        threadTs: "1700000300.000100",
        blocks: card.blocks,
      }),
    );
    await h.idle();
    clock += 2 * 60_000;
    expect(await sweep(h)).toBe(0);
    expect(cardUpdates(h, card.ts).every((c) => !text(c).includes("Expired"))).toBe(true);
  });
});
