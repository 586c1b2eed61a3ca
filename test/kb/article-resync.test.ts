/**
 * Article changes over loopback HTTP, end to end: the emulator's article API → its signed webhook → the real
 * webhook route → the SQLite inbox → the re-sync handler → a knowledge base opened on the same file the way
 * `switchboard kb search` opens it. No full sync runs after the first one.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { notificationEnvelope, signBody } from "../../src/emulator/webhooks.js";
import { createInbox } from "../../src/inbox/inbox.js";
import { createIntercomWebhookHandler, INTERCOM_WEBHOOK_PATH } from "../../src/inbox/intercom-webhook.js";
import { toNodeRoute } from "../../src/inbox/node-route.js";
import type { Inbox } from "../../src/inbox/types.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { registerArticleResync } from "../../src/kb/article-resync.js";
import { createKnowledgeBase, type KnowledgeBase } from "../../src/kb/knowledge-base.js";
import { syncKb } from "../../src/kb/sync.js";
import { AuditLog } from "../../src/store/audit-log.js";
import { openDatabase } from "../../src/store/database.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import { createAuditedReads } from "../../src/workflows/audited-reads.js";
import { createToolExecutor } from "../../tools/execute.js";
import { allTools } from "../../tools/index.js";
import { callOverHttp, ManualClock, smallWorkspace, TEST_NOW } from "../emulator/helpers.js";
import { type TempDb, tempDb, waitFor } from "../inbox/helpers.js";

const SECRET = "article-resync-webhook-secret";
const ARTICLE = "9800001";
const NEW_WORDS = "quokka marmalade";
type Doc = Record<string, unknown>;

let temp: TempDb;
let server: Server;
let url: string;
let inbox: Inbox;
let emulator: RunningEmulator;
let clock: ManualClock;
let kb: KnowledgeBase;
let audit: AuditLog;
const deliveries: { raw: Buffer; headers: IncomingHttpHeaders }[] = [];

beforeEach(async () => {
  deliveries.length = 0;
  temp = tempDb();
  inbox = createInbox({ queue: new SqliteInboxQueue(temp.db, 3), maxAttempts: 3, backoff: () => 0 });
  const route = toNodeRoute(createIntercomWebhookHandler({ inbox, clientSecret: SECRET }));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => deliveries.push({ raw: Buffer.concat(chunks), headers: req.headers }));
    route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${INTERCOM_WEBHOOK_PATH}`;
  clock = new ManualClock((TEST_NOW + 600) * 1000);
  emulator = await startEmulator({ workspace: smallWorkspace(), clock, webhookUrl: url, webhookSecret: SECRET });

  // A 429 must reach the handler (and the inbox's retry), not be retried away inside the client.
  const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, maxRetries: 0 });
  audit = new AuditLog(temp.db);
  const reads = createAuditedReads({ executor: createToolExecutor({ transport, tools: allTools }), audit, source: "webhook:kb-article", persona: "support" });
  kb = createKnowledgeBase(temp.db);
  await syncKb({ reads, index: kb.index, now: TEST_NOW + 600 });
  registerArticleResync(inbox, { reads, index: kb.index, now: () => Math.floor(clock.now() / 1000) });
  await inbox.start();
});

afterEach(async () => {
  await inbox.stop();
  await emulator.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  temp.cleanup();
});

const api = (method: string, path: string, body?: Doc) => callOverHttp(emulator, method, path, body);

/** What `switchboard kb search` would print: a knowledge base opened afresh on the database file. */
function searchIds(text: string): string[] {
  const db = openDatabase(temp.file);
  try {
    return createKnowledgeBase(db)
      .searcher.search({ text, k: 5 })
      .map((h) => h.articleId);
  } finally {
    db.close();
  }
}

/** Waits for every delivery the emulator sent, then for the inbox to finish what they stored. */
async function settle(): Promise<void> {
  await emulator.drainWebhooks();
  await waitFor(async () => {
    const counts = await inbox.counts();
    return counts.pending === 0 && counts.running === 0;
  }, "the inbox to finish the article notifications");
}

const auditedReads = (tool: string) => audit.recent({ limit: 1000 }).filter((r) => r.tool === tool);
const syncRuns = () => temp.db.prepare("SELECT COUNT(*) FROM kb_sync_runs").pluck().get() as number;

/** A word of the article's current body found in no other article, so a search for it can only mean this one. */
function uniqueWordOf(articleId: string): string {
  const words = (html: unknown) =>
    new Set(
      String(html ?? "")
        .replace(/<[^>]+>/g, " ")
        .toLowerCase()
        .match(/[a-z]{7,}/g) ?? [],
    );
  const others = new Set(
    emulator.state
      .all("articles")
      .filter((a) => String(a.id) !== articleId)
      .flatMap((a) => [...words(`${a.title} ${a.body}`)]),
  );
  const own = [...words(emulator.state.get("articles", articleId)?.body)].find((w) => !others.has(w));
  if (!own) throw new Error(`article ${articleId} has no word of its own`);
  return own;
}

describe("article notifications re-sync one article through the inbox", () => {
  it("an edited body is searchable within the same moment, the old text is gone, and no full sync ran", async () => {
    const oldWord = uniqueWordOf(ARTICLE);
    expect(searchIds(oldWord)[0]).toBe(`article:${ARTICLE}`);
    expect(searchIds(NEW_WORDS)).not.toContain(`article:${ARTICLE}`);

    clock.advance(60_000);
    const updated = await api("PUT", `/articles/${ARTICLE}`, {
      body: `<h2>Where is my card?</h2><p>Ask the ${NEW_WORDS} desk in the app to trace a card that has not arrived.</p>`,
    });
    expect(updated.status).toBe(200);
    await settle();

    expect(emulator.webhookDeliveries()).toEqual([expect.objectContaining({ topic: "article.updated", status: 200 })]);
    expect(await inbox.list()).toEqual([expect.objectContaining({ topic: "article.updated", status: "done", attempts: 1 })]);
    expect(searchIds(NEW_WORDS)[0]).toBe(`article:${ARTICLE}`);
    expect(searchIds(oldWord)).not.toContain(`article:${ARTICLE}`);
    expect(kb.index.article(`article:${ARTICLE}`)?.updatedAt).toBe(TEST_NOW + 660);
    // One article read, no list of every article, no sync run besides the first.
    expect(auditedReads("INTERCOM_RETRIEVE_AN_ARTICLE")).toHaveLength(1);
    expect(auditedReads("INTERCOM_LIST_ALL_ARTICLES")).toHaveLength(1);
    expect(syncRuns()).toBe(1);
  });

  it("a deleted article leaves the search, and the same notification delivered twice re-syncs once", async () => {
    const word = uniqueWordOf(ARTICLE);
    expect(searchIds(word)).toContain(`article:${ARTICLE}`);
    expect((await api("DELETE", `/articles/${ARTICLE}`)).status).toBe(200);
    await settle();
    expect(emulator.webhookDeliveries()).toEqual([expect.objectContaining({ topic: "article.deleted", status: 200 })]);
    expect(searchIds(word)).not.toContain(`article:${ARTICLE}`);
    expect(kb.index.article(`article:${ARTICLE}`)).toBeUndefined();

    // Intercom delivers the same notification again: the same bytes and signature.
    const [first] = deliveries;
    const again = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature": String(first?.headers["x-hub-signature"]) },
      body: first?.raw,
    });
    expect(await again.json()).toMatchObject({ ok: true, message: "already received" });
    await settle();
    expect(await inbox.list()).toHaveLength(1);
    expect(auditedReads("INTERCOM_RETRIEVE_AN_ARTICLE")).toHaveLength(1);
  });

  it("an unknown article id (404) is finished without a crash, recorded in the audit log, and changes nothing", async () => {
    const before = kb.index.idsOfSource("article").length;
    const raw = JSON.stringify(notificationEnvelope("article.updated", { type: "article", id: "9899999" }, "app", "notif_unknown_1", TEST_NOW + 600));
    const answer = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, SECRET) }, body: raw });
    expect(answer.status).toBe(200);
    await settle();

    // `switchboard inbox` says what became of it, not only that it is done.
    expect(await inbox.list()).toEqual([
      expect.objectContaining({
        topic: "article.updated",
        status: "done",
        attempts: 1,
        note: "article 9899999 is gone from Intercom (404): 0 new, 0 changed, 0 unchanged, 0 removed",
      }),
    ]);
    const reads = auditedReads("INTERCOM_RETRIEVE_AN_ARTICLE");
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ status: "failed", args: { article_id: "9899999" } });
    expect(kb.index.idsOfSource("article")).toHaveLength(before);
  });

  it("a draft is never indexed; publishing it indexes it, unpublishing removes it", async () => {
    const admin = emulator.state.all("admins")[0] as { id: string };
    const created = await api("POST", "/articles", {
      title: "Ordering a wombat-shaped card",
      body: `<p>The ${NEW_WORDS} card ships in a gift box.</p>`,
      author_id: Number(admin.id),
      state: "draft",
    });
    expect(created.status).toBe(200);
    const id = `article:${String(created.body.id)}`;
    await settle();
    expect(kb.index.article(id)).toBeUndefined();

    await api("PUT", `/articles/${String(created.body.id)}`, { state: "published" });
    await settle();
    expect(searchIds(NEW_WORDS)[0]).toBe(id);

    await api("PUT", `/articles/${String(created.body.id)}`, { state: "draft" });
    await settle();
    expect(searchIds(NEW_WORDS)).not.toContain(id);
    expect(emulator.webhookDeliveries().map((d) => d.topic)).toEqual(["article.created", "article.published", "article.unpublished"]);
  });

  it("a read that fails for a moment (429) is tried again by the inbox and then succeeds", async () => {
    // Edited in Intercom's own editor; the notification reaches us while Intercom is rate limiting.
    const stored = emulator.state.get("articles", ARTICLE) as Doc;
    stored.body = `<p>The ${NEW_WORDS} desk traces late cards.</p>`;
    emulator.setFaults({ rateLimitBurst: 1 });
    const raw = JSON.stringify(notificationEnvelope("article.updated", { type: "article", id: ARTICLE }, "app", "notif_busy_1", TEST_NOW + 600));
    await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-hub-signature": signBody(raw, SECRET) }, body: raw });
    await settle();

    expect(await inbox.list()).toEqual([expect.objectContaining({ topic: "article.updated", status: "done", attempts: 2 })]);
    const statuses = auditedReads("INTERCOM_RETRIEVE_AN_ARTICLE")
      .sort((a, b) => a.id - b.id)
      .map((r) => r.status);
    expect(statuses).toEqual(["failed", "ok"]);
    expect(searchIds(NEW_WORDS)[0]).toBe(`article:${ARTICLE}`);
  });
});
