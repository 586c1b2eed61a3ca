/**
 * Review of the FAQ draft card through the real app (signed Slack requests to Bolt's receiver, the fake Slack Web
 * API over HTTP, the emulator): Edit and its modal, clicks on a card whose draft is gone or already decided,
 * two decisions at once, and what the card shows of the customer.
 */
import { describe, expect, it } from "vitest";
import type { SlackCall } from "../fakes/fake-slack-server.js";
import { buttonClick, viewSubmission } from "../fakes/signed-request.js";
import { waitFor } from "../inbox/helpers.js";
import { formattedTexts, literalTexts, richElementsOf } from "./draft-card-view.js";
import { CHANNEL, CLICKER, OTHER, useFaqSlackApp } from "./slack-app.js";

const WEBHOOK_SECRET = "faq-review-webhook-secret";
type Doc = Record<string, unknown>;
const faq = useFaqSlackApp(WEBHOOK_SECRET);
const adminReplies = faq.adminReplies;

/** A customer asks in the emulator; Intercom's signed notification reaches the app; the card is posted. */
async function cardFor(notificationId: string, customerName?: string): Promise<{ conversationId: string; card: SlackCall; draftId: string }> {
  const conversation = await faq.deliverNewConversation(notificationId, customerName);
  const id = String(conversation.id);
  const row = () =>
    faq.h.deps.db.prepare("SELECT id, message_ts FROM faq_drafts WHERE conversation_id = ?").get(id) as { id: string; message_ts: string | null } | undefined;
  await waitFor(() => Boolean(row()?.message_ts), "the draft card to be posted");
  const draftId = (row() as { id: string }).id;
  const card = faq.h.slack.callsTo("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? []).includes(draftId)) as SlackCall;
  return { conversationId: id, card, draftId };
}
const click = (actionId: string, draftId: string, user: string) =>
  faq.h.send(buttonClick({ actionId, value: draftId, userId: user, channel: CHANNEL, messageTs: "1700000000.000100" }));
const submitEdit = (draftId: string, user: string, text: string, close = false) =>
  faq.h.send(
    viewSubmission({
      callbackId: "faq_edit_submit",
      privateMetadata: draftId,
      userId: user,
      values: {
        faq_answer: { text: { type: "plain_text_input", value: text } },
        faq_close: { close: { type: "checkboxes", selected_options: close ? [{ value: "close" }] : [] } },
      },
    }),
  );
const ephemeralsTo = (user: string) => faq.h.slack.callsTo("chat.postEphemeral").filter((c) => c.args.user === user);
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ");

describe("the Edit modal of an FAQ draft", () => {
  it("sent unchanged, the customer sees each source mark once, as a link", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_edit_1");
    expect((await click("faq_edit", draftId, CLICKER)).status).toBe(200);
    await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open" && (c.args.view as Doc).private_metadata === draftId));
    const view = faq.h.slack.callsTo("views.open").find((c) => (c.args.view as Doc).private_metadata === draftId)?.args.view as Doc;
    const input = (view.blocks as Doc[])[0] as Doc;
    const initial = String((input.element as Doc).initial_value);
    expect(initial).toContain("PIN");
    expect((await submitEdit(draftId, CLICKER, initial)).status).toBe(200);
    await faq.h.idle();
    await waitFor(() => adminReplies(conversationId).length === 1, "the reply in Intercom");
    const body = String(adminReplies(conversationId)[0]?.body);
    const [answer] = textOf(body).split("Sources:");
    expect(answer?.match(/\[1\]/g) ?? []).toHaveLength(1);
    expect(body).toMatch(/<a href="https:\/\/[^"]+">\[1\]<\/a>/);
  });

  it("an edit with HTML, script and Slack markup reaches Intercom as inert text", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_edit_2");
    const typed = 'Try <script>alert(1)</script> and <b onclick="x()">this</b> <!channel> <https://evil.example|here>.';
    expect((await submitEdit(draftId, CLICKER, typed)).status).toBe(200);
    await faq.h.idle();
    await waitFor(() => adminReplies(conversationId).length === 1, "the reply in Intercom");
    const body = String(adminReplies(conversationId)[0]?.body);
    expect(body).not.toMatch(/<script|<b |<!channel>|href="https:\/\/evil/);
    expect(body).toContain("&lt;script&gt;");
  });

  it("a whitespace-only edit is refused in the modal in plain words, and nothing is sent", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_edit_3");
    const res = await submitEdit(draftId, CLICKER, "  \n \n ");
    expect(await res.json()).toEqual({ response_action: "errors", errors: { faq_answer: "The answer cannot be empty." } });
    await faq.h.idle();
    expect(adminReplies(conversationId)).toHaveLength(0);
    expect(faq.h.deps.db.prepare("SELECT status FROM faq_drafts WHERE id = ?").get(draftId)).toEqual({ status: "pending" });
  });

  it("an edit left with only the source marks is refused in the modal, not replaced by the original answer", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_edit_5");
    const res = await submitEdit(draftId, CLICKER, " [1] ");
    expect(await res.json()).toEqual({ response_action: "errors", errors: { faq_answer: "The answer cannot be empty." } });
    await faq.h.idle();
    expect(adminReplies(conversationId)).toHaveLength(0);
    expect(faq.h.deps.db.prepare("SELECT status FROM faq_drafts WHERE id = ?").get(draftId)).toEqual({ status: "pending" });
  });

  it("submitted for a draft that no longer exists, the modal says so instead of closing in silence", async () => {
    const res = await submitEdit("no-such-draft", CLICKER, "Here is how.");
    const answer = (await res.json().catch(() => ({}))) as { response_action?: string; errors?: Record<string, string> };
    expect(answer.response_action).toBe("errors");
    expect(answer.errors?.faq_answer).toMatch(/no longer exists.*nothing was sent/i);
  });

  it("Edit on a card someone already sent tells the clicker who decided and what came of it", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_edit_4");
    await click("faq_send", draftId, CLICKER);
    await faq.h.idle();
    await waitFor(() => adminReplies(conversationId).length === 1, "the reply in Intercom");
    const before = ephemeralsTo(OTHER).length;
    await click("faq_edit", draftId, OTHER);
    await faq.h.slack.waitFor(() => ephemeralsTo(OTHER).length > before);
    const told = String(ephemeralsTo(OTHER).at(-1)?.args.text);
    expect(told).toContain(`<@${CLICKER}>`);
    expect(told).toContain("Sent to the customer");
    expect(faq.h.slack.callsTo("views.open").some((c) => (c.args.view as Doc).private_metadata === draftId)).toBe(false);
  });
});

describe("decisions on the card", () => {
  it("Send and Dismiss at the same moment: exactly one wins, and the other clicker is told who and what", async () => {
    const { conversationId, draftId } = await cardFor("notif_review_race");
    const [a, b] = await Promise.all([click("faq_send", draftId, CLICKER), click("faq_dismiss", draftId, OTHER)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await faq.h.idle();
    const row = () => faq.h.deps.db.prepare("SELECT status, decided_by FROM faq_drafts WHERE id = ?").get(draftId) as { status: string; decided_by: string };
    await waitFor(() => ["sent", "dismissed"].includes(row().status), "the decision to settle");
    const { status, decided_by: winner } = row();
    const loser = winner === CLICKER ? OTHER : CLICKER;
    expect(adminReplies(conversationId)).toHaveLength(status === "sent" ? 1 : 0);
    await faq.h.slack.waitFor(() => ephemeralsTo(loser).some((c) => String(c.args.text).includes(`<@${winner}>`)));
    expect(String(ephemeralsTo(loser).at(-1)?.args.text)).toContain(`<@${winner}>`);
  });

  it("a click on a card whose draft row is missing gets a plain answer, not a crash", async () => {
    expect((await click("faq_send", "gone-draft", CLICKER)).status).toBe(200);
    await faq.h.idle();
    await faq.h.slack.waitFor(() => ephemeralsTo(CLICKER).some((c) => String(c.args.text).includes("no longer exists")));
  });

  it("the card shows the customer's name and company, never an email, and customer markup stays inert", async () => {
    const { card } = await cardFor("notif_review_name", "<!channel> Jane <https://x.example|Doe> jane.doe@example.com");
    const blocks = JSON.stringify(card.args.blocks);
    expect(blocks).not.toContain("jane.doe@example.com");
    expect(String(card.args.text)).not.toContain("jane.doe@example.com");
    // Shown as the words they are, in rich text that Slack never parses: not in any mrkdwn, and no link made of it.
    expect(literalTexts(card.args.blocks).join("")).toContain("<!channel> Jane <https://x.example|Doe>");
    expect(formattedTexts(card.args.blocks).join("\n")).not.toMatch(/<!channel>|<https:\/\/x\.example/);
    expect(richElementsOf(card.args.blocks).some((e) => e.type === "link" && String(e.url).includes("x.example"))).toBe(false);
  });
});
