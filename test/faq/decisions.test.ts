import { describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import { answerFromHits } from "../../src/domain/faq/answer.js";
import { customerHtml } from "../../src/domain/faq/customer-html.js";
import { DEFAULT_FAQ_POLICY } from "../../src/domain/faq/types.js";
import type { SearchHit } from "../../src/kb/types.js";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { closeAnswered, decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { adminReplies, autoResolvePersona, CLICKER, type FaqWorld, OTHER, useFaqWorld } from "./support.js";

const hit = (id: string, visibility: "public" | "internal", text: string): SearchHit => ({
  articleId: id,
  title: `Title ${id}`,
  url: visibility === "public" ? `https://help.example.com/${id}` : undefined,
  visibility,
  collection: "",
  entity: "",
  score: 10,
  chunk: { id: 1, heading: "", anchorUrl: visibility === "public" ? `https://help.example.com/${id}` : undefined, text },
});

describe("the answer a customer can receive", () => {
  it("never carries an internal article's text or link, and escapes the chunk's text", () => {
    const answer = answerFromHits({
      questionTerms: ["refund"],
      hits: [hit("secret", "internal", "Agents may refund 50 as goodwill."), hit("pub", "public", "Ask for a refund <b>in the app</b>.")],
      policy: DEFAULT_FAQ_POLICY,
      person: { needed: false },
    });
    expect(answer.citations.map((c) => c.articleId)).toEqual(["pub"]);
    expect(answer.internal.map((i) => i.articleId)).toEqual(["secret"]);
    const html = customerHtml(answer.sentences, answer.citations);
    expect(html).not.toContain("goodwill");
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain('<a href="https://help.example.com/pub">');
  });
});

const item = (payload: unknown, id: string): InboxItem => ({ id, source: "intercom", topic: "conversation.user.created", payload, receivedAt: 0, attempt: 1 });
type Conversation = { id: string; source: { id: string } };
const keyOf = (c: Conversation) => `conversation:${c.id}:${c.source.id}`;
const lastBlocks = (world: FaqWorld, method: "chat.postMessage" | "chat.update") => JSON.stringify(world.slack.callsTo(method).at(-1)?.args.blocks ?? []);
const stateOf = (world: FaqWorld, id: string) => (world.emulator.state.get("conversations", id) as { state: string }).state;

describe("auto-resolve: the reply on the persona's policy, the close only from a person", () => {
  const world = useFaqWorld({ defaultAdminId: true });

  it("sends the reply automatically and offers the close on the card, even when the persona says close is auto", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "auto", "auto");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    const before = world.writeCalls().length;
    await createFaqInboxHandler(world.deps)(item(conversation, "a1"));
    const calls = world.writeCalls().slice(before);
    expect(calls.map((c) => [c.tool, c.decision, c.status])).toEqual([["INTERCOM_REPLY_TO_CONVERSATION", "auto", "ok"]]);
    expect(adminReplies(world, conversation.id)).toHaveLength(1);
    expect(stateOf(world, conversation.id)).toBe("open");
    const card = lastBlocks(world, "chat.postMessage");
    expect(card).toContain("Answered automatically; closing needs a person.");
    expect(card).toContain(FAQ_ACTIONS.close);
    expect(card).not.toContain(FAQ_ACTIONS.send);

    const draft = world.deps.drafts.byMessageKey(keyOf(conversation));
    // The destructive rule holds at the gate itself: a policy may never close.
    const byPolicy = await world.deps.writes.run({
      tool: "INTERCOM_CLOSE_CONVERSATION",
      args: { conversation_id: conversation.id, admin_id: world.adminId },
      persona: world.deps.persona,
      authority: { kind: "policy" },
      requester: { source: "workflow:faq" },
      idempotencyKey: `test:${conversation.id}:policy-close`,
    });
    expect(byPolicy.status).toBe("refused");
    expect(stateOf(world, conversation.id)).toBe("open");

    const closed = await closeAnswered(world.deps, { draftId: draft?.id as string, slackUserId: CLICKER });
    expect(closed.kind).toBe("decided");
    expect(stateOf(world, conversation.id)).toBe("closed");
    const close = world.writeCalls().at(-1);
    expect(close).toMatchObject({ tool: "INTERCOM_CLOSE_CONVERSATION", decision: "approved", approver: CLICKER, status: "ok" });
    const again = await closeAnswered(world.deps, { draftId: draft?.id as string, slackUserId: OTHER });
    expect(again.kind).toBe("already");
    expect((again as { message: string }).message).toContain(`<@${CLICKER}>`);
    expect(world.writeCalls().filter((c) => c.tool === "INTERCOM_CLOSE_CONVERSATION" && c.status === "ok")).toHaveLength(1);
  });

  it("turns into an ordinary draft when the persona's policy does not send replies on its own", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "ask");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler(world.deps)(item(conversation, "a2"));
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
    expect(world.deps.drafts.byMessageKey(keyOf(conversation))?.status).toBe("pending");
    const card = lastBlocks(world, "chat.postMessage");
    expect(card).toContain("Not sent automatically");
    expect(card).toContain(FAQ_ACTIONS.send);
  });

  it("offers no close when the reply failed, and says nothing reached the customer", async () => {
    world.deps.persona = autoResolvePersona(world.persona, "auto");
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    world.emulator.setFaults({ serverErrorRate: 1 });
    try {
      await createFaqInboxHandler(world.deps)(item(conversation, "a3"));
    } finally {
      world.emulator.resetFaults();
    }
    const card = lastBlocks(world, "chat.postMessage");
    expect(card).toContain("Could not answer automatically");
    expect(card).toContain("Nothing reached the customer");
    expect(card).not.toContain(FAQ_ACTIONS.close);
    expect(world.deps.drafts.byMessageKey(keyOf(conversation))?.status).toBe("failed");
  });

  it("a persona's draft_min_confidence decides what is drafted at all", async () => {
    const cautious = { ...world.persona, faq: { auto_resolve: false, min_confidence: 0.99, draft_min_confidence: 0.99, gap_notes: false } } as Persona;
    world.deps.persona = cautious;
    const asked = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    const before = world.slack.callsTo("chat.postMessage").length;
    await createFaqInboxHandler(world.deps)(item(asked, "dm1"));
    // The same question drafts with the default (see above); at 0.99 nothing is confident enough.
    expect(world.deps.drafts.byMessageKey(keyOf(asked))?.status).toBe("abstained");
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(before);
    world.deps.persona = { ...world.persona, faq: { auto_resolve: false, min_confidence: 0.99, draft_min_confidence: 0.1, gap_notes: false } } as Persona;
    const again = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler(world.deps)(item(again, "dm2"));
    expect(world.deps.drafts.byMessageKey(keyOf(again))?.status).toBe("pending");
  });

  it("Dismiss is final: a later Send changes nothing and names who dismissed", async () => {
    world.deps.persona = { ...world.persona, faq: { auto_resolve: false, min_confidence: 0.9, gap_notes: false } } as never;
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler(world.deps)(item(conversation, "a4"));
    const draft = world.deps.drafts.byMessageKey(keyOf(conversation));
    expect(draft?.status).toBe("pending");
    expect(await decideDraft(world.deps, { draftId: draft?.id as string, action: "dismiss", slackUserId: "U0DISMISS1" })).toMatchObject({ kind: "decided" });
    const late = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send", slackUserId: CLICKER });
    expect(late).toMatchObject({ kind: "already" });
    expect((late as { message: string }).message).toContain("<@U0DISMISS1>");
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
  });
});

describe("a send whose outcome is unknown", () => {
  const world = useFaqWorld({ writeTimeoutMs: 300 });

  it("is stored and shown as uncertain, not failed, and no later click sends it again", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Conversation;
    await createFaqInboxHandler(world.deps)(item(conversation, "u1"));
    const draft = world.deps.drafts.byMessageKey(keyOf(conversation));
    expect(draft?.status).toBe("pending");
    world.emulator.setFaults({ latencyMs: 1500 });
    let result: Awaited<ReturnType<typeof decideDraft>>;
    try {
      result = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send_close", slackUserId: CLICKER });
    } finally {
      world.emulator.resetFaults();
    }
    expect(result.kind).toBe("decided");
    const stored = world.deps.drafts.get(draft?.id as string);
    expect(stored).toMatchObject({ uncertain: true });
    expect(stored?.status).not.toBe("failed");
    expect(stored?.outcome).toContain("may or may not have been sent");
    const card = lastBlocks(world, "chat.update");
    expect(card).toContain("may or may not have been sent");
    expect(card).not.toContain(FAQ_ACTIONS.send);
    // Send & close never closes after a reply that did not confirm.
    expect(world.writeCalls().map((c) => c.tool)).not.toContain("INTERCOM_CLOSE_CONVERSATION");
    const again = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send", slackUserId: OTHER });
    expect(again.kind).toBe("already");
    expect(world.writeCalls().filter((c) => c.tool === "INTERCOM_REPLY_TO_CONVERSATION")).toHaveLength(1);
  });
});
