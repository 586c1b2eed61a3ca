/**
 * The playground in a real browser (Debian's Chromium through playwright-core), each test from a fresh start of
 * the whole demo: the page, the Slack stand-in, the real app in HTTP mode and the Intercom emulator.
 */
import { Resvg } from "@resvg/resvg-js";
import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/emulator/types.js";
import { callTool, ScriptedChatModel, say } from "../fakes/scripted-model.js";
import { browserSession, openChannel, screenshot, type TestPlayground, typeInComposer } from "./support.js";

const { start, open } = browserSession({ width: 1280, height: 800 }, 15_000);

const comments = (playground: TestPlayground, id: string) =>
  ((playground.emulator().state.get("conversations", id)?.conversation_parts?.conversation_parts ?? []) as Doc[]).filter((p) => p.part_type === "comment");

function openConversationId(playground: TestPlayground): { id: string; adminId: string } {
  const emulator = playground.emulator();
  const conversation = emulator.state.all("conversations").find((c: Doc) => c.state === "open");
  if (!conversation) throw new Error("the demo workspace has no open conversation");
  return { id: String(conversation.id), adminId: emulator.state.workspace.meAdminId };
}

/** A model that reads the conversation and proposes a customer reply, which needs a person's approval. */
function replyModel(target: { id: string; adminId: string }) {
  return new ScriptedChatModel([
    () => callTool("INTERCOM_GET_CONVERSATION", { conversation_id: target.id }),
    () =>
      callTool("INTERCOM_REPLY_TO_CONVERSATION", {
        conversation_id: target.id,
        message_type: "comment",
        type: "admin",
        admin_id: target.adminId,
        body: "Your refund is on its way.",
      }),
    say("The reply went out to the customer."),
  ]);
}

describe("the playground page", () => {
  it("loads, says it is a demo, shows #support, #product and the DM with the bot, and what a model would add", async () => {
    const pg = await start();
    const p = await open(pg);
    await expect(p.locator(".sidebar-item").allTextContents()).resolves.toEqual(["# support", "# product", "Switchboard"]);
    await expect(p.locator(".demo-tag").textContent()).resolves.toBe("Demo");
    await expect(p.locator("#model-banner").isVisible()).resolves.toBe(true);
    expect(await p.locator("#model-banner").textContent()).toContain("A model would add");
    expect(await p.locator(".channel-title").textContent()).toBe("# support");
    await openChannel(p, "product");
    await p.locator(".channel-title", { hasText: "# product" }).waitFor();
    expect(pg.url.startsWith("http://127.0.0.1:")).toBe(true);
  });

  it("/switchboard help answers with the usage, only for the person who asked", async () => {
    const pg = await start();
    const p = await open(pg);
    await typeInComposer(p, "/switchboard help");
    const reply = p.locator(".message.ephemeral", { hasText: "/switchboard ask" });
    await reply.waitFor();
    expect(await reply.locator(".only-you").textContent()).toBe("Only visible to you");
    expect(await reply.textContent()).toContain("/switchboard persona");
    await screenshot(p, "playground-help.png");
  });

  it("an @switchboard request that writes shows an approval card; Approve changes Intercom once and the card updates", async () => {
    const target = { id: "", adminId: "" };
    const pg = await start({ chatModel: () => replyModel(target) });
    Object.assign(target, openConversationId(pg));
    const before = comments(pg, target.id).length;
    const p = await open(pg);
    await typeInComposer(p, `@switchboard reply to conversation ${target.id} that the refund is on its way`);
    const mention = p.locator("#messages .message", { hasText: `reply to conversation ${target.id}` });
    await mention.locator(".mention", { hasText: "@Switchboard" }).waitFor();
    await mention.locator(".replies", { hasText: /repl(y|ies)$/ }).waitFor();
    await mention.locator(".replies").click();
    const pending = p.locator("#thread .message", { has: p.locator('button[data-action-id="approval_approve"]') });
    await pending.waitFor();
    // The card keeps its ts when the app updates it, while its wording changes: follow it by ts.
    const card = p.locator(`#thread .message[data-ts="${await pending.getAttribute("data-ts")}"]`);
    const approve = card.locator('button[data-action-id="approval_approve"]');
    expect(await card.locator("button.bk-primary").textContent()).toBe("Approve");
    expect(await card.locator("button.bk-danger").textContent()).toBe("Reject");
    expect(await card.textContent()).toContain("Your refund is on its way.");
    expect(comments(pg, target.id)).toHaveLength(before);
    await screenshot(p, "playground-approval.png");

    await approve.click();
    await card.locator("text=Approved by").waitFor();
    await p.locator("#thread .message", { hasText: "The reply went out to the customer." }).waitFor();
    expect(await card.locator('button[data-action-id="approval_approve"]').count()).toBe(0);
    const after = comments(pg, target.id);
    expect(after).toHaveLength(before + 1);
    expect(String(after.at(-1)?.body)).toContain("Your refund is on its way.");
  });

  it("Reject opens a modal with an input; the reason typed there reaches the app and the card says it was rejected", async () => {
    const target = { id: "", adminId: "" };
    const pg = await start({ chatModel: () => replyModel(target) });
    Object.assign(target, openConversationId(pg));
    const before = comments(pg, target.id).length;
    const p = await open(pg);
    await typeInComposer(p, `@switchboard reply to conversation ${target.id} that the refund is on its way`);
    const mention = p.locator("#messages .message", { hasText: `reply to conversation ${target.id}` });
    await mention.locator(".replies", { hasText: /repl(y|ies)$/ }).waitFor();
    await mention.locator(".replies").click();
    const pending = p.locator("#thread .message", { has: p.locator('button[data-action-id="approval_reject"]') });
    await pending.waitFor();
    const card = p.locator(`#thread .message[data-ts="${await pending.getAttribute("data-ts")}"]`);
    await card.locator('button[data-action-id="approval_reject"]').click();
    const modal = p.locator(".dialog.modal");
    await modal.waitFor();
    await modal.locator("textarea.bk-text-input").fill("Wrong customer");
    await modal.locator('[data-role="modal-submit"]').click();
    await modal.waitFor({ state: "detached" });
    await card.locator("text=Rejected by").waitFor();
    expect(await card.textContent()).toContain("Wrong customer");
    expect(comments(pg, target.id)).toHaveLength(before);
  });

  it("the App Home tab renders what the app publishes", async () => {
    const pg = await start();
    const p = await open(pg);
    await openChannel(p, "app");
    await p.locator('.tab[data-tab="home"]').click();
    const home = p.locator("#home-view");
    await home.locator('[data-block-type="header"]', { hasText: "Personas" }).waitFor();
    expect(await home.textContent()).toContain("Intercom");
    expect(await home.locator('[data-block-type="divider"]').count()).toBeGreaterThan(0);
    await screenshot(p, "playground-home.png");
  });

  it("draws every Block Kit block the app can send, with confirm dialogs, and shows unknown blocks as JSON", async () => {
    const pg = await start();
    const p = await open(pg);
    const client = new WebClient(pg.playground.botToken, { slackApiUrl: pg.playground.slackApiUrl, retryConfig: { retries: 0 } });
    await client.chat.postMessage({
      channel: pg.playground.workspace.supportChannel,
      text: "every block",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "A header" } },
        {
          type: "section",
          text: { type: "mrkdwn", text: "*bold* _italic_ ~gone~ `code` <https://example.com/a|a link> <@U0DEMOLEAD> <!here> &lt;script&gt;" },
          accessory: { type: "button", action_id: "side", text: { type: "plain_text", text: "Side" } },
          fields: [
            { type: "mrkdwn", text: "*Field one*" },
            { type: "plain_text", text: "Field two" },
          ],
        },
        { type: "divider" },
        {
          type: "actions",
          elements: [
            { type: "button", action_id: "go", style: "primary", text: { type: "plain_text", text: "Go" } },
            {
              type: "button",
              action_id: "stop",
              style: "danger",
              text: { type: "plain_text", text: "Stop" },
              confirm: {
                title: { type: "plain_text", text: "Really stop?" },
                text: { type: "mrkdwn", text: "This *stops* it." },
                confirm: { type: "plain_text", text: "Stop it" },
                deny: { type: "plain_text", text: "Keep going" },
              },
            },
            {
              type: "static_select",
              action_id: "pick",
              placeholder: { type: "plain_text", text: "Pick one" },
              options: [{ text: { type: "plain_text", text: "First" }, value: "1" }],
            },
          ],
        },
        { type: "context", elements: [{ type: "mrkdwn", text: "context line" }] },
        { type: "image", image_url: `${pg.url}playground.css`, alt_text: "a chart", title: { type: "plain_text", text: "Chart" } },
        {
          type: "rich_text",
          elements: [
            {
              type: "rich_text_section",
              elements: [
                { type: "text", text: "rich ", style: { bold: true } },
                { type: "link", url: "https://example.com/r", text: "rich link" },
              ],
            },
            { type: "rich_text_list", style: "bullet", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "item one" }] }] },
          ],
        },
        { type: "video", title: { type: "plain_text", text: "A video" } },
      ] as never,
    });
    const message = p.locator("#messages .message", { hasText: "A header" });
    await message.waitFor();
    expect(await message.locator(".bk-header").textContent()).toBe("A header");
    expect(await message.locator(".bk-section b").first().textContent()).toBe("bold");
    expect(await message.locator(".bk-section i").first().textContent()).toBe("italic");
    expect(await message.locator(".bk-section s").first().textContent()).toBe("gone");
    expect(await message.locator('.bk-section a[href="https://example.com/a"]').textContent()).toBe("a link");
    expect(await message.locator(".bk-section .mention").first().textContent()).toMatch(/^@/);
    expect(await message.locator(".special-mention").textContent()).toBe("@here");
    expect(await message.locator(".bk-section").first().textContent()).toContain("<script>");
    expect(await message.locator("script").count()).toBe(0);
    expect(await message.locator(".bk-fields .bk-field").count()).toBe(2);
    expect(await message.locator(".bk-divider").count()).toBe(1);
    expect(await message.locator("button.bk-primary").textContent()).toBe("Go");
    expect(await message.locator("select.bk-select option").allTextContents()).toEqual(["Pick one", "First"]);
    expect(await message.locator(".bk-context").textContent()).toBe("context line");
    expect(await message.locator(".bk-image img").getAttribute("alt")).toBe("a chart");
    expect(await message.locator(".bk-rich b, .bk-rich span[style*='700']").first().textContent()).toBe("rich ");
    expect(await message.locator('.bk-rich a[href="https://example.com/r"]').textContent()).toBe("rich link");
    expect(await message.locator(".bk-rich li").textContent()).toBe("item one");
    const unknown = message.locator(".unknown");
    expect(await unknown.textContent()).toContain('"type": "video"');

    await message.locator("button.bk-danger").click();
    const dialog = p.locator(".confirm-dialog");
    await dialog.waitFor();
    expect(await dialog.locator(".dialog-title").textContent()).toBe("Really stop?");
    expect(await dialog.locator("b").textContent()).toBe("stops");
    await dialog.locator('[data-role="confirm-deny"]').click();
    await dialog.waitFor({ state: "detached" });
  });

  it("shows a PNG the app uploads with the external upload flow (files.uploadV2), decoded in the page", async () => {
    const pg = await start();
    const p = await open(pg);
    await openChannel(p, "product");
    const png = Buffer.from(
      new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30" fill="#2eb67d"/></svg>').render().asPng(),
    );
    const client = new WebClient(pg.playground.botToken, { slackApiUrl: pg.playground.slackApiUrl, retryConfig: { retries: 0 } });
    await client.filesUploadV2({
      channel_id: pg.playground.workspace.productChannel,
      file: png,
      filename: "chart.png",
      title: "A chart",
      initial_comment: "Here is the chart",
    });
    const image = p.locator("#messages .message", { hasText: "Here is the chart" }).locator("img.file-image");
    await image.waitFor();
    // The page's own image element reports the decoded size: the bytes arrived and are a PNG.
    await p.waitForFunction((selector) => {
      const img = (
        globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }
      ).document.querySelector(selector);
      return Boolean(img?.complete && img.naturalWidth === 60);
    }, "img.file-image");
  });

  it("Reset the demo starts over: an empty page, a fresh Intercom workspace, and the app answering again", async () => {
    const pg = await start();
    const p = await open(pg);
    await p.locator("#demo-customer").click();
    await p.locator("#customer-text").fill("Where is my new card?");
    await p.locator("#customer-form button[type=submit]").click();
    await p.locator("#messages .message", { hasText: "Where is my new card?" }).first().waitFor();
    const firstEmulator = pg.emulator();
    const conversations = firstEmulator.state.count("conversations");

    await p.locator("#demo-reset").click();
    await p.locator("#demo-status", { hasText: "started over" }).waitFor();
    await p.locator("#messages .empty").waitFor();
    expect(pg.emulator()).not.toBe(firstEmulator);
    expect(pg.emulator().state.count("conversations")).toBe(conversations - 1);
    await typeInComposer(p, "/switchboard help");
    await p.locator(".message.ephemeral", { hasText: "/switchboard ask" }).waitFor();
  });
});
