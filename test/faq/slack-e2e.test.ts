/**
 * The FAQ flow through the real app (createApp, Bolt's HTTP receiver, signed requests, the fake Slack Web API,
 * the emulator): a signed Intercom webhook puts a draft card in SWITCHBOARD_SUPPORT_CHANNEL, the card's Send
 * button puts exactly one reply in Intercom as the clicker's teammate, a second click changes nothing, and
 * `/switchboard faq <question>` answers in a thread with the article's link.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationEnvelope, signBody } from "../../src/emulator/webhooks.js";
import { FaqDraftsRepo } from "../../src/workflows/faq/drafts-repo.js";
import type { SlackCall } from "../fakes/fake-slack-server.js";
import { buttonClick, slashCommand } from "../fakes/signed-request.js";
import { waitFor } from "../inbox/helpers.js";
import { type Harness, startHarness } from "../slack/harness.js";

const CHANNEL = "C0SUPPORT1";
const WEBHOOK_SECRET = "faq-e2e-webhook-secret";
const CLICKER = "U0CLICKER1";
const OTHER = "U0OTHER001";

type Doc = Record<string, unknown>;
const users: Record<string, { email: string }> = {};
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { SWITCHBOARD_SUPPORT_CHANNEL: CHANNEL, INTERCOM_CLIENT_SECRET: WEBHOOK_SECRET }, fakeSlack: { users } });
  const admin = h.emulator?.state.all("admins")[0] as { email: string };
  users[CLICKER] = { email: admin.email };
  users[OTHER] = { email: admin.email };
  await h.app.jobs.run("kb-sync");
});
afterAll(async () => {
  await h?.close();
});

const webhookUrl = () => h.url.replace("/slack/events", "/intercom/webhooks");
const hasButton = (call: SlackCall, actionId: string) => JSON.stringify(call.args.blocks ?? []).includes(`"action_id":"${actionId}"`);
const buttonValue = (call: SlackCall, actionId: string): string => {
  const actions = (call.args.blocks as Doc[]).filter((b) => b.type === "actions").flatMap((b) => b.elements as Doc[]);
  return String(actions.find((e) => e.action_id === actionId)?.value);
};
const adminReplies = (conversationId: string) => {
  const conversation = h.emulator?.state.get("conversations", conversationId) as Doc | undefined;
  const parts = ((conversation?.conversation_parts as Doc | undefined)?.conversation_parts as Doc[] | undefined) ?? [];
  return parts.filter((p) => p.part_type === "comment" && (p.author as Doc | undefined)?.type === "admin");
};
/** A customer asks about their PIN in the emulator, and Intercom's signed notification reaches the app. */
const newConversationDelivered = async (notificationId: string): Promise<Doc> => {
  const conversation = h.emulator?.simulate("conversation", { body: "How do I change my PIN?" }) as Doc;
  const raw = JSON.stringify(notificationEnvelope("conversation.user.created", conversation, "app", notificationId, Math.floor(Date.now() / 1000)));
  const delivered = await fetch(webhookUrl(), {
    method: "POST",
    body: raw,
    headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, WEBHOOK_SECRET) },
  });
  expect(delivered.status).toBe(200);
  return conversation;
};
const pinArticleUrl = () => {
  const row = h.deps.db.prepare("SELECT url FROM kb_articles WHERE title LIKE '%PIN%' AND visibility = 'public' ORDER BY id LIMIT 1").get() as { url: string };
  return row.url;
};

describe("FAQ through the real app", () => {
  it("a webhook drafts a cited answer in the support channel; Send replies once, a second click changes nothing", async () => {
    const conversation = await newConversationDelivered("notif_faq_1");

    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage" && hasButton(c, "faq_send")));
    const card = h.slack.callsTo("chat.postMessage").find((c) => hasButton(c, "faq_send")) as SlackCall;
    expect(card.args.channel).toBe(CHANNEL);
    expect(JSON.stringify(card.args.blocks)).toContain(pinArticleUrl());
    expect(adminReplies(String(conversation.id))).toHaveLength(0);

    const click = (user: string) =>
      h.send(buttonClick({ actionId: "faq_send", value: buttonValue(card, "faq_send"), userId: user, channel: CHANNEL, messageTs: "1700000000.000100" }));
    expect((await click(CLICKER)).status).toBe(200);
    await h.idle();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.update" && JSON.stringify(c.args.blocks).includes("Sent to the customer")));
    const replies = adminReplies(String(conversation.id));
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.body)).toContain(`href="${pinArticleUrl()}"`);

    expect((await click(OTHER)).status).toBe(200);
    await h.idle();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postEphemeral" && c.args.user === OTHER));
    const told = h.slack.callsTo("chat.postEphemeral").find((c) => c.args.user === OTHER);
    expect(String(told?.args.text)).toContain(`<@${CLICKER}>`);
    expect(adminReplies(String(conversation.id))).toHaveLength(1);
  });

  it("/switchboard faq <question> answers the teammate in a thread, with the article's link", async () => {
    const res = await h.send(slashCommand({ text: "faq how do I change my PIN?", user_id: CLICKER, channel_id: "C0ASKER01" }, `${h.slack.baseUrl}/response`));
    expect(res.status).toBe(200);
    await h.idle();
    await h.slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage" && c.args.channel === "C0ASKER01" && c.args.thread_ts !== undefined));
    const answer = h.slack.callsTo("chat.postMessage").find((c) => c.args.channel === "C0ASKER01" && c.args.thread_ts !== undefined) as SlackCall;
    expect(String(answer.args.text)).toContain("Answer to:");
    expect(JSON.stringify(answer.args.blocks)).toContain(pinArticleUrl());
  });

  it("a Send claimed just before the process stopped is sent once by the next start, and the card says so", async () => {
    const conversation = await newConversationDelivered("notif_faq_restart");
    // h.deps changes with each restart (a new app on the same database file).
    const drafts = {
      get: (id: string) => new FaqDraftsRepo(h.deps.db).get(id),
      claim: (id: string, user: string) => new FaqDraftsRepo(h.deps.db).claim(id, "send", user),
    };
    const draftOf = () => h.deps.db.prepare("SELECT id FROM faq_drafts WHERE conversation_id = ?").get(String(conversation.id)) as { id: string } | undefined;
    await waitFor(() => drafts.get(draftOf()?.id ?? "")?.messageTs !== undefined, "the draft card to be posted");
    const id = (draftOf() as { id: string }).id;
    // The click's claim committed, then the process died before the reply was recorded or sent.
    expect(drafts.claim(id, CLICKER)).toBe(true);
    expect(adminReplies(String(conversation.id))).toHaveLength(0);

    await h.restart();
    await waitFor(() => drafts.get(id)?.status === "sent", "the interrupted send to be finished");
    expect(adminReplies(String(conversation.id))).toHaveLength(1);
    const updates = h.slack.callsTo("chat.update").filter((c) => JSON.stringify(c.args.blocks).includes("Sent to the customer"));
    expect(updates.length).toBeGreaterThanOrEqual(1);
  });
});
