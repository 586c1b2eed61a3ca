/**
 * The FAQ flow through the real app (createApp, Bolt's HTTP receiver, signed requests, the fake Slack Web API,
 * the emulator): a signed Intercom webhook puts a draft card in SWITCHBOARD_SUPPORT_CHANNEL, the card's Send
 * button puts exactly one reply in Intercom as the clicker's teammate, a second click changes nothing, and
 * `/switchboard faq <question>` answers in a thread with the article's link.
 */
import { describe, expect, it } from "vitest";
import { FaqDraftsRepo } from "../../src/workflows/faq/drafts-repo.js";
import type { SlackCall } from "../fakes/fake-slack-server.js";
import { buttonClick, slashCommand } from "../fakes/signed-request.js";
import { waitFor } from "../inbox/helpers.js";
import { CHANNEL, CLICKER, OTHER, useFaqSlackApp } from "./slack-app.js";

type Doc = Record<string, unknown>;
const WEBHOOK_SECRET = "faq-e2e-webhook-secret";
const faq = useFaqSlackApp(WEBHOOK_SECRET);
const adminReplies = faq.adminReplies;
const newConversationDelivered = (notificationId: string) => faq.deliverNewConversation(notificationId);

const hasButton = (call: SlackCall, actionId: string) => JSON.stringify(call.args.blocks ?? []).includes(`"action_id":"${actionId}"`);
const buttonValue = (call: SlackCall, actionId: string): string => {
  const actions = (call.args.blocks as Doc[]).filter((b) => b.type === "actions").flatMap((b) => b.elements as Doc[]);
  return String(actions.find((e) => e.action_id === actionId)?.value);
};
const pinArticleUrl = () => {
  const row = faq.h.deps.db.prepare("SELECT url FROM kb_articles WHERE title LIKE '%PIN%' AND visibility = 'public' ORDER BY id LIMIT 1").get() as {
    url: string;
  };
  return row.url;
};

describe("FAQ through the real app", () => {
  it("a webhook drafts a cited answer in the support channel; Send replies once, a second click changes nothing", async () => {
    const conversation = await newConversationDelivered("notif_faq_1");

    await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage" && hasButton(c, "faq_send")));
    const card = faq.h.slack.callsTo("chat.postMessage").find((c) => hasButton(c, "faq_send")) as SlackCall;
    expect(card.args.channel).toBe(CHANNEL);
    expect(JSON.stringify(card.args.blocks)).toContain(pinArticleUrl());
    expect(adminReplies(String(conversation.id))).toHaveLength(0);

    const click = (user: string) =>
      faq.h.send(buttonClick({ actionId: "faq_send", value: buttonValue(card, "faq_send"), userId: user, channel: CHANNEL, messageTs: "1700000000.000100" }));
    expect((await click(CLICKER)).status).toBe(200);
    await faq.h.idle();
    await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.update" && JSON.stringify(c.args.blocks).includes("Sent to the customer")));
    const replies = adminReplies(String(conversation.id));
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body)).toContain(`href="${pinArticleUrl()}"`);

    expect((await click(OTHER)).status).toBe(200);
    await faq.h.idle();
    await faq.h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral" && c.args.user === OTHER));
    const told = faq.h.slack.callsTo("chat.postEphemeral").find((c) => c.args.user === OTHER);
    expect(String(told?.args.text)).toContain(`<@${CLICKER}>`);
    expect(adminReplies(String(conversation.id))).toHaveLength(1);
  });

  it("/switchboard faq <question> answers the teammate in a thread, with the article's link", async () => {
    const res = await faq.h.send(
      slashCommand({ text: "faq how do I change my PIN?", user_id: CLICKER, channel_id: "C0ASKER01" }, `${faq.h.slack.baseUrl}/response`),
    );
    expect(res.status).toBe(200);
    await faq.h.idle();
    await faq.h.slack.waitFor((calls) =>
      calls.some((c) => c.method === "chat.postMessage" && c.args.channel === "C0ASKER01" && c.args.thread_ts !== undefined),
    );
    const answer = faq.h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === "C0ASKER01" && c.args.thread_ts !== undefined) as SlackCall;
    expect(String(answer.args.text)).toContain("Answer to:");
    expect(JSON.stringify(answer.args.blocks)).toContain(pinArticleUrl());
  });

  it("a Send claimed just before the process stopped is sent once by the next start, and the card says so", async () => {
    const conversation = await newConversationDelivered("notif_faq_restart");
    // faq.h.deps changes with each restart (a new app on the same database file).
    const drafts = {
      get: (id: string) => new FaqDraftsRepo(faq.h.deps.db).get(id),
      claim: (id: string, user: string) => new FaqDraftsRepo(faq.h.deps.db).claim(id, "send", user),
    };
    const draftOf = () =>
      faq.h.deps.db.prepare("SELECT id FROM faq_drafts WHERE conversation_id = ?").get(String(conversation.id)) as { id: string } | undefined;
    await waitFor(() => drafts.get(draftOf()?.id ?? "")?.messageTs !== undefined, "the draft card to be posted");
    const id = (draftOf() as { id: string }).id;
    // The click's claim committed, then the process died before the reply was recorded or sent.
    expect(drafts.claim(id, CLICKER)).toBe(true);
    expect(adminReplies(String(conversation.id))).toHaveLength(0);

    await faq.h.restart();
    await waitFor(() => drafts.get(id)?.status === "sent", "the interrupted send to be finished");
    expect(adminReplies(String(conversation.id))).toHaveLength(1);
    const updates = faq.h.slack.callsTo("chat.update").filter((c) => JSON.stringify(c.args.blocks).includes("Sent to the customer"));
    expect(updates.length).toBeGreaterThanOrEqual(1);
  });
});
