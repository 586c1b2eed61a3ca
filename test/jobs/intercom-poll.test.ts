import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INBOX_PRUNE_JOB } from "../../jobs/inbox-prune.js";
import { platformJobs } from "../../jobs/index.js";
import { INTERCOM_POLL_JOB, POLL_CURSOR_SETTING } from "../../jobs/intercom-poll.js";
import { type RunningEmulator, startEmulator } from "../../src/emulator/server.js";
import { createInbox } from "../../src/inbox/inbox.js";
import { IntercomClient } from "../../src/intercom/client.js";
import { createScheduler } from "../../src/scheduler/scheduler.js";
import { SqliteInboxQueue } from "../../src/store/inbox-repo.js";
import { JobRunsRepo } from "../../src/store/job-runs-repo.js";
import { SettingsRepo } from "../../src/store/settings-repo.js";
import { ManualClock, smallWorkspace, TEST_NOW } from "../emulator/helpers.js";
import { type TempDb, tempDb } from "../inbox/helpers.js";

let temp: TempDb;
let emulator: RunningEmulator;
let emulatorClock: ManualClock;

beforeEach(async () => {
  temp = tempDb();
  emulatorClock = new ManualClock((TEST_NOW + 3600) * 1000);
  emulator = await startEmulator({ workspace: smallWorkspace(), clock: emulatorClock });
});
afterEach(async () => {
  await emulator.close();
  temp.cleanup();
});

function build(pollingActive: boolean) {
  const queue = new SqliteInboxQueue(temp.db);
  const inbox = createInbox({ queue, maxAttempts: 3, timers: false, now: emulatorClock.now.bind(emulatorClock) });
  const settings = new SettingsRepo(temp.db);
  const transport = new IntercomClient({ baseUrl: emulator.url, token: emulator.token, timeoutMs: 5000 });
  const jobs = platformJobs({
    config: { inbox: { maxAttempts: 3, polling: pollingActive ? "on" : "off", pollingActive } },
    transport,
    inbox,
    queue,
    settings,
    now: () => emulatorClock.now(),
  });
  const runs = new JobRunsRepo(temp.db);
  const scheduler = createScheduler({ jobs, claims: runs, timezone: "UTC", now: () => emulatorClock.now(), useCron: false });
  return { inbox, settings, scheduler, runs, jobs };
}

describe("the intercom-poll job", () => {
  it("is scheduled only when polling is active", () => {
    expect(build(true).jobs.map((j) => j.name)).toEqual([INTERCOM_POLL_JOB, INBOX_PRUNE_JOB]);
    expect(build(false).jobs.map((j) => j.name)).toEqual([INBOX_PRUNE_JOB]);
  });

  it("feeds new conversations and replies to the inbox each minute, from a cursor kept in settings", async () => {
    const { inbox, settings, scheduler, runs } = build(true);
    // First run: no cursor yet, so it looks back 15 minutes only, not at the whole history.
    const first = await scheduler.runNow(INTERCOM_POLL_JOB);
    expect(first.status).toBe("ok");
    expect(Number(settings.get(POLL_CURSOR_SETTING))).toBeGreaterThanOrEqual(TEST_NOW + 3600 - 900);
    const before = (await inbox.list({ limit: 500 })).length;

    emulatorClock.advance(120_000);
    const created = emulator.simulate("conversation", { body: "Where is my refund?" });
    emulatorClock.advance(30_000);
    emulator.simulate("reply", { conversationId: String(created.id), body: "Any news?" });
    const outcome = await scheduler.tick(emulatorClock.now() + 30_000);
    expect(outcome).toMatchObject([{ job: INTERCOM_POLL_JOB, status: "ok", summary: "1 conversation changed, 2 new to the inbox" }]);
    const items = (await inbox.list({ limit: 500 })).slice(0, -before || undefined);
    expect(items.map((i) => [i.source, i.topic, i.orderingKey])).toEqual([
      ["poll", "conversation.user.replied", `conversation:${created.id}`],
      ["poll", "conversation.user.created", `conversation:${created.id}`],
    ]);
    expect(Number(settings.get(POLL_CURSOR_SETTING))).toBe(TEST_NOW + 3600 + 150);
    expect(runs.latest(INTERCOM_POLL_JOB)).toMatchObject({ trigger: "schedule", status: "ok" });

    // Nothing new: the next minute reads the last second again (the cursor overlaps it) and finds the reply it had.
    const quiet = await scheduler.tick(emulatorClock.now() + 90_000);
    expect(quiet[0]?.summary).toBe("1 conversation changed, 0 new to the inbox, 1 already there");
  });

  it("records a failed poll when Intercom refuses, and keeps the cursor where it was", async () => {
    const { settings, scheduler } = build(true);
    settings.set(POLL_CURSOR_SETTING, String(TEST_NOW));
    emulator.setFaults({ serverErrorRate: 1 });
    const outcome = await scheduler.runNow(INTERCOM_POLL_JOB);
    expect(outcome.status).toBe("failed");
    expect(outcome.error).toMatch(/500|server/i);
    expect(settings.get(POLL_CURSOR_SETTING)).toBe(String(TEST_NOW));
  });
});
