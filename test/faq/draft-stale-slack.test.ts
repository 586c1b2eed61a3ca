/**
 * Through the real app (Bolt's HTTP receiver, signed Slack requests, the fake Slack Web API, the emulator over
 * HTTP): a Send click or an Edit modal submit on a card a teammate has overtaken in Intercom tells the clicker,
 * privately, what happened instead, and sends nothing.
 */
import { describe, expect, it } from "vitest";
import { buttonClick, viewSubmission } from "../fakes/signed-request.js";
import { waitFor } from "../inbox/helpers.js";
import { CHANNEL, CLICKER, useFaqSlackApp } from "./slack-app.js";
import { teammateWrites } from "./support.js";

const faq = useFaqSlackApp("faq-stale-webhook-secret");

async function postedDraft(notificationId: string): Promise<{ conversationId: string; draftId: string }> {
  const conversation = await faq.deliverNewConversation(notificationId);
  const conversationId = String(conversation.id);
  const row = () =>
    faq.h.deps.db.prepare("SELECT id, message_ts FROM faq_drafts WHERE conversation_id = ?").get(conversationId) as
      | { id: string; message_ts: string | null }
      | undefined;
  await waitFor(() => Boolean(row()?.message_ts), "the draft card to be posted");
  return { conversationId, draftId: (row() as { id: string }).id };
}

async function teammateReplies(conversationId: string): Promise<void> {
  const emulator = faq.h.emulator as NonNullable<typeof faq.h.emulator>;
  const admin = emulator.state.all("admins")[0] as { id: string };
  const replied = await teammateWrites(emulator, String(admin.id), { conversationId }, "I have sorted this out for you.");
  expect(replied.status).toBe(200);
}

const toldClicker = async (pattern: RegExp) => {
  await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral" && c.args.user === CLICKER && pattern.test(String(c.args.text))));
};

describe("a click on a card a teammate overtook", () => {
  it("Send: nothing is sent and the clicker is told who replied", async () => {
    const { conversationId, draftId } = await postedDraft("notif_stale_send");
    await teammateReplies(conversationId);
    const res = await faq.h.send(buttonClick({ actionId: "faq_send", value: draftId, userId: CLICKER, channel: CHANNEL, messageTs: "1700000000.000100" }));
    expect(res.status).toBe(200);
    await faq.h.idle();
    await toldClicker(/^Not sent: .+ replied in Intercom on .+ UTC, after this draft was written\.$/);
    expect(faq.adminReplies(conversationId)).toHaveLength(1);
  });

  it("the Edit modal's submit: nothing is sent and the clicker is told", async () => {
    const { conversationId, draftId } = await postedDraft("notif_stale_edit");
    await teammateReplies(conversationId);
    const res = await faq.h.send(
      viewSubmission({
        callbackId: "faq_edit_submit",
        privateMetadata: draftId,
        userId: CLICKER,
        values: {
          faq_answer: { text: { type: "plain_text_input", value: "Open the app, then Card, then Change PIN." } },
          faq_close: { close: { type: "checkboxes", selected_options: [] } },
        },
      }),
    );
    expect(res.status).toBe(200);
    await faq.h.idle();
    await toldClicker(/^Not sent: .+ replied in Intercom/);
    expect(faq.adminReplies(conversationId)).toHaveLength(1);
  });
});
