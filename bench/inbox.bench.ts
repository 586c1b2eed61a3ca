/**
 * Inbox figures: how long persist-and-dedupe takes before an acknowledgement (accept p50/p99 on a real SQLite
 * file), how fast a signed Intercom webhook is answered over loopback HTTP, and how fast the worker drains
 * items across ordering keys with a trivial handler.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInbox } from "../src/inbox/inbox.js";
import { createIntercomWebhookHandler, intercomSignature } from "../src/inbox/intercom-webhook.js";
import { toNodeRoute } from "../src/inbox/node-route.js";
import { openDatabase } from "../src/store/database.js";
import { SqliteInboxQueue } from "../src/store/inbox-repo.js";

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const ms = (n: number) => `${n.toFixed(3)} ms`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "switchboard-inbox-bench-"));
  const db = openDatabase(join(dir, "bench.db"));
  try {
    const queue = new SqliteInboxQueue(db, 5);
    const inbox = createInbox({ queue, maxAttempts: 5, timers: false, concurrency: 8 });

    const accepts: number[] = [];
    const total = 3000;
    for (let i = 0; i < total; i += 1) {
      const started = performance.now();
      await inbox.accept(
        { source: "slack", topic: "slack.event", payload: { event_id: `Ev${i}`, text: "hello ".repeat(20) }, orderingKey: `slack:C1:${i % 50}` },
        [`slack:event:Ev${i}`, `slack:message:T1:C1:${i}`],
      );
      accepts.push(performance.now() - started);
    }
    let duplicates = 0;
    const dupStarted = performance.now();
    for (let i = 0; i < 500; i += 1)
      if (!(await inbox.accept({ source: "slack", topic: "slack.event", payload: {} }, [`slack:event:Ev${i}`])).accepted) duplicates += 1;
    const dupMs = (performance.now() - dupStarted) / 500;
    accepts.sort((a, b) => a - b);
    console.log(`accept (persist + dedupe, 2 keys, WAL file): p50 ${ms(percentile(accepts, 50))}, p99 ${ms(percentile(accepts, 99))} over ${total}`);
    console.log(`duplicate refused: ${duplicates}/500, ${ms(dupMs)} each`);

    let handled = 0;
    inbox.on("slack.event", async () => {
      handled += 1;
    });
    const drainStarted = performance.now();
    await inbox.start();
    await inbox.idle();
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    console.log(`drain: ${handled} items over 50 ordering keys, concurrency 8: ${(handled / drainSeconds).toFixed(0)} items/s`);
    await inbox.stop();

    const secret = "bench-secret";
    const webhookInbox = createInbox({ queue, maxAttempts: 5, timers: false });
    const server = createServer(toNodeRoute(createIntercomWebhookHandler({ inbox: webhookInbox, clientSecret: secret })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/intercom/webhooks`;
    const latencies: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const body = JSON.stringify({
        type: "notification_event",
        id: `notif_${i}`,
        topic: "conversation.user.created",
        data: { item: { id: String(i), conversation_parts: { conversation_parts: [] } } },
      });
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-hub-signature": intercomSignature(body, secret) },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      latencies.push(performance.now() - started);
    }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    latencies.sort((a, b) => a - b);
    console.log(
      `signed webhook → 200 over loopback HTTP (verify + persist): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))} over 500`,
    );
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
