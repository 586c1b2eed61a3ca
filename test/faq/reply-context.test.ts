/**
 * A reply's notification may carry only the customer's newest message. The FAQ flow reads the conversation from
 * Intercom (the emulator over HTTP, an audited read) so the earlier messages count: for retrieval, and for the
 * gate that leaves a threat to a person. A read that fails is tried again by the inbox; nothing is sent on a guess.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { parseInbound, withConversation } from "../../src/workflows/faq/inbound-message.js";
import { adminReplies, autoResolvePersona, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const world = useFaqWorld({ defaultAdminId: true });
beforeEach(() => {
  world.deps.persona = autoResolvePersona(world.persona, "auto");
});

let counter = 0;
const item = (payload: unknown): InboxItem => ({
  id: `ctx-${counter++}`,
  source: "intercom",
  topic: "conversation.user.replied",
  payload,
  receivedAt: 0,
  attempt: 1,
});
const deliver = (payload: Doc) => createFaqInboxHandler(world.deps)(item(payload));
const reply = (conversation: Doc, body: string) => world.emulator.simulate("reply", { conversationId: String(conversation.id), body }) as Doc;
const partsOf = (conversation: Doc) => ((conversation.conversation_parts as Doc).conversation_parts as Doc[]) ?? [];
/** What a sparse notification carries: the conversation with only its newest part. */
const newestPartOnly = (conversation: Doc): Doc => ({
  ...conversation,
  conversation_parts: { type: "conversation_part.list", conversation_parts: partsOf(conversation).slice(-1), total_count: 1 },
});
const reads = () => world.audit.recent({ limit: 1000 }).filter((r) => r.tool === "INTERCOM_GET_CONVERSATION");

describe("a reply is answered with the conversation as Intercom holds it", () => {
  it("leaves the reply to a person when a threat was in an earlier message the notification did not carry", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    reply(conversation, "Someone took money from my account and I am calling my lawyer.");
    const latest = reply(conversation, "How do I change my PIN?");
    const before = reads().length;
    await deliver(newestPartOnly(latest));
    expect(reads().length).toBe(before + 1);
    expect(adminReplies(world, String(latest.id))).toHaveLength(0);
  });

  it("answers the same calm reply when nothing earlier calls for a person", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    reply(conversation, "I just got a new card in the post.");
    const latest = reply(conversation, "How do I change my PIN?");
    await deliver(newestPartOnly(latest));
    expect(adminReplies(world, String(latest.id))).toHaveLength(1);
  });

  it("tries again later (throws for the inbox) when the conversation cannot be read, and sends nothing", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    const latest = reply(conversation, "How do I change my PIN?");
    world.emulator.setFaults({ serverErrorRate: 1 });
    try {
      await expect(deliver(newestPartOnly(latest))).rejects.toThrow(/could not read conversation/);
    } finally {
      world.emulator.resetFaults();
    }
    expect(adminReplies(world, String(latest.id))).toHaveLength(0);
    // The inbox's next attempt reads it and answers.
    await deliver(newestPartOnly(latest));
    expect(adminReplies(world, String(latest.id))).toHaveLength(1);
  });

  it("uses only what came before the message: later customer messages are not its context", () => {
    const conversation: Doc = {
      id: "77",
      source: { id: "s1", subject: "", body: "<p>First</p>", author: { type: "user", name: "Ana" } },
      conversation_parts: {
        conversation_parts: [
          { id: "p1", part_type: "comment", body: "<p>Second</p>", author: { type: "user" } },
          { id: "p2", part_type: "note", body: "<p>A teammate's note</p>", author: { type: "admin" } },
          { id: "p3", part_type: "comment", body: "<p>Third, the question</p>", author: { type: "user" } },
          { id: "p4", part_type: "comment", body: "<p>Fourth, written later</p>", author: { type: "user" } },
        ],
      },
    };
    const notified = parseInbound("conversation.user.replied", { ...conversation, conversation_parts: { conversation_parts: [partsOf(conversation)[2]] } });
    expect(notified).toMatchObject({ text: "Third, the question", context: ["First"], partId: "p3" });
    const full = withConversation(notified as NonNullable<typeof notified>, conversation);
    expect(full.context).toEqual(["First", "Second"]);
    expect(full.text).toBe("Third, the question");
    expect(withConversation(notified as NonNullable<typeof notified>, { ...conversation, id: "78" })).toBe(notified);
  });
});
