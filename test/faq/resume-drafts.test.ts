/**
 * A process stopped in the middle of an FAQ reply: after a click was claimed, or after an automatic answer was
 * stored, and before the outcome was written. The next start (or the item's redelivery) finishes it: the reply
 * reaches Intercom exactly once, whether or not it had already gone out, and the card says what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { resumeInterruptedDrafts } from "../../src/workflows/faq/resume-drafts.js";
import { replyArgs } from "../../src/workflows/faq/write-args.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminReplies, CLICKER, type FaqWorld, startFaqWorld } from "./support.js";

const CHANNEL = "C0SUPPORT1";
type Conversation = { id: string; source: { id: string } };
const item = (payload: unknown, id: string): InboxItem => ({ id, source: "intercom", topic: "conversation.user.created", payload, receivedAt: 0, attempt: 1 });
const keyOf = (c: Conversation) => `conversation:${c.id}:${c.source.id}`;
const lastUpdate = (world: FaqWorld) => JSON.stringify(world.slack.callsTo("chat.update").at(-1)?.args ?? {});

describe("FAQ replies a stop interrupted", () => {
  const temp = makeTempDir();
  let world: FaqWorld;
  let draftPersona: Persona;
  beforeAll(async () => {
    world = await startFaqWorld(temp.dir, { defaultAdminId: true });
    draftPersona = { ...world.persona, faq: { auto_resolve: false, min_confidence: 0.9, gap_notes: false } } as Persona;
  });
  afterAll(async () => {
    await world.close();
    temp.cleanup();
  });

  const pendingDraft = async (itemId: string) => {
    world.deps.persona = draftPersona;
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler(world.deps)(item(conversation, itemId));
    const draft = world.deps.drafts.byMessageKey(keyOf(conversation));
    expect(draft?.status).toBe("pending");
    return { conversation, draft: draft as NonNullable<typeof draft> };
  };

  it("a Send claimed before the stop, never sent: sent once at start, as the person who clicked", async () => {
    const { conversation, draft } = await pendingDraft("r1");
    // The click's claim committed; the process died before the write was recorded.
    expect(world.deps.drafts.claim(draft.id, "send", CLICKER)).toBe(true);
    expect(adminReplies(world, conversation.id)).toHaveLength(0);

    const result = await resumeInterruptedDrafts(world.deps, CHANNEL);
    expect(result.resumed).toBeGreaterThanOrEqual(1);
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect(world.deps.drafts.get(draft.id)?.status).toBe("sent");
    const reply = world.writeCalls().at(-1);
    expect(reply).toMatchObject({ tool: "INTERCOM_REPLY_TO_CONVERSATION", decision: "approved", approver: CLICKER, status: "ok" });
    expect(lastUpdate(world)).toContain("Sent to the customer as");
    expect(lastUpdate(world)).not.toContain(FAQ_ACTIONS.send);

    // A second start finds nothing left to do.
    expect(await resumeInterruptedDrafts(world.deps, CHANNEL)).toEqual({ resumed: 0, failed: 0 });
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
  });

  it("a Send that reached Intercom before the stop: finished from the ledger, not sent again", async () => {
    const { conversation, draft } = await pendingDraft("r2");
    expect(world.deps.drafts.claim(draft.id, "send", CLICKER)).toBe(true);
    // The write went out under the draft's key; the process died before the draft's outcome was written.
    const sent = await world.deps.writes.run({
      persona: world.deps.persona,
      authority: { kind: "person", slackUserId: CLICKER, source: "slack:faq-draft" },
      requester: { slackUserId: CLICKER, source: "slack:faq-draft" },
      tool: "INTERCOM_REPLY_TO_CONVERSATION",
      args: replyArgs(draft, world.adminId, draft.answerHtml),
      idempotencyKey: `faq-draft:${draft.id}:reply`,
    });
    expect(sent.status).toBe("sent");
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect(world.deps.drafts.get(draft.id)?.status).toBe("sending");

    await resumeInterruptedDrafts(world.deps, CHANNEL);
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect(world.deps.drafts.get(draft.id)?.status).toBe("sent");
    expect(lastUpdate(world)).toContain("Sent to the customer as");
  });

  it("an automatic answer stored before the stop: its redelivery replies once and posts the card", async () => {
    world.deps.persona = {
      ...world.persona,
      approval: { ...world.persona.approval, tools: { ...world.persona.approval.tools, INTERCOM_REPLY_TO_CONVERSATION: "auto" } },
      faq: { auto_resolve: true, min_confidence: 0.5, gap_notes: false },
    } as Persona;
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    // What the handler stores before it replies: the draft, decided auto_resolve, marked as sending.
    const { draft } = world.deps.drafts.createOnce({
      conversationId: conversation.id,
      messageKey: keyOf(conversation),
      persona: world.deps.persona.name,
      kind: "conversation",
      question: "How do I change my PIN?",
      answerHtml: "<p>Open Settings, then Security, then Change PIN.</p>",
      answerText: "Open Settings, then Security, then Change PIN.",
      citations: [],
      confidence: 0.95,
      decision: "auto_resolve",
      status: "sending",
    });
    const posts = world.slack.callsTo("chat.postMessage").length;

    await createFaqInboxHandler(world.deps)(item(conversation, "r3-again"));
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    const after = world.deps.drafts.get(draft.id);
    expect(after).toMatchObject({ status: "sent", action: "auto" });
    expect(world.slack.callsTo("chat.postMessage").length).toBe(posts + 1);
    expect(JSON.stringify(world.slack.callsTo("chat.postMessage").at(-1)?.args.blocks)).toContain("Answered automatically");

    // Delivered a third time: nothing more is sent or posted.
    await createFaqInboxHandler(world.deps)(item(conversation, "r3-third"));
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect(world.slack.callsTo("chat.postMessage").length).toBe(posts + 1);
  });
});
