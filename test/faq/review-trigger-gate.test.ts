/**
 * What starts an FAQ answer and what stops one, through the inbox handler on the emulator's demo workspace with
 * auto-resolve on: the escalation lexicons (any language, anywhere in the conversation) and a person already on
 * the conversation keep the knowledge base out of it; a follow-up question to an unowned conversation is answered
 * once, however often the notification comes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Persona } from "../../src/agent/personas.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { parseInbound } from "../../src/workflows/faq/inbound-message.js";
import { makeTempDir } from "../helpers/temp-dir.js";
import { adminReplies, autoResolvePersona, type FaqWorld, startFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const temp = makeTempDir();
let world: FaqWorld;
let auto: Persona;
beforeAll(async () => {
  world = await startFaqWorld(temp.dir, { defaultAdminId: true });
  auto = autoResolvePersona(world.persona, "auto");
});
afterAll(async () => {
  await world.close();
  temp.cleanup();
});
beforeEach(() => {
  world.deps.persona = auto;
});

let counter = 0;
const item = (topic: string, payload: unknown): InboxItem => ({
  id: `gate-${counter++}`,
  source: "intercom",
  topic,
  payload,
  receivedAt: Date.now(),
  attempt: 1,
});
const deliver = (topic: string, payload: Doc) => createFaqInboxHandler(world.deps)(item(topic, payload));
const newConversation = (body: string) => world.emulator.simulate("conversation", { body }) as Doc;
const customerReply = (conversation: Doc, body: string) => world.emulator.simulate("reply", { conversationId: String(conversation.id), body }) as Doc;
const postsSince = (before: number) => world.slack.callsTo("chat.postMessage").slice(before);

/** The message arrives; afterwards the customer has no reply and the support channel no card. */
async function expectLeftToAPerson(topic: string, payload: Doc) {
  const before = world.slack.callsTo("chat.postMessage").length;
  await deliver(topic, payload);
  expect(adminReplies(world, String(payload.id))).toHaveLength(0);
  expect(postsSince(before)).toHaveLength(0);
}

describe("the FAQ gate uses the escalation signals", () => {
  it("the control: the same PIN question with nothing alarming is answered automatically", async () => {
    const conversation = newConversation("How do I change my PIN?");
    await deliver("conversation.user.created", conversation);
    expect(adminReplies(world, String(conversation.id))).toHaveLength(1);
  });

  it("leaves an angry message in French to a person", async () => {
    await expectLeftToAPerson("conversation.user.created", newConversation("How do I change my PIN? C'est une honte, j'en ai marre."));
  });

  it("leaves a security incident written in Spanish to a person", async () => {
    await expectLeftToAPerson("conversation.user.created", newConversation("How do I change my PIN? Me han hackeado la cuenta."));
  });

  it("leaves a customer who asks for a person to a person", async () => {
    await expectLeftToAPerson("conversation.user.created", newConversation("How do I change my PIN? I want to speak to a real person."));
  });

  it("leaves a calm follow-up to a person when the threat was in an earlier message", async () => {
    const conversation = newConversation("This is unacceptable, my lawyer will hear about this. Someone used my card!");
    await deliver("conversation.user.created", conversation);
    await expectLeftToAPerson("conversation.user.replied", customerReply(conversation, "How do I change my PIN?"));
  });

  it("leaves a message whose subject is the legal threat to a person", async () => {
    const conversation = newConversation("How do I change my PIN?");
    (conversation.source as Doc).subject = "Formal complaint: I am taking legal action";
    await expectLeftToAPerson("conversation.user.created", conversation);
  });
});

describe("conversation.user.replied", () => {
  it("answers the new customer message once, with the earlier ones as context, however often it is delivered", async () => {
    const conversation = newConversation("Hello, I have a question about my card.");
    await deliver("conversation.user.created", conversation);
    expect(adminReplies(world, String(conversation.id))).toHaveLength(0);
    const replied = customerReply(conversation, "How do I change my PIN?");
    const parsed = parseInbound("conversation.user.replied", replied);
    expect(parsed).toMatchObject({ text: "How do I change my PIN?", context: ["Hello, I have a question about my card."] });
    await deliver("conversation.user.replied", replied);
    await deliver("conversation.user.replied", replied);
    const replies = adminReplies(world, String(conversation.id));
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body)).toContain('href="https://help.');
  });

  it("sends no second answer into a conversation assigned to a teammate", async () => {
    const conversation = newConversation("Hello, I have a question about my card.");
    const stored = world.emulator.state.get("conversations", String(conversation.id)) as Doc;
    stored.admin_assignee_id = Number(world.adminId);
    await expectLeftToAPerson("conversation.user.replied", customerReply(conversation, "How do I change my PIN?"));
  });

  it("names the customer, not the teammate, on a conversation a teammate started, and keeps the teammate's words out of the context", async () => {
    world.deps.persona = { ...world.persona, faq: { auto_resolve: false, gap_notes: false } } as Persona;
    const conversation = newConversation("placeholder");
    const replied = customerReply(conversation, "How do I change my PIN?");
    const customer = (replied.source as Doc).author as Doc;
    // An outbound message: the teammate wrote first, the customer answered it.
    replied.source = {
      ...(replied.source as Doc),
      body: "<p>Your card may be stolen, we blocked it.</p>",
      author: { type: "admin", id: world.adminId, name: "Tess Teammate" },
    };
    const parsed = parseInbound("conversation.user.replied", replied);
    expect(parsed?.context).toEqual([]);
    await deliver("conversation.user.replied", replied);
    const draft = world.deps.drafts.byMessageKey(parsed?.messageKey as string);
    expect(draft?.status).toBe("pending");
    expect(draft?.customerName).toBe(customer.name);
  });

  it("posts no knowledge-base gap note for a customer's thanks", async () => {
    world.deps.persona = { ...world.persona, faq: { auto_resolve: false, gap_notes: true } } as Persona;
    const conversation = newConversation("How do I change my PIN?");
    await deliver("conversation.user.created", conversation);
    const before = world.slack.callsTo("chat.postMessage").length;
    await deliver("conversation.user.replied", customerReply(conversation, "Thanks, that worked!"));
    expect(postsSince(before).map((c) => String(c.args.text))).toEqual([]);
    // The control: a real question the help center cannot answer still gets its note.
    await deliver("conversation.user.replied", customerReply(conversation, "Can I open a joint mortgage with my brother in Portugal?"));
    expect(postsSince(before).map((c) => String(c.args.text))).toEqual([expect.stringContaining("Knowledge-base gap")]);
  });
});
