/**
 * The live claim: a Slack request accepted by this process is not run a second time by the worker while it is
 * worked on; a retry of it is dropped while it runs or once it is done, and takes it over when a dead process
 * left it unfinished; a failure goes back in line and is replayed by the worker.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createInbox } from "../../src/inbox/inbox.js";
import { openDatabase } from "../../src/store/database.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import { makeTempDir } from "../helpers/temp-dir.js";

let temp: ReturnType<typeof makeTempDir>;
let db: ReturnType<typeof openDatabase>;
beforeEach(() => {
  temp = makeTempDir("switchboard-live-inbox-");
  db = openDatabase(join(temp.dir, "inbox.db"));
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const item = { source: "slack" as const, topic: "slack.event", payload: { event_id: "Ev1" }, orderingKey: "slack:C1:1.1" };

function inboxAt(clock: { now: number }) {
  const queue = new SqliteInboxQueue(db, 3);
  return { queue, inbox: createInbox({ queue, maxAttempts: 3, timers: false, now: () => clock.now, backoff: () => 1000 }) };
}

describe("the live claim", () => {
  it("runs a live item once: the worker leaves it alone, a retry is dropped while it runs and after it is done", async () => {
    const clock = { now: 1_000 };
    const { inbox, queue } = inboxAt(clock);
    const runs: string[] = [];
    inbox.on("slack.event", async (i) => {
      runs.push(i.id);
    });
    await inbox.start();
    const accepted = await inbox.acceptLive(item, ["slack:event:Ev1"]);
    if (!accepted.accepted) throw new Error("not accepted");
    expect((await queue.get(accepted.id))?.status).toBe("running");
    expect(inbox.isLocal(accepted.id)).toBe(true);
    await inbox.idle();
    expect(runs).toEqual([]);

    expect(await inbox.attach(accepted.id)).toBe("busy");
    await inbox.finishLive(accepted.id);
    expect((await queue.get(accepted.id))?.status).toBe("done");
    expect(await inbox.attach(accepted.id)).toBe("done");
    await inbox.stop();
  });

  it("a failure goes back in line and the worker replays it; the last attempt parks it", async () => {
    const clock = { now: 1_000 };
    const { inbox, queue } = inboxAt(clock);
    const seen: number[] = [];
    inbox.on("slack.event", async (i) => {
      seen.push(i.attempt);
      throw new Error("Slack said no");
    });
    await inbox.start();
    const accepted = await inbox.acceptLive(item, ["slack:event:Ev1"]);
    if (!accepted.accepted) throw new Error("not accepted");
    await inbox.finishLive(accepted.id, new Error("the first try failed"));
    const back = await queue.get(accepted.id);
    expect(back?.status).toBe("pending");
    expect(back?.lastError).toContain("the first try failed");
    clock.now += 1_000;
    await inbox.idle();
    clock.now += 1_000;
    await inbox.idle();
    expect(seen).toEqual([2, 3]);
    expect((await queue.get(accepted.id))?.status).toBe("failed");
    expect(await inbox.attach(accepted.id)).toBe("parked");
    await inbox.stop();
  });

  it("a retry of an item a dead process left unfinished takes it over, once", async () => {
    const clock = { now: 1_000 };
    const first = inboxAt(clock);
    const accepted = await first.inbox.acceptLive(item, ["slack:event:Ev1"]);
    if (!accepted.accepted) throw new Error("not accepted");
    // The process dies here: the row stays running. A new process on the same file recovers it; the retry
    // arrives before its worker got to the item.
    const { inbox: second, queue } = inboxAt(clock);
    expect(await queue.recoverAbandoned(clock.now)).toBe(1);
    const duplicate = await second.acceptLive(item, ["slack:event:Ev1"]);
    expect(duplicate).toEqual({ accepted: false, duplicateOf: accepted.id });
    expect(await second.attach(accepted.id)).toBe("claimed");
    expect(await second.attach(accepted.id)).toBe("busy");
    await second.finishLive(accepted.id);
    expect(await queue.get(accepted.id)).toMatchObject({ status: "done", attempts: 2 });
  });
});
