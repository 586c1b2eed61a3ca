import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { adminReplies, CLICKER, OTHER, useFaqWorld } from "./support.js";

const world = useFaqWorld();

const item = (topic: string, payload: unknown, id = "in-1"): InboxItem => ({ id, source: "intercom", topic, payload, receivedAt: Date.now(), attempt: 1 });
const cards = () => world.slack.callsTo("chat.postMessage").filter((c) => JSON.stringify(c.args.blocks ?? []).includes("faq_send"));

describe("FAQ on the demo workspace, end to end", () => {
  it("drafts a cited answer to 'How do I change my PIN?', sends exactly one reply with the link, and ignores a second click", async () => {
    const pinArticle = world.kb.index
      .idsOfSource("article")
      .map((id) => world.kb.index.article(id))
      .find((a) => a?.title.includes("PIN"));
    expect(pinArticle?.url).toMatch(/^https:\/\/help\./);
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as { id: string };
    const handler = createFaqInboxHandler(world.deps);
    await handler(item("conversation.user.created", conversation));

    expect(cards()).toHaveLength(1);
    const card = cards()[0]?.args;
    expect(card?.channel).toBe("C0SUPPORT1");
    expect(JSON.stringify(card?.blocks)).toContain(pinArticle?.url as string);
    expect(JSON.stringify(card?.blocks)).not.toMatch(/@[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(adminReplies(world, conversation.id)).toHaveLength(0);

    // A redelivered webhook changes nothing.
    await handler(item("conversation.user.created", conversation, "in-2"));
    expect(cards()).toHaveLength(1);

    const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation as unknown as { source: { id: string } }).source.id}`);
    expect(draft?.status).toBe("pending");
    const first = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send", slackUserId: CLICKER });
    expect(first.kind).toBe("decided");
    const second = await decideDraft(world.deps, { draftId: draft?.id as string, action: "send", slackUserId: OTHER });
    expect(second).toMatchObject({ kind: "already" });
    expect((second as { message: string }).message).toContain(`<@${CLICKER}>`);

    const replies = adminReplies(world, conversation.id);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body)).toContain(`href="${pinArticle?.url}"`);
    expect(String(replies[0]?.body)).not.toMatch(/\*|&lt;|<@/);
    expect((replies[0]?.author as { id?: string } | undefined)?.id).toBe(world.adminId);

    const updates = world.slack.callsTo("chat.update");
    expect(JSON.stringify(updates.at(-1)?.args.blocks)).toContain("Sent to the customer as");
    expect(JSON.stringify(updates.at(-1)?.args.blocks)).not.toContain("faq_send");
  });

  it("sends no customer reply to a question the help center does not answer, and notes the gap for the team", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "Can I open a joint mortgage with my brother in Portugal?" }) as { id: string };
    const before = cards().length;
    await createFaqInboxHandler(world.deps)(item("conversation.user.created", conversation, "in-3"));
    expect(cards()).toHaveLength(before);
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
    const gap = world.slack.callsTo("chat.postMessage").at(-1);
    expect(String(gap?.args.text)).toContain("Knowledge-base gap");
  });

  it("leaves an angry or legal message to a person even when the knowledge base has an answer", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN? This is unacceptable, my lawyer will hear about it" }) as {
      id: string;
    };
    const before = world.slack.callsTo("chat.postMessage").length;
    await createFaqInboxHandler(world.deps)(item("conversation.user.created", conversation, "in-4"));
    expect(world.slack.callsTo("chat.postMessage")).toHaveLength(before);
    expect(adminReplies(world, conversation.id)).toHaveLength(0);
  });
});
