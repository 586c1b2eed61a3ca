/**
 * A customer's message that a teammate already answered gets no second answer from the knowledge base, even on an
 * unassigned conversation or when the notification is handled late (a backlog, a restart). The conversation is read
 * from the emulator over HTTP; the teammate replies through the emulator's API.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { parseInbound } from "../../src/workflows/faq/inbound-message.js";
import { adminReplies, autoResolvePersona, useFaqWorld, teammateWrites as writeAsTeammate } from "./support.js";

type Doc = Record<string, unknown>;
const world = useFaqWorld({ defaultAdminId: true });
beforeEach(() => {
  world.deps.persona = autoResolvePersona(world.persona, "auto");
});

let counter = 0;
const deliver = (payload: Doc) =>
  createFaqInboxHandler(world.deps)({
    id: `tr-${counter++}`,
    source: "intercom",
    topic: "conversation.user.replied",
    payload,
    receivedAt: 0,
    attempt: 1,
  } satisfies InboxItem);
const customerAsks = (conversation: Doc, body: string) => world.emulator.simulate("reply", { conversationId: String(conversation.id), body }) as Doc;
const teammateWrites = (conversationId: string, body: string, messageType: "comment" | "note" = "comment") =>
  writeAsTeammate(world.emulator, world.adminId, { conversationId }, body, messageType);
const postsNow = () => world.slack.callsTo("chat.postMessage").length;

describe("a customer reply a teammate already answered", () => {
  it("is not answered, and the inbox gets a note saying why", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    const id = String(conversation.id);
    // The notification for this message waits in a backlog while a teammate answers it in Intercom.
    const notified = customerAsks(conversation, "How do I change my PIN?");
    expect((await teammateWrites(id, "Hi! Open the app, then Card, then Change PIN.")).status).toBe(200);
    const before = postsNow();

    const result = await deliver(notified);
    expect(result).toEqual({ note: `FAQ: not answered, a teammate replied in conversation ${id} after this message` });
    expect(adminReplies(world, id)).toHaveLength(1);
    expect(postsNow()).toBe(before);
    expect(world.deps.drafts.byMessageKey(parseInbound("conversation.user.replied", notified)?.messageKey as string)).toBeUndefined();
  });

  it("only a reply after this message counts: one before it, or a note after it, does not stop the answer", async () => {
    const answered = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    await teammateWrites(String(answered.id), "Hi, how can I help?");
    const question = customerAsks(answered, "How do I change my PIN?");
    await teammateWrites(String(answered.id), "Looks like a PIN question.", "note");

    const overtaken = world.emulator.simulate("conversation", { body: "Hello, a question about my card." }) as Doc;
    const late = customerAsks(overtaken, "How do I change my PIN?");
    await teammateWrites(String(overtaken.id), "Hi! Open the app, then Card, then Change PIN.");

    await deliver(question);
    await deliver(late);
    expect(adminReplies(world, String(answered.id))).toHaveLength(2);
    expect(adminReplies(world, String(overtaken.id))).toHaveLength(1);
  });
});

describe("Switchboard's own answers", () => {
  it("do not count as a teammate: two questions seconds apart, the first answered automatically after the second arrived, both get their answer", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Hello, two questions." }) as Doc;
    const id = String(conversation.id);
    // Each notification as Intercom sent it at the time (the emulator hands back its live record).
    const first = structuredClone(customerAsks(conversation, "How do I change my PIN?"));
    const second = structuredClone(customerAsks(conversation, "How long does card delivery take?"));
    await deliver(first);
    expect(adminReplies(world, id)).toHaveLength(1);

    const result = await deliver(second);
    expect(result).toBeUndefined();
    expect(adminReplies(world, id)).toHaveLength(2);
  });
});
