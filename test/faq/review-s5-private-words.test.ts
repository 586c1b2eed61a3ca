/**
 * Review: what a click on an overtaken card tells the clicker privately is Slack mrkdwn, and it carries words
 * from Intercom (a teammate's name). Like every stored outcome shown there (alreadyMessage), it is escaped, so
 * nothing in it becomes a mention or a link. The emulator over HTTP, the fake Slack Web API, a SQLite file.
 */
import { describe, expect, it } from "vitest";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import type { FaqDraft } from "../../src/workflows/faq/drafts-repo.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { CLICKER, teammateWrites, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const world = useFaqWorld();

describe("the private answer to a click on an overtaken card", () => {
  it("escapes the teammate's name from Intercom (no live <!channel>)", async () => {
    const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
    const item: InboxItem = { id: "review-s5-1", source: "intercom", topic: "conversation.user.created", payload: conversation, receivedAt: 0, attempt: 1 };
    await createFaqInboxHandler(world.deps)(item);
    const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation.source as Doc).id}`) as FaqDraft;
    expect(draft.status).toBe("pending");
    (world.emulator.state.get("admins", world.adminId) as { name: string }).name = "Dana <!channel>";
    const replied = await teammateWrites(world.emulator, world.adminId, { conversationId: String(conversation.id) }, "I have reset your PIN.");
    expect(replied.status).toBe(200);

    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result.kind).toBe("not_sent");
    const message = (result as { message: string }).message;
    expect(message).not.toContain("<!channel>");
    expect(message).toMatch(/^Not sent: Dana &lt;!channel&gt; replied in Intercom/);
    // The card shows the words as written: the stored outcome stays plain.
    expect(world.deps.drafts.get(draft.id)?.outcome).toMatch(/^Not sent: Dana <!channel> replied/);
  });
});
