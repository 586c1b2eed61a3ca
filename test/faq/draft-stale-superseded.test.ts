/**
 * The customer writes again in the same conversation while older cards wait for a click. An older card citing
 * what the newer answer cites (a draft, or one sent automatically) is closed, so the same answer cannot go out
 * twice; so is every older card when the newer message needs a person. An older card on another question stays
 * sendable, with a line saying the customer wrote since. A draft already being sent is left to finish. Real
 * parts: the emulator over HTTP, the fake Slack Web API, a SQLite file.
 */
import { describe, expect, it } from "vitest";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import type { FaqDraft } from "../../src/workflows/faq/drafts-repo.js";
import { createFaqInboxHandler, settleOlderDrafts } from "../../src/workflows/faq/handle-inbound.js";
import { parseInbound } from "../../src/workflows/faq/inbound-message.js";
import { adminReplies, autoResolvePersona, CLICKER, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const world = useFaqWorld();

let counter = 0;
const deliver = (topic: string, payload: unknown) =>
  createFaqInboxHandler(world.deps)({ id: `sup-${counter++}`, source: "intercom", topic, payload, receivedAt: 0, attempt: 1 } satisfies InboxItem);

/** The customer's first question, drafted and posted. */
async function firstDraft(): Promise<{ conversation: Doc; draft: FaqDraft }> {
  const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
  await deliver("conversation.user.created", conversation);
  const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation.source as Doc).id}`) as FaqDraft;
  expect(draft).toMatchObject({ status: "pending", messageTs: expect.any(String) });
  return { conversation, draft };
}

/** The customer writes again in the same conversation; returns the newer message's draft. */
async function customerWritesAgain(conversation: Doc, body = "How do I change my PIN? I forgot the old one."): Promise<FaqDraft | undefined> {
  const replied = world.emulator.simulate("reply", { conversationId: String(conversation.id), body }) as Doc;
  await deliver("conversation.user.replied", replied);
  return world.deps.drafts.byMessageKey(parseInbound("conversation.user.replied", replied)?.messageKey as string);
}

const updatesOf = (draft: FaqDraft) => world.slack.callsTo("chat.update").filter((c) => c.args.ts === draft.messageTs);

describe("an older draft of the same conversation", () => {
  it("is superseded by the newer draft: decided by nobody, its card says so, and only the newer one can be sent", async () => {
    const { conversation, draft: older } = await firstDraft();
    const newer = await customerWritesAgain(conversation);
    expect(newer?.status).toBe("pending");

    const stored = world.deps.drafts.get(older.id);
    expect(stored).toMatchObject({ status: "dismissed", outcome: "Superseded: the customer wrote again, see the newer card." });
    expect(stored?.decidedBy).toBeUndefined();
    const card = JSON.stringify(updatesOf(older).at(-1)?.args.blocks ?? []);
    expect(card).toContain("Superseded: the customer wrote again");
    expect(card).not.toContain(FAQ_ACTIONS.send);

    const late = await decideDraft(world.deps, { draftId: older.id, action: "send", slackUserId: CLICKER });
    expect(late.kind).toBe("already");
    expect((late as { message: string }).message).toContain("Superseded");
    expect((await decideDraft(world.deps, { draftId: newer?.id as string, action: "send", slackUserId: CLICKER })).kind).toBe("decided");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
  });

  it("is superseded by an answer sent automatically", async () => {
    const { conversation, draft: older } = await firstDraft();
    const persona = world.deps.persona;
    world.deps.persona = autoResolvePersona(world.persona, "auto");
    world.deps.defaultAdminId = world.adminId;
    try {
      const newer = await customerWritesAgain(conversation, "How do I change my PIN?");
      expect(newer).toMatchObject({ status: "sent", action: "auto" });
    } finally {
      world.deps.persona = persona;
      world.deps.defaultAdminId = undefined;
    }
    expect(world.deps.drafts.get(older.id)).toMatchObject({ status: "dismissed", outcome: expect.stringContaining("Superseded") });
    expect((await decideDraft(world.deps, { draftId: older.id, action: "send", slackUserId: CLICKER })).kind).toBe("already");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
  });

  it("is closed too when the newer message needs a person, and says why without pointing at a card", async () => {
    const { conversation, draft: older } = await firstDraft();
    const newer = await customerWritesAgain(conversation, "This is useless. I want to talk to a real person now.");
    expect(newer?.status).toBe("abstained");
    expect(world.deps.drafts.get(older.id)).toMatchObject({
      status: "dismissed",
      outcome: "Not sendable any more: the customer wrote again, and what they wrote needs a person. Read the conversation in Intercom.",
    });
    expect(JSON.stringify(updatesOf(older).at(-1)?.args.blocks ?? [])).not.toContain(FAQ_ACTIONS.send);
    expect((await decideDraft(world.deps, { draftId: older.id, action: "send", slackUserId: CLICKER })).kind).toBe("already");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(0);
  });

  it("stays sendable when the customer asks about something else, with a line saying they wrote again; each answer goes out once", async () => {
    const { conversation, draft: older } = await firstDraft();
    const newer = await customerWritesAgain(conversation, "Also, how long does card delivery take?");
    expect(newer?.status).toBe("pending");
    expect(newer?.citations.map((c) => c.articleId)).not.toEqual(older.citations.map((c) => c.articleId));
    const note = "The customer wrote again after this message; read the conversation in Intercom before sending.";
    expect(world.deps.drafts.get(older.id)).toMatchObject({ status: "pending", outcome: note });
    const card = JSON.stringify(updatesOf(older).at(-1)?.args.blocks ?? []);
    expect(card).toContain("The customer wrote again after this message");
    expect(card).toContain(FAQ_ACTIONS.send);
    // A third message on yet another topic adds nothing to a line already there.
    await customerWritesAgain(conversation, "This is useless. I want to talk to a real person now.");
    expect(world.deps.drafts.get(older.id)?.status).toBe("dismissed");

    expect((await decideDraft(world.deps, { draftId: newer?.id as string, action: "send", slackUserId: CLICKER })).kind).toBe("already");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(0);
  });

  it("marks an older card only once when the customer writes twice about other things", async () => {
    const { conversation, draft: older } = await firstDraft();
    await customerWritesAgain(conversation, "Also, how long does card delivery take?");
    await customerWritesAgain(conversation, "And how do I order a physical card?");
    const note = "The customer wrote again after this message; read the conversation in Intercom before sending.";
    expect(world.deps.drafts.get(older.id)).toMatchObject({ status: "pending", outcome: note });
    expect((await decideDraft(world.deps, { draftId: older.id, action: "send", slackUserId: CLICKER })).kind).toBe("decided");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
  });

  it("is still sent after the newer card was: Switchboard's own answer in the conversation is not a teammate's", async () => {
    const { conversation, draft: older } = await firstDraft();
    const newer = await customerWritesAgain(conversation, "Also, how long does card delivery take?");
    expect((await decideDraft(world.deps, { draftId: newer?.id as string, action: "send", slackUserId: CLICKER })).kind).toBe("decided");
    const late = await decideDraft(world.deps, { draftId: older.id, action: "send", slackUserId: CLICKER });
    expect(late.kind).toBe("decided");
    expect(world.deps.drafts.get(older.id)?.status).toBe("sent");
    expect(adminReplies(world, String(conversation.id))).toHaveLength(2);
  });

  it("being sent right now is left alone, and other conversations' drafts are not touched", async () => {
    const { draft: elsewhere } = await firstDraft();
    const { conversation, draft: claimed } = await firstDraft();
    // A click claimed the first answer; its reply has not reached Intercom yet.
    expect(world.deps.drafts.claim(claimed.id, "send", CLICKER)).toBe(true);
    const second = await customerWritesAgain(conversation);
    expect(second?.status).toBe("pending");
    const third = await customerWritesAgain(conversation, "How do I change my PIN? The app asks for the old one.");
    expect(third?.status).toBe("pending");

    expect(world.deps.drafts.get(second?.id as string)).toMatchObject({ status: "dismissed", outcome: expect.stringContaining("Superseded") });
    expect(world.deps.drafts.get(claimed.id)).toMatchObject({ status: "sending", decidedBy: CLICKER });
    expect(world.deps.drafts.get(claimed.id)?.outcome).toBeUndefined();
    expect(world.deps.drafts.get(elsewhere.id)?.status).toBe("pending");
  });
});

describe("which older cards a newer answer closes", () => {
  const citation = (n: number, articleId: string) => ({ number: n, articleId, title: articleId, url: `https://help.example/${articleId}` });
  const draftCiting = (key: string, articleIds: string[], decision: "draft" | "abstain" = "draft") =>
    world.deps.drafts.createOnce({
      conversationId: "c-77",
      messageKey: `conversation:c-77:${key}`,
      persona: "support",
      kind: "conversation",
      question: key,
      answerHtml: decision === "abstain" ? "" : "<p>answer</p>",
      answerText: decision === "abstain" ? "" : "answer",
      citations: articleIds.map((id, i) => citation(i + 1, id)),
      confidence: 0.6,
      decision,
      status: decision === "abstain" ? "abstained" : "pending",
    }).draft;

  it("closes one whose every article the newer answer cites, and only marks one that also answered something else", async () => {
    const repeated = draftCiting("p1", ["pin"]);
    const wider = draftCiting("p2", ["pin", "cards"]);
    const newer = draftCiting("p3", ["pin", "fees"]);
    await settleOlderDrafts(world.deps, newer, false);
    expect(world.deps.drafts.get(repeated.id)).toMatchObject({ status: "dismissed", outcome: expect.stringContaining("Superseded") });
    expect(world.deps.drafts.get(wider.id)).toMatchObject({ status: "pending", outcome: expect.stringContaining("The customer wrote again") });
    expect(world.deps.drafts.get(newer.id)?.status).toBe("pending");
  });
});
