/**
 * Review: the playground draws the FAQ draft card as Slack does. Its customer words are rich-text elements, and
 * Slack shows a line break inside one as a line break: a customer's paragraphs must not run together on the page.
 */
import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { buildFaqDraftCard } from "../../src/slack/blocks/faq-draft-card.js";
import { browserSession } from "./support.js";

const { start, open } = browserSession({ width: 1280, height: 800 }, 15_000);

describe("the playground's rich text", () => {
  it("keeps the line breaks of a customer's message on the FAQ draft card (quote, section and numbered sources)", async () => {
    const pg = await start();
    const p = await open(pg);
    const client = new WebClient(pg.playground.botToken, { slackApiUrl: pg.playground.slackApiUrl, retryConfig: { retries: 0 } });
    const blocks = buildFaqDraftCard({
      draftId: "d-review",
      customerName: "Ann Lee",
      question: "Hi there,\n\nHow do I change my PIN?\nThanks, Ann",
      answerText: "Open Settings.\nThen choose PIN.",
      citations: [{ number: 1, articleId: "a1", title: "Changing your PIN", url: "https://help.example.com/pin" }],
      confidence: 0.8,
      status: "pending",
    });
    await client.chat.postMessage({ channel: pg.playground.workspace.supportChannel, text: "FAQ draft for Ann Lee", blocks: blocks as never });
    const message = p.locator("#messages .message", { hasText: "How do I change my PIN?" });
    await message.waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the line breaks as rendered (CSS) are what is checked
    expect(await message.locator(".bk-rich blockquote").innerText()).toBe("Hi there,\n\nHow do I change my PIN?\nThanks, Ann");
    // biome-ignore lint/performance/useDomNodeTextContent: the line breaks as rendered (CSS) are what is checked
    expect(await message.locator(".bk-rich .rich-section", { hasText: "Proposed answer" }).innerText()).toBe(
      "Proposed answer: Open Settings.\nThen choose PIN.",
    );
    expect(await message.locator('.bk-rich ol li a[href="https://help.example.com/pin"]').textContent()).toBe("Changing your PIN");
  });
});
