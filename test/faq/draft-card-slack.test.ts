/**
 * The FAQ draft card through the real app (a signed Intercom webhook, the emulator, Bolt, the fake Slack Web API
 * over HTTP): a customer whose message and name are full of Slack markup gets a card that shows their words as
 * they wrote them, pings nobody and links only the help center's article, once.
 */
import { describe, expect, it } from "vitest";
import type { SlackCall } from "../fakes/fake-slack-server.js";
import { waitFor } from "../inbox/helpers.js";
import { formattedTexts, literalTexts, richElementsOf } from "./draft-card-view.js";
import { useFaqSlackApp } from "./slack-app.js";

const faq = useFaqSlackApp("draft-card-slack-webhook-secret");

/** What the customer typed, and the HTML Intercom stores for it. */
const TYPED = "How do I change my PIN? *PIN* _change_ ~PIN~ `PIN` <!channel> <@U0CLICKER1> & PIN";
const STORED = `<p>${TYPED.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
const NAME = "<!here> *Jane* <@U0OTHER001> <https://evil.example|bank.com>";

describe("the draft card a hostile customer message produces", () => {
  it("shows the customer's words and name as written, mentions nobody, and links only the article, once", async () => {
    const conversation = await faq.deliverNewConversation("notif_draft_card_hostile", NAME, STORED);
    const row = () =>
      faq.h.deps.db.prepare("SELECT id, message_ts, question FROM faq_drafts WHERE conversation_id = ?").get(String(conversation.id)) as
        | { id: string; message_ts: string | null; question: string }
        | undefined;
    await waitFor(() => Boolean(row()?.message_ts), "the draft card to be posted");
    const { id, question } = row() as { id: string; question: string };
    expect(question).toBe(TYPED);
    const card = faq.h.slack.callsTo("chat.postMessage").find((c) => JSON.stringify(c.args.blocks ?? []).includes(id)) as SlackCall;

    expect(literalTexts(card.args.blocks)).toContain(TYPED);
    expect(literalTexts(card.args.blocks).join("")).toContain(NAME);
    const parsed = formattedTexts(card.args.blocks).join("\n");
    for (const bit of ["*PIN*", "_change_", "~PIN~", "`PIN`", "<!channel>", "<@U0CLICKER1>", "<!here>", "<@U0OTHER001>", "evil.example", "*Jane*"])
      expect(parsed).not.toContain(bit);
    // The notification text is mrkdwn too: escaped, so nothing in it pings anyone or links anywhere.
    for (const bit of ["<!channel>", "<@U0CLICKER1>", "<!here>", "<@U0OTHER001>", "<https://evil"]) expect(String(card.args.text)).not.toContain(bit);

    const elements = richElementsOf(card.args.blocks);
    expect(elements.filter((e) => ["user", "usergroup", "broadcast", "channel"].includes(e.type))).toEqual([]);
    const links = elements.filter((e) => e.type === "link");
    const pin = faq.h.deps.db.prepare("SELECT url FROM kb_articles WHERE title LIKE '%PIN%' AND visibility = 'public' ORDER BY id LIMIT 1").get() as {
      url: string;
    };
    expect(links.map((l) => l.url)).toContain(pin.url);
    const json = JSON.stringify(card.args.blocks);
    for (const link of links) expect(json.split(String(link.url)).length - 1).toBe(1);
  });
});
