/**
 * The demo buttons driving the three workflows, in a real browser, each from a fresh start. These depend on the
 * workflows (FAQ drafts: issue 11, escalation alerts: issue 12, weekly digest: issue 13) and on the platform's
 * Intercom webhook route (issue 9); they are written against the behaviour those issues describe, and fail with
 * a plain reason until that behaviour exists.
 */
import { describe, expect, it } from "vitest";
import type { Doc } from "../../src/emulator/types.js";
import { browserSession, screenshot, type TestPlayground } from "./support.js";

const LONG = { timeout: 30_000 };
const { start, open } = browserSession({ width: 1280, height: 900 });

const adminComments = (playground: TestPlayground, id: string) =>
  ((playground.emulator().state.get("conversations", id)?.conversation_parts?.conversation_parts ?? []) as Doc[]).filter(
    (p) => p.part_type === "comment" && p.author?.type === "admin",
  );

/** The app must take the emulator's signed webhook; without the route (issue 9) nothing downstream can happen. */
async function expectWebhookAccepted(playground: TestPlayground): Promise<void> {
  const emulator = playground.emulator();
  await emulator.drainWebhooks();
  const deliveries = emulator.webhookDeliveries();
  expect(deliveries.length, "the emulator sent no webhook").toBeGreaterThan(0);
  expect(deliveries.at(-1)?.status, "the app must accept signed Intercom webhooks at POST /intercom/webhooks (issue 9)").toBe(200);
}

describe("the demo buttons drive the workflows (pending on issues 9, 11, 12 and 13)", () => {
  it("a customer's question becomes a draft card with sources in #support; Send puts exactly one reply in Intercom", { timeout: 90_000 }, async () => {
    const pg = await start();
    const p = await open(pg);
    await p.locator("#demo-customer").click();
    await p.locator("#topic").selectOption("pin");
    await p.locator("#customer-form button[type=submit]").click();
    await p.locator("#demo-status", { hasText: "conversation" }).waitFor();
    const conversationId = /conversation (\d+)/.exec((await p.locator("#demo-status").textContent()) ?? "")?.[1];
    expect(conversationId).toBeDefined();
    await expectWebhookAccepted(pg);

    const draft = p.locator("#messages .message", { has: p.getByRole("button", { name: "Send", exact: true }) });
    await draft.waitFor(LONG);
    // The app updates the card in place (same ts) once it has decided: follow it by ts, not by its wording.
    const card = p.locator(`#messages .message[data-ts="${await draft.getAttribute("data-ts")}"]`);
    expect(await card.textContent()).toMatch(/PIN/i);
    expect(await card.locator('a[href*="/articles/"]').count(), "the draft cites help-center articles as links").toBeGreaterThan(0);
    for (const name of ["Edit", "Send & close", "Dismiss"]) expect(await card.getByRole("button", { name, exact: true }).count()).toBe(1);
    expect(adminComments(pg, conversationId!)).toHaveLength(0);
    await screenshot(p, "playground-faq-draft.png");

    await card.getByRole("button", { name: "Send", exact: true }).click();
    // The outcome comes from the executor: the card loses its buttons only once the write has been tried.
    await card.getByRole("button", { name: "Send", exact: true }).waitFor({ state: "detached", ...LONG });
    await card.locator(".edited").waitFor(LONG);
    const playground = pg;
    await expect.poll(() => adminComments(playground, conversationId!).length, LONG).toBeGreaterThan(0);
    await playground.app().app.idle(15_000);
    const replies = adminComments(pg, conversationId!);
    expect(replies).toHaveLength(1);
    expect(String(replies[0].body)).toMatch(/\/articles\//);
  });

  it("an angry reply brings an escalation alert with a briefing and Take it into #support", { timeout: 90_000 }, async () => {
    const pg = await start();
    const p = await open(pg);
    await p.locator("#demo-customer").click();
    await p.locator("#topic").selectOption("declined");
    await p.locator("#customer-form button[type=submit]").click();
    await p.locator("#demo-status", { hasText: "conversation" }).waitFor();
    await p.locator("#demo-angry").click();
    await p.locator("#demo-status", { hasText: "replied" }).waitFor();
    await expectWebhookAccepted(pg);
    const alert = p.locator("#messages .message", { has: p.getByRole("button", { name: "Take it", exact: true }) });
    await alert.waitFor(LONG);
    expect(await alert.textContent()).toMatch(/angry/i);
    await screenshot(p, "playground-escalation.png");
  });

  it("Run the weekly digest now posts the digest in #product with its chart image", { timeout: 120_000 }, async () => {
    const pg = await start({ conversations: 1000 });
    const p = await open(pg);
    await p.locator("#demo-digest").click();
    await p.locator(".channel-title", { hasText: "# product" }).waitFor();
    const images = "#messages .file-image, #messages .bk-image img, #thread .file-image, #thread .bk-image img";
    const thread = "#messages .message .replies:text-matches('[0-9]+ repl')";
    const refused = "#messages .message.ephemeral:has-text('is not a Switchboard command')";
    // One wait for whichever comes first: the chart, a thread holding the digest, or the app saying it has no digest.
    await p.locator(`${images}, ${thread}, ${refused}`).first().waitFor({ timeout: 60_000 });
    if ((await p.locator(refused).count()) > 0) throw new Error("The app has neither a digest job nor /switchboard themes yet (issue 13).");
    if ((await p.locator(images).count()) === 0) {
      await p.locator(thread).first().click();
      await p.locator(images).first().waitFor({ timeout: 60_000 });
    }
    const image = p.locator(images).first();
    const loaded = await image.evaluate((img) => {
      const png = img as unknown as { complete: boolean; naturalWidth: number };
      return png.complete && png.naturalWidth > 0;
    });
    expect(loaded, "the chart PNG is served and decodes").toBe(true);
    const digest = (await p.locator("#messages").textContent()) ?? "";
    expect(digest).toMatch(/Weekly themes/);
    expect(digest, "a week of demo conversations has themes").not.toMatch(/\b0 themes/);
    await image.scrollIntoViewIfNeeded();
    await screenshot(p, "playground-digest.png");
  });
});
