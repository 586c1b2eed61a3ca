/**
 * The article re-sync as the real app wires it (createApp): a signed article notification at
 * POST /intercom/webhooks re-reads that one article into the app's knowledge base, with no channel needed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationEnvelope, signBody } from "../../src/emulator/webhooks.js";
import { createKnowledgeBase } from "../../src/kb/knowledge-base.js";
import { waitFor } from "../inbox/helpers.js";
import { type Harness, startHarness } from "../slack/harness.js";

const SECRET = "article-resync-app-secret";
const ARTICLE = "9800001";
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: { INTERCOM_CLIENT_SECRET: SECRET } });
  await h.app.jobs.run("kb-sync");
});
afterAll(async () => {
  await h?.close();
});

const searchIds = (text: string) =>
  createKnowledgeBase(h.deps.db)
    .searcher.search({ text, k: 5 })
    .map((hit) => hit.articleId);

describe("article notifications in the running app", () => {
  it("re-reads the named article through the inbox and the audited reads", async () => {
    expect(searchIds("platypus lanyard")).not.toContain(`article:${ARTICLE}`);
    const edited = await fetch(`${h.emulator?.url}/articles/${ARTICLE}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${h.emulator?.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ body: "<p>Every new card now comes on a platypus lanyard.</p>" }),
    });
    expect(edited.status).toBe(200);
    const raw = JSON.stringify(
      notificationEnvelope("article.updated", { type: "article", id: ARTICLE }, "app", "notif_app_article_1", Math.floor(Date.now() / 1000)),
    );
    const delivered = await fetch(h.url.replace("/slack/events", "/intercom/webhooks"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, SECRET) },
      body: raw,
    });
    expect(delivered.status).toBe(200);

    await waitFor(() => searchIds("platypus lanyard")[0] === `article:${ARTICLE}`, "the edited article to be searchable");
    const read = h.deps.stores.audit.recent({ limit: 50 }).find((r) => r.tool === "INTERCOM_RETRIEVE_AN_ARTICLE");
    expect(read).toMatchObject({ requesterSource: "webhook:kb-article", status: "ok", args: { article_id: ARTICLE } });
  });
});
