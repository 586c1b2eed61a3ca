/**
 * The Edit modal on a ticket's draft, through the real app (signed Intercom webhook, the emulator, Bolt, the fake
 * Slack Web API): a ticket is never closed from the card, so its modal offers no close, and a submission that
 * still asks for one (a modal opened from an older build) sends the reply and says the ticket was left as it was.
 */
import { describe, expect, it } from "vitest";
import { notificationEnvelope, signBody } from "../../src/emulator/webhooks.js";
import { FAQ_EDIT_CLOSE_BLOCK } from "../../src/slack/blocks/faq-edit-modal.js";
import { buttonClick, viewSubmission } from "../fakes/signed-request.js";
import { waitFor } from "../inbox/helpers.js";
import { shownText } from "./draft-card-view.js";
import { CHANNEL, CLICKER, useFaqSlackApp } from "./slack-app.js";

const WEBHOOK_SECRET = "card-followups-modal-secret";
type Doc = Record<string, unknown>;
const faq = useFaqSlackApp(WEBHOOK_SECRET);
const emulator = () => faq.h.emulator as NonNullable<typeof faq.h.emulator>;

type Row = { id: string; message_ts: string | null; status: string; outcome: string | null };
const rowOf = (conversationId: string, kind: "conversation" | "ticket") =>
  faq.h.deps.db.prepare("SELECT id, message_ts, status, outcome FROM faq_drafts WHERE conversation_id = ? AND kind = ?").get(conversationId, kind) as
    | Row
    | undefined;

async function deliverTicket(notificationId: string): Promise<Doc> {
  const ticket = emulator().simulate("ticket", { body: "How do I change my PIN?", title: "PIN" }) as Doc;
  const raw = JSON.stringify(notificationEnvelope("ticket.created", ticket, "app", notificationId, Math.floor(Date.now() / 1000)));
  const delivered = await fetch(faq.h.url.replace("/slack/events", "/intercom/webhooks"), {
    method: "POST",
    body: raw,
    headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, WEBHOOK_SECRET) },
  });
  expect(delivered.status).toBe(200);
  return ticket;
}

async function editModalFor(draftId: string): Promise<Doc> {
  const click = await faq.h.send(buttonClick({ actionId: "faq_edit", value: draftId, userId: CLICKER, channel: CHANNEL, messageTs: "1700000000.000200" }));
  expect(click.status).toBe(200);
  await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "views.open" && (c.args.view as Doc).private_metadata === draftId));
  return faq.h.slack.callsTo("views.open").find((c) => (c.args.view as Doc).private_metadata === draftId)?.args.view as Doc;
}

const blockIds = (view: Doc) => (view.blocks as Doc[]).map((b) => b.block_id);
const ticketState = (id: string) => (emulator().state.get("tickets", id) as { ticket_state?: unknown }).ticket_state;
const ticketReplies = (id: string) =>
  ((emulator().state.get("tickets", id) as { ticket_parts: { ticket_parts?: Doc[] } }).ticket_parts.ticket_parts ?? []).filter(
    (p) => p.part_type === "comment" && (p.author as Doc | undefined)?.type === "admin",
  );

describe("the Edit modal of a ticket's draft", () => {
  it("offers no close; a conversation's modal still does", async () => {
    const ticket = await deliverTicket("notif_followups_ticket_1");
    await waitFor(() => Boolean(rowOf(String(ticket.id), "ticket")?.message_ts), "the ticket's draft card");
    const ticketView = await editModalFor((rowOf(String(ticket.id), "ticket") as Row).id);
    expect(blockIds(ticketView)).not.toContain(FAQ_EDIT_CLOSE_BLOCK);
    expect(shownText(ticketView.blocks)).not.toMatch(/close/i);

    const conversation = await faq.deliverNewConversation("notif_followups_conv_1");
    await waitFor(() => Boolean(rowOf(String(conversation.id), "conversation")?.message_ts), "the conversation's draft card");
    const conversationView = await editModalFor((rowOf(String(conversation.id), "conversation") as Row).id);
    expect(blockIds(conversationView)).toContain(FAQ_EDIT_CLOSE_BLOCK);
  });

  it("a submission that still asks to close a ticket sends the reply once and never claims a close", async () => {
    const ticket = await deliverTicket("notif_followups_ticket_2");
    const id = String(ticket.id);
    await waitFor(() => Boolean(rowOf(id, "ticket")?.message_ts), "the ticket's draft card");
    const draftId = (rowOf(id, "ticket") as Row).id;
    const stateBefore = JSON.stringify(ticketState(id));
    const submitted = await faq.h.send(
      viewSubmission({
        callbackId: "faq_edit_submit",
        privateMetadata: draftId,
        userId: CLICKER,
        values: {
          faq_answer: { text: { type: "plain_text_input", value: "Open the app, then Card settings, then Change PIN." } },
          faq_close: { close: { type: "checkboxes", selected_options: [{ value: "close" }] } },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    await faq.h.idle();
    await waitFor(() => rowOf(id, "ticket")?.status === "sent", "the reply to be sent");
    expect(ticketReplies(id)).toHaveLength(1);
    expect(JSON.stringify(ticketState(id))).toBe(stateBefore);
    const row = rowOf(id, "ticket") as Row;
    expect(row.outcome).toMatch(/^Sent to the customer as .+\. The ticket was not closed/);
    expect(row.outcome).not.toMatch(/\b(is|was) closed\b|closed by/i);
    const updates = faq.h.slack.callsTo("chat.update").filter((c) => c.args.ts === row.message_ts);
    expect(shownText(updates.at(-1)?.args.blocks)).toContain("Sent to the customer");
    expect(shownText(updates.at(-1)?.args.blocks)).not.toMatch(/\b(is|was) closed\b|closed by/i);
  });
});
