import { afterEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/inbox/inbox.js";
import type { Inbox } from "../../src/inbox/types.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import type { InboxItem } from "../../src/workflows/contracts.js";
import { type TempDb, TestClock, tempDb } from "./helpers.js";

let temp: TempDb | undefined;
const inboxes: Inbox[] = [];
afterEach(async () => {
  for (const inbox of inboxes.splice(0)) await inbox.stop();
  temp?.cleanup();
  temp = undefined;
});

function setup(options: { maxAttempts?: number; concurrency?: number } = {}) {
  temp = tempDb();
  const clock = new TestClock();
  const queue = new SqliteInboxQueue(temp.db, options.maxAttempts ?? 3);
  const inbox = createInbox({ queue, maxAttempts: options.maxAttempts ?? 3, concurrency: options.concurrency, now: clock.now, timers: false });
  inboxes.push(inbox);
  return { inbox, queue, clock, db: temp.db };
}

const item = (topic: string, orderingKey?: string, payload: unknown = { n: 1 }) => ({ source: "intercom" as const, topic, payload, orderingKey });

describe("inbox: accept", () => {
  it("writes an item with its dedupe keys at once; any key seen before keeps the whole delivery out", async () => {
    const { inbox, db } = setup();
    const first = await inbox.accept(item("conversation.user.created"), ["a", "b"]);
    expect(first).toEqual({ accepted: true, id: "1" });
    expect(await inbox.accept(item("conversation.user.created"), ["b", "c"])).toEqual({ accepted: false, duplicateOf: "1" });
    // "c" was not recorded by the refused delivery: a later delivery with only "c" is new.
    expect(await inbox.accept(item("conversation.user.created"), ["c"])).toEqual({ accepted: true, id: "2" });
    expect(db.prepare("SELECT key, item_id FROM inbox_dedupe ORDER BY key").all()).toEqual([
      { key: "a", item_id: 1 },
      { key: "b", item_id: 1 },
      { key: "c", item_id: 2 },
    ]);
  });

  it("dedupes across two connections to one file (two processes)", async () => {
    const { inbox } = setup();
    const other = createInbox({ queue: new SqliteInboxQueue((temp as TempDb).open()), maxAttempts: 3, timers: false });
    const results = await Promise.all([inbox.accept(item("t"), ["k"]), other.accept(item("t"), ["k"]), other.accept(item("t"), ["k"])]);
    expect(results.filter((r) => r.accepted)).toHaveLength(1);
  });
});

describe("inbox: worker", () => {
  it("runs a registered handler once and marks the item done only after it resolved", async () => {
    const { inbox } = setup();
    const seen: InboxItem[] = [];
    let statusDuring = "";
    inbox.on("conversation.user.created", async (received) => {
      seen.push(received);
      statusDuring = (await inbox.get(received.id))?.status ?? "";
    });
    const { id } = (await inbox.accept(item("conversation.user.created", "conversation:1", { id: "1" }), ["x"])) as { id: string };
    await inbox.start();
    await inbox.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      id,
      source: "intercom",
      topic: "conversation.user.created",
      payload: { id: "1" },
      orderingKey: "conversation:1",
      attempt: 1,
    });
    expect(statusDuring).toBe("running");
    expect(await inbox.get(id)).toMatchObject({ status: "done", attempts: 1 });
  });

  it("finishes items nobody handles with a note, and says so for ping", async () => {
    const { inbox } = setup();
    await inbox.accept(item("ticket.created"), []);
    await inbox.accept(item("ping"), []);
    await inbox.start();
    await inbox.idle();
    const [ping, ticket] = await inbox.list();
    expect(ticket).toMatchObject({ status: "done", note: "no handler for ticket.created" });
    expect(ping).toMatchObject({ status: "done", note: expect.stringMatching(/^ping: /) });
  });

  it("keeps the notes handlers return on the finished item, joined when a topic has several", async () => {
    const { inbox } = setup();
    inbox.on("article.updated", async () => ({ note: "article 7 re-read: 0 new, 1 changed" }));
    inbox.on("article.updated", async () => undefined);
    inbox.on("article.updated", async () => ({ note: "second look: fine" }));
    inbox.on("article.deleted", async () => undefined);
    const { id } = (await inbox.accept(item("article.updated"), [])) as { id: string };
    const { id: quiet } = (await inbox.accept(item("article.deleted"), [])) as { id: string };
    await inbox.start();
    await inbox.idle();
    expect(await inbox.get(id)).toMatchObject({ status: "done", note: "article 7 re-read: 0 new, 1 changed; second look: fine" });
    expect((await inbox.get(quiet))?.note).toBeUndefined();
  });

  it("keeps arrival order within an ordering key and runs different keys in parallel, up to the bound", async () => {
    const { inbox } = setup({ concurrency: 2 });
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const gates = new Map<string, () => void>();
    inbox.on("t", async (received) => {
      const name = (received.payload as { name: string }).name;
      active += 1;
      maxActive = Math.max(maxActive, active);
      log.push(`start ${name}`);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      log.push(`end ${name}`);
      active -= 1;
    });
    for (const [name, key] of [
      ["a1", "A"],
      ["b1", "B"],
      ["a2", "A"],
      ["c1", "C"],
    ] as const)
      await inbox.accept(item("t", key, { name }), []);
    await inbox.start();
    expect(log).toEqual(["start a1", "start b1"]);
    gates.get("a1")?.();
    // a2 waits for a1 (same key), so the free slot goes to a2 only after a1 ended; c1 waits for room.
    await waitUntil(() => log.includes("start a2"));
    expect(log.indexOf("start a2")).toBeGreaterThan(log.indexOf("end a1"));
    gates.get("b1")?.();
    await waitUntil(() => log.includes("start c1"));
    gates.get("a2")?.();
    gates.get("c1")?.();
    await inbox.idle();
    expect(maxActive).toBe(2);
    expect((await inbox.counts()).done).toBe(4);
  });

  it("retries a throwing handler with exponential backoff, then parks it as failed with the last error", async () => {
    const { inbox, clock } = setup({ maxAttempts: 3 });
    const attempts: number[] = [];
    inbox.on("t", async (received) => {
      attempts.push(received.attempt);
      throw new Error(`boom ${received.attempt}`);
    });
    const { id } = (await inbox.accept(item("t", "k"), [])) as { id: string };
    await inbox.start();
    await inbox.idle();
    expect(attempts).toEqual([1]);
    expect(await inbox.get(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "boom 1", nextAttemptAt: clock.ms + 1000 });
    clock.advance(999);
    await inbox.idle();
    expect(attempts).toEqual([1]);
    clock.advance(1);
    await inbox.idle();
    expect(attempts).toEqual([1, 2]);
    clock.advance(2000);
    await inbox.idle();
    expect(attempts).toEqual([1, 2, 3]);
    expect(await inbox.get(id)).toMatchObject({ status: "failed", attempts: 3, lastError: "boom 3" });
    clock.advance(3_600_000);
    await inbox.idle();
    expect(attempts).toEqual([1, 2, 3]);

    // A person puts it back: a fresh budget, and the handler runs again.
    expect(await inbox.retry(id)).toBe(true);
    await inbox.idle();
    expect(attempts).toEqual([1, 2, 3, 1]);
    expect(await inbox.retry("999")).toBe(false);
  });

  it("does not run again a handler that already succeeded when another handler of the topic failed", async () => {
    const { inbox, clock } = setup();
    const calls: string[] = [];
    let failOnce = true;
    inbox.on("t", async () => {
      calls.push("faq");
    });
    inbox.on("t", async () => {
      calls.push("escalation");
      if (failOnce) {
        failOnce = false;
        throw new Error("Slack is down");
      }
    });
    const { id } = (await inbox.accept(item("t"), [])) as { id: string };
    await inbox.start();
    await inbox.idle();
    expect(await inbox.get(id)).toMatchObject({ status: "pending", lastError: "handler 2: Slack is down", handlersDone: [0] });
    clock.advance(1000);
    await inbox.idle();
    expect(calls).toEqual(["faq", "escalation", "escalation"]);
    expect(await inbox.get(id)).toMatchObject({ status: "done" });
  });

  it("picks up at start what a dead process left running, and parks one that has used up its attempts", async () => {
    const { queue, clock, db } = setup({ maxAttempts: 2 });
    await queue.accept(item("t", "k"), [], clock.now());
    await queue.accept(item("t", "other"), [], clock.now());
    // A process claims both and dies: rows stay "running". The second had already used its last attempt.
    await queue.claimDue(clock.now(), 10);
    db.prepare("UPDATE inbox_items SET attempts = 2 WHERE id = 2").run();
    const handled: string[] = [];
    const restarted = createInbox({ queue, maxAttempts: 2, now: clock.now, timers: false });
    inboxes.push(restarted);
    restarted.on("t", async (received) => {
      handled.push(`${received.id}@${received.attempt}`);
    });
    await restarted.start();
    await restarted.idle();
    expect(handled).toEqual(["1@2"]);
    expect(await restarted.get("1")).toMatchObject({ status: "done" });
    expect(await restarted.get("2")).toMatchObject({ status: "failed", lastError: expect.stringMatching(/^interrupted: /) });
  });

  it("drains on its own with timers: an accepted item is handled without anyone poking", async () => {
    temp = tempDb();
    const inbox = createInbox({ queue: new SqliteInboxQueue(temp.db), maxAttempts: 3, pollIntervalMs: 50 });
    inboxes.push(inbox);
    const seen: string[] = [];
    inbox.on("t", async (received) => {
      seen.push(received.id);
    });
    await inbox.start();
    await inbox.accept(item("t"), []);
    await waitUntil(() => seen.length === 1);
    // Written by another connection (a CLI process): found by the periodic look.
    const other = new SqliteInboxQueue(temp.open());
    await other.accept(item("t"), [], Date.now());
    await waitUntil(() => seen.length === 2);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  const { waitFor } = await import("./helpers.js");
  await waitFor(condition, "the inbox to get there");
}
