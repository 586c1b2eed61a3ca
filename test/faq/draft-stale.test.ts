/**
 * A draft card overtaken in Intercom is not sent: a teammate's reply the customer can see, a close, or a
 * conversation that is gone. Checked by an audited read just before the click is claimed, on the real parts (the
 * emulator over HTTP, where the teammate replies and closes through the API; the fake Slack Web API; a SQLite file).
 */
import { describe, expect, it } from "vitest";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { decideDraft } from "../../src/workflows/faq/draft-decisions.js";
import { ownReplies, replyFingerprint, staleReason, staleWords } from "../../src/workflows/faq/draft-staleness.js";
import type { FaqDraft } from "../../src/workflows/faq/drafts-repo.js";
import { createFaqInboxHandler } from "../../src/workflows/faq/handle-inbound.js";
import { callOverHttp } from "../emulator/helpers.js";
import { adminReplies, CLICKER, type FaqWorld, OTHER, teammateWrites, useFaqWorld } from "./support.js";

type Doc = Record<string, unknown>;
const world = useFaqWorld();

let counter = 0;
const item = (payload: unknown, topic = "conversation.user.created"): InboxItem => ({
  id: `stale-${counter++}`,
  source: "intercom",
  topic,
  payload,
  receivedAt: 0,
  attempt: 1,
});
const lastUpdate = (w: FaqWorld) => JSON.stringify(w.slack.callsTo("chat.update").at(-1)?.args.blocks ?? []);

async function pendingDraft(): Promise<{ conversationId: string; draft: FaqDraft }> {
  const conversation = world.emulator.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
  await createFaqInboxHandler(world.deps)(item(conversation));
  const draft = world.deps.drafts.byMessageKey(`conversation:${conversation.id}:${(conversation.source as Doc).id}`) as FaqDraft;
  expect(draft.status).toBe("pending");
  return { conversationId: String(conversation.id), draft };
}

/** A teammate working in Intercom's inbox, through the emulator's API. */
const teammate = {
  reply: (conversationId: string, body: string, messageType: "comment" | "note" = "comment") =>
    teammateWrites(world.emulator, world.adminId, { conversationId }, body, messageType),
  assign: (conversationId: string) =>
    callOverHttp(world.emulator, "POST", `/conversations/${conversationId}/parts`, {
      message_type: "assignment",
      type: "admin",
      admin_id: world.adminId,
      assignee_id: world.adminId,
    }),
  close: (conversationId: string) =>
    callOverHttp(world.emulator, "POST", `/conversations/${conversationId}/parts`, { message_type: "close", type: "admin", admin_id: world.adminId }),
};
const adminName = () => (world.emulator.state.get("admins", world.adminId) as { name: string }).name;

describe("a draft overtaken in Intercom is not sent", () => {
  it("a teammate replied after the draft was written: Send sends nothing, the card and the clicker say who and when", async () => {
    const { conversationId, draft } = await pendingDraft();
    expect((await teammate.reply(conversationId, "Hi, I have reset your PIN for you.")).status).toBe(200);

    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result.kind).toBe("not_sent");
    const message = (result as { message: string }).message;
    expect(message).toMatch(
      new RegExp(`^Not sent: ${adminName()} replied in Intercom on \\d{4}-\\d{2}-\\d{2} at \\d{2}:\\d{2} UTC, after this draft was written\\.$`),
    );
    expect(adminReplies(world, conversationId)).toHaveLength(1);
    expect(world.deps.drafts.get(draft.id)).toMatchObject({ status: "dismissed", decidedBy: CLICKER, outcome: message });
    const card = lastUpdate(world);
    expect(card).toContain("Not sent:");
    expect(card).not.toContain(FAQ_ACTIONS.send);
    // The read that decided it is in the audit log, like any read a flow makes.
    expect(world.audit.recent({ limit: 5 }).some((r) => r.tool === "INTERCOM_GET_CONVERSATION" && (r.args as Doc).conversation_id === conversationId)).toBe(
      true,
    );

    const again = await decideDraft(world.deps, { draftId: draft.id, action: "send_close", slackUserId: OTHER });
    expect(again.kind).toBe("already");
    expect((again as { message: string }).message).toContain(`<@${CLICKER}>`);
    expect(adminReplies(world, conversationId)).toHaveLength(1);
  });

  it("an edited answer is not sent either once a teammate has replied", async () => {
    const { conversationId, draft } = await pendingDraft();
    await teammate.reply(conversationId, "Let me look into this for you.");
    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER, editedText: "Open the app, then Card, then PIN." });
    expect(result.kind).toBe("not_sent");
    expect(adminReplies(world, conversationId)).toHaveLength(1);
    expect(world.deps.drafts.get(draft.id)?.answerText).toBe(draft.answerText);
  });

  it("a note or an assignment is not a reply (the draft is sent), a close is (Send & close sends nothing)", async () => {
    const noted = await pendingDraft();
    await teammate.reply(noted.conversationId, "Customer called about this too.", "note");
    await teammate.assign(noted.conversationId);
    const sent = await decideDraft(world.deps, { draftId: noted.draft.id, action: "send", slackUserId: CLICKER });
    expect(sent.kind).toBe("decided");
    expect(world.deps.drafts.get(noted.draft.id)?.status).toBe("sent");
    expect(adminReplies(world, noted.conversationId)).toHaveLength(1);

    const closed = await pendingDraft();
    expect((await teammate.close(closed.conversationId)).status).toBe(200);
    const result = await decideDraft(world.deps, { draftId: closed.draft.id, action: "send_close", slackUserId: CLICKER });
    expect(result.kind).toBe("not_sent");
    expect((result as { message: string }).message).toMatch(/^Not sent: the conversation was closed in Intercom on .+ UTC, after this draft was written\.$/);
    expect(adminReplies(world, closed.conversationId)).toHaveLength(0);
    expect(world.deps.drafts.get(closed.draft.id)?.status).toBe("dismissed");
  });

  it("a conversation gone from Intercom (404): nothing sent, decided, and said so", async () => {
    const { conversationId, draft } = await pendingDraft();
    world.emulator.state.remove("conversations", conversationId);
    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result).toMatchObject({ kind: "not_sent", message: "Not sent: the conversation is gone from Intercom (it may have been deleted)." });
    expect(world.deps.drafts.get(draft.id)).toMatchObject({ status: "dismissed", decidedBy: CLICKER });
  });

  it("when Intercom cannot be read, nothing is sent, the draft stays open, and a later click sends it", async () => {
    const { conversationId, draft } = await pendingDraft();
    // The clicker's teammate is looked up (and cached) before Intercom starts failing, so only the check fails.
    expect(await world.deps.teammates.adminFor(CLICKER)).toBeDefined();
    world.emulator.setFaults({ serverErrorRate: 1 });
    let result: Awaited<ReturnType<typeof decideDraft>>;
    try {
      result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    } finally {
      world.emulator.resetFaults();
    }
    expect(result.kind).toBe("unchecked");
    expect((result as { message: string }).message).toMatch(
      /^Nothing was sent: Intercom could not be checked .+ The draft is still open; try again in a moment\.$/,
    );
    expect(world.deps.drafts.get(draft.id)).toMatchObject({ status: "pending" });
    expect(world.deps.drafts.get(draft.id)?.decidedBy).toBeUndefined();
    expect(adminReplies(world, conversationId)).toHaveLength(0);

    expect((await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER })).kind).toBe("decided");
    expect(adminReplies(world, conversationId)).toHaveLength(1);
  });
});

describe("a ticket's draft", () => {
  async function pendingTicketDraft(): Promise<{ ticketId: string; draft: FaqDraft }> {
    const ticket = world.emulator.simulate("ticket", { body: "How do I change my PIN?", title: "PIN" }) as Doc;
    await createFaqInboxHandler(world.deps)(item(ticket, "ticket.created"));
    const draft = world.deps.drafts.byMessageKey(`ticket:${ticket.id}`) as FaqDraft;
    expect(draft.status).toBe("pending");
    return { ticketId: String(ticket.id), draft };
  }
  const ticketReplies = (id: string) =>
    ((world.emulator.state.get("tickets", id) as { ticket_parts: { ticket_parts: Doc[] } }).ticket_parts.ticket_parts ?? []).filter(
      (p) => p.part_type === "comment" && (p.author as Doc).type === "admin",
    );

  it("is not sent after a teammate replied on the ticket", async () => {
    const { ticketId, draft } = await pendingTicketDraft();
    const replied = await teammateWrites(world.emulator, world.adminId, { ticketId }, "We are on it.");
    expect(replied.status).toBe(200);
    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result.kind).toBe("not_sent");
    expect((result as { message: string }).message).toContain(`${adminName()} replied in Intercom`);
    expect(ticketReplies(ticketId)).toHaveLength(1);
  });

  it("is not sent once the ticket is resolved", async () => {
    const { ticketId, draft } = await pendingTicketDraft();
    const ticket = world.emulator.state.get("tickets", ticketId) as { ticket_type: { ticket_states?: { data?: Doc[] } } };
    const states = ticket.ticket_type.ticket_states?.data?.length ? ticket.ticket_type.ticket_states.data : world.emulator.state.all("ticket_states");
    const resolved = states.find((s) => s.category === "resolved") as Doc;
    const put = await callOverHttp(world.emulator, "PUT", `/tickets/${ticketId}`, { ticket_state_id: String(resolved.id), admin_id: world.adminId });
    expect(put.status).toBe(200);
    const result = await decideDraft(world.deps, { draftId: draft.id, action: "send", slackUserId: CLICKER });
    expect(result).toMatchObject({ kind: "not_sent", message: "Not sent: the ticket is closed in Intercom." });
    expect(ticketReplies(ticketId)).toHaveLength(0);
  });
});

describe("staleReason, on Intercom's own shapes", () => {
  const part = (id: string, type: string, author: string, at: number, name = "Ana Lopez"): Doc => ({
    id,
    part_type: type,
    created_at: at,
    author: { type: author, name },
  });
  const conversation = (parts: Doc[], state = "open"): Doc => ({
    id: "5",
    state,
    source: { id: "src1" },
    conversation_parts: { conversation_parts: parts },
  });
  const draft = (messageKey: string, createdAtSeconds: number) => ({ kind: "conversation" as const, messageKey, createdAt: createdAtSeconds * 1000 + 400 });

  it("counts a reply in the same second as the draft, and one between the customer's message and the draft", () => {
    const sameSecond = staleReason(conversation([part("p1", "comment", "user", 90), part("p2", "comment", "admin", 100)]), draft("conversation:5:p1", 100));
    expect(sameSecond).toMatchObject({ kind: "teammate_replied", afterDraft: true });
    const before = staleReason(conversation([part("p1", "comment", "user", 90), part("p2", "quick_reply", "admin", 95)]), draft("conversation:5:p1", 100));
    expect(staleWords(before as NonNullable<typeof before>)).toBe(
      "Not sent: Ana Lopez replied in Intercom on 1970-01-01 at 00:01 UTC, after the customer's message.",
    );
  });

  it("ignores a bot, a note and a reply before the message; a thread that lost the message part goes by time", () => {
    const parts = [part("p0", "comment", "admin", 80), part("p1", "comment", "user", 90), part("p2", "note", "admin", 95), part("p3", "comment", "bot", 96)];
    expect(staleReason(conversation(parts), draft("conversation:5:p1", 100))).toBeUndefined();
    expect(staleReason(conversation([part("p9", "comment", "admin", 99)]), draft("conversation:5:gone", 100))).toBeUndefined();
    expect(staleReason(conversation([part("p9", "comment", "admin", 101)]), draft("conversation:5:gone", 100))).toMatchObject({ kind: "teammate_replied" });
    // The opening message (its key names the source) comes before every part.
    expect(staleReason(conversation([part("p9", "comment", "admin", 99)]), draft("conversation:5:src1", 100))).toMatchObject({ afterDraft: false });
  });

  it("are recognised by their words, whatever Intercom does to the links and the markup", () => {
    const sent =
      '<p>Open Cards &gt; Change PIN. <a href="https://help.example/pin#steps">[1]</a></p><p>Sources:</p><ol><li><a href="https://help.example/pin">Changing your PIN</a></li></ol>';
    const asStored =
      '<p>Open Cards &gt; Change PIN. <a href="https://help.example/pin#steps" rel="nofollow noopener" target="_blank">[1]</a></p>\n<p>Sources:</p><ol><li><a href="https://intercom.click/r?u=https%3A%2F%2Fhelp.example%2Fpin">Changing your PIN</a></li></ol>';
    expect(replyFingerprint(asStored)).toBe(replyFingerprint(sent));
    expect(replyFingerprint("<p>Open Cards, then Change PIN.</p>")).not.toBe(replyFingerprint(sent));
    const parts = [part("p1", "comment", "user", 90), { ...part("p2", "comment", "admin", 101), body: asStored }];
    expect(staleReason(conversation(parts), draft("conversation:5:p1", 100), ownReplies([sent]))).toBeUndefined();
    expect(staleReason(conversation(parts), draft("conversation:5:p1", 100))).toMatchObject({ kind: "teammate_replied" });
  });
});
