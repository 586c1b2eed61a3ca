/**
 * End to end over loopback HTTP: the emulator's signed webhooks → the route on a real HTTP server → the SQLite
 * inbox → the handlers, with duplicates, forged signatures, a throwing handler, and the polling path alongside.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { formatInboxRows } from "../../src/inbox/format-inbox.js";
import { createInbox } from "../../src/inbox/inbox.js";
import { pollIntercomOnce } from "../../src/inbox/intercom-poller.js";
import { createIntercomWebhookHandler, INTERCOM_WEBHOOK_PATH, intercomSignature } from "../../src/inbox/intercom-webhook.js";
import { toNodeRoute } from "../../src/inbox/node-route.js";
import type { Inbox } from "../../src/inbox/types.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { ManualClock, smallWorkspace, TEST_NOW } from "../emulator/helpers.js";
import { type TempDb, TestClock, tempDb } from "./helpers.js";

const SECRET = "intercom-client-secret-for-tests";

interface Delivery {
  raw: Buffer;
  headers: IncomingHttpHeaders;
}

let temp: TempDb;
let inbox: Inbox;
let clock: TestClock;
let server: Server;
let url: string;
let emulator: RunningEmulator;
let emulatorClock: ManualClock;
const deliveries: Delivery[] = [];

async function listen(handler: ReturnType<typeof toNodeRoute>): Promise<{ server: Server; url: string }> {
  const s = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== INTERCOM_WEBHOOK_PATH) {
      res.writeHead(404).end();
      return;
    }
    // Keep the exact bytes of each delivery, to replay one byte for byte.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => deliveries.push({ raw: Buffer.concat(chunks), headers: req.headers }));
    handler(req, res);
  });
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}${INTERCOM_WEBHOOK_PATH}` };
}

const post = (body: string | Buffer, headers: Record<string, string>) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then(async (r) => ({
    status: r.status,
    body: await r.json(),
  }));

beforeEach(async () => {
  deliveries.length = 0;
  temp = tempDb();
  clock = new TestClock();
  inbox = createInbox({ queue: new SqliteInboxQueue(temp.db, 2), maxAttempts: 2, now: clock.now, timers: false });
  ({ server, url } = await listen(toNodeRoute(createIntercomWebhookHandler({ inbox, clientSecret: SECRET }))));
  emulatorClock = new ManualClock((TEST_NOW + 600) * 1000);
  emulator = await startEmulator({ workspace: smallWorkspace(), clock: emulatorClock, webhookUrl: url, webhookSecret: SECRET });
});

afterEach(async () => {
  await inbox.stop();
  await emulator.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  temp.cleanup();
});

describe("Intercom webhooks into the inbox", () => {
  it("stores a signed notification, answers 200, and runs the topic's handler once, duplicates included", async () => {
    const handled: InboxItem[] = [];
    inbox.on("conversation.user.created", async (item) => {
      handled.push(item);
    });
    const conversation = emulator.simulate("conversation", { body: "My card was declined" });
    await emulator.drainWebhooks();
    expect(emulator.webhookDeliveries().map((d) => d.status)).toEqual([200]);

    // Intercom delivers again (it did not see our answer): the same bytes, the same signature.
    const [first] = deliveries;
    const again = await post(first.raw, { "x-hub-signature": String(first.headers["x-hub-signature"]) });
    expect(again).toEqual({ status: 200, body: { ok: true, message: "already received", duplicateOf: "1" } });

    await inbox.start();
    await inbox.idle();
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({ source: "intercom", topic: "conversation.user.created", orderingKey: `conversation:${conversation.id}` });
    expect((handled[0].payload as { id: string; source: { body: string } }).source.body).toContain("My card was declined");
    expect(await inbox.counts()).toMatchObject({ done: 1, pending: 0 });
  });

  it("refuses forged or unsigned deliveries with 401, and every delivery when no client secret is set", async () => {
    const body = JSON.stringify({ type: "notification_event", id: "notif_x", topic: "conversation.user.created", data: { item: { id: "1" } } });
    expect((await post(body, { "x-hub-signature": intercomSignature(body, "not-the-secret") })).status).toBe(401);
    expect((await post(body, { "x-hub-signature": "sha1=abc" })).status).toBe(401);
    expect((await post(body, {})).status).toBe(401);
    const unsigned = createIntercomWebhookHandler({ inbox });
    const answer = await unsigned(body, { "x-hub-signature": intercomSignature(body, SECRET) });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/INTERCOM_CLIENT_SECRET is not configured/);
    expect(await inbox.list()).toEqual([]);
  });

  it("answers malformed JSON with 400 and a ping with 200 without storing either", async () => {
    const broken = "{not json";
    expect(await post(broken, { "x-hub-signature": intercomSignature(broken, SECRET) })).toMatchObject({
      status: 400,
      body: { message: "The body is not valid JSON." },
    });
    const ping = JSON.stringify({ type: "notification_event", id: "notif_ping", topic: "ping", data: { item: { type: "ping", message: "hi" } } });
    expect(await post(ping, { "x-hub-signature": intercomSignature(ping, SECRET) })).toMatchObject({ status: 200, body: { ok: true } });
    expect(await inbox.list()).toEqual([]);
  });

  it("retries a handler that throws, then parks the item as failed, visible in the inbox listing", async () => {
    let calls = 0;
    inbox.on("conversation.user.replied", async () => {
      calls += 1;
      throw new Error("the FAQ workflow could not reach Slack");
    });
    const conversation = emulator.simulate("conversation");
    emulator.simulate("reply", { conversationId: String(conversation.id), body: "Hello?" });
    await emulator.drainWebhooks();
    await inbox.start();
    await inbox.idle();
    expect(calls).toBe(1);
    clock.advance(1000);
    await inbox.idle();
    expect(calls).toBe(2);
    const failed = await inbox.list({ status: "failed" });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ topic: "conversation.user.replied", attempts: 2, lastError: "the FAQ workflow could not reach Slack" });
    const lines = formatInboxRows(await inbox.list(), clock.now());
    expect(lines.find((l) => l.includes("conversation.user.replied"))).toMatch(/failed +2 {2}error: the FAQ workflow could not reach Slack/);
    expect(lines.find((l) => l.includes("conversation.user.created"))).toMatch(/done .*no handler for conversation.user.created/);
  });

  it("hands the same change seen by webhook and by polling to the handlers once", async () => {
    const topics: string[] = [];
    for (const topic of ["conversation.user.created", "conversation.user.replied", "conversation.admin.closed"])
      inbox.on(topic, async (item) => {
        topics.push(`${item.topic} via ${item.source}`);
      });
    const conversation = emulator.simulate("conversation");
    emulator.simulate("reply", { conversationId: String(conversation.id), body: "Still there?" });
    await emulator.drainWebhooks();
    const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, timeoutMs: 5000 });
    let cursor: number | undefined = TEST_NOW + 600;
    const report = await pollIntercomOnce({ transport, inbox, cursor: { get: () => cursor, set: (v) => (cursor = v) } });
    expect(report).toMatchObject({ conversations: 1, accepted: 0, duplicates: 2 });

    // A change only the poll sees (the webhook receiver was down): it is new.
    await new Promise<void>((resolve) => server.close(() => resolve()));
    emulatorClock.advance(60_000);
    const admin = emulator.state.all("admins")[0];
    await fetch(`${emulator.url}/conversations/${conversation.id}/parts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ message_type: "close", type: "admin", admin_id: admin.id }),
    });
    await emulator.drainWebhooks();
    const second = await pollIntercomOnce({ transport, inbox, cursor: { get: () => cursor, set: (v) => (cursor = v) } });
    // The earlier changes of that second are read again (the cursor overlaps one second) and dedupe.
    expect(second).toMatchObject({ conversations: 1, accepted: 1, duplicates: 2 });
    expect(cursor).toBe(TEST_NOW + 660);
    ({ server, url } = await listen(toNodeRoute(createIntercomWebhookHandler({ inbox, clientSecret: SECRET }))));

    await inbox.start();
    await inbox.idle();
    expect(topics).toEqual(["conversation.user.created via intercom", "conversation.user.replied via intercom", "conversation.admin.closed via poll"]);
  });
});
