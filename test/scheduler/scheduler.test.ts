import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { createScheduler } from "../../src/scheduler/scheduler.js";
import { JobRunsRepo } from "../../src/store/job-runs-repo.js";
import type { JobContext, JobDefinition } from "../../src/workflows/contracts.js";
import { type TempDb, TestClock, tempDb, waitFor } from "../inbox/helpers.js";

let temp: TempDb | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

function countingJob(name: string, cron: string, runs: JobContext[], body?: (context: JobContext) => Promise<void>): JobDefinition {
  return {
    name,
    description: `test job ${name}`,
    cron,
    async run(context) {
      runs.push(context);
      await body?.(context);
      return { summary: `run ${runs.length}` };
    },
  };
}

const at = (iso: string) => Date.parse(iso);

describe("scheduler", () => {
  it("runs a job once for its slot, however many ticks fall inside it, and records the run", async () => {
    temp = tempDb();
    const clock = new TestClock(at("2026-11-25T10:05:10Z"));
    const runs: JobContext[] = [];
    const repo = new JobRunsRepo(temp.db);
    const scheduler = createScheduler({ jobs: [countingJob("sweep", "*/5 * * * *", runs)], claims: repo, timezone: "UTC", now: clock.now, useCron: false });
    const first = await scheduler.tick();
    clock.advance(20_000);
    const second = await scheduler.tick();
    expect(first.map((o) => o.status)).toEqual(["ok"]);
    expect(second.map((o) => o.status)).toEqual(["taken"]);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ slot: at("2026-11-25T10:05:00Z"), trigger: "schedule" });
    expect(repo.latest("sweep")).toMatchObject({ status: "ok", summary: "run 1", slot: at("2026-11-25T10:05:00Z"), trigger: "schedule" });
    clock.set("2026-11-25T10:10:01Z");
    await scheduler.tick();
    expect(runs.map((r) => new Date(r.slot).toISOString())).toEqual(["2026-11-25T10:05:00.000Z", "2026-11-25T10:10:00.000Z"]);
  });

  it("never runs one slot twice with two schedulers (two processes) on one database file", async () => {
    temp = tempDb();
    const clock = new TestClock(at("2026-11-25T10:00:00Z"));
    const runs: JobContext[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = countingJob("digest", "* * * * *", runs, () => gate);
    const a = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.db), timezone: "UTC", now: clock.now, useCron: false });
    const b = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.open()), timezone: "UTC", now: clock.now, useCron: false });
    const outcomes = Promise.all([a.tick(), b.tick(), b.tick(), a.tick()]);
    release();
    const statuses = (await outcomes).flat().map((o) => o.status);
    expect(statuses.filter((s) => s === "ok")).toHaveLength(1);
    expect(statuses.filter((s) => s === "taken").length + statuses.filter((s) => s === "skipped").length).toBe(3);
    expect(runs).toHaveLength(1);
    expect(temp.db.prepare("SELECT COUNT(*) AS n FROM job_runs WHERE job = 'digest' AND status = 'ok'").get()).toEqual({ n: 1 });
  });

  it("catches up only the latest slot missed while it was down, once, and nothing on a fresh install", async () => {
    temp = tempDb();
    const clock = new TestClock(at("2026-11-23T09:00:05Z"));
    const runs: JobContext[] = [];
    const job = countingJob("weekly", "0 9 * * *", runs);
    const fresh = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.db), timezone: "Europe/Dublin", now: clock.now, useCron: false });
    clock.set("2026-11-22T12:00:00Z");
    fresh.start();
    await fresh.idle();
    expect(runs).toHaveLength(0);
    clock.set("2026-11-23T09:00:05Z");
    await fresh.tick();
    await fresh.stop();
    expect(runs).toHaveLength(1);

    // Down for three days: the 24th, 25th and 26th at 09:00 were missed; only the 26th runs, as catch-up.
    clock.set("2026-11-26T15:30:00Z");
    const restarted = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.db), timezone: "Europe/Dublin", now: clock.now, useCron: false });
    const other = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.open()), timezone: "Europe/Dublin", now: clock.now, useCron: false });
    restarted.start();
    other.start();
    await Promise.all([restarted.idle(), other.idle()]);
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ slot: at("2026-11-26T09:00:00Z"), trigger: "catch-up" });

    const again = createScheduler({ jobs: [job], claims: new JobRunsRepo(temp.db), timezone: "Europe/Dublin", now: clock.now, useCron: false });
    again.start();
    await again.idle();
    expect(runs).toHaveLength(2);
  });

  it("computes slots in the configured time zone", async () => {
    temp = tempDb();
    const runs: JobContext[] = [];
    const clock = new TestClock(at("2026-11-25T14:00:30Z"));
    const scheduler = createScheduler({
      jobs: [countingJob("ny-morning", "0 9 * * *", runs)],
      claims: new JobRunsRepo(temp.db),
      timezone: "America/New_York",
      now: clock.now,
      useCron: false,
    });
    await scheduler.tick();
    expect(runs.map((r) => new Date(r.slot).toISOString())).toEqual(["2026-11-25T14:00:00.000Z"]);
    expect(scheduler.list()[0]?.nextRun).toBe(at("2026-11-26T14:00:00Z"));
  });

  it("does not overlap a job with itself: a slot that comes while it still runs is recorded as skipped", async () => {
    temp = tempDb();
    const clock = new TestClock(at("2026-11-25T10:00:00Z"));
    const runs: JobContext[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const repo = new JobRunsRepo(temp.db);
    const scheduler = createScheduler({
      jobs: [countingJob("slow", "* * * * *", runs, () => gate)],
      claims: repo,
      timezone: "UTC",
      now: clock.now,
      useCron: false,
    });
    const first = scheduler.tick();
    clock.advance(60_000);
    const second = await scheduler.tick();
    expect(second.map((o) => o.status)).toEqual(["skipped"]);
    await expect(scheduler.runNow("slow")).rejects.toThrow(/running right now/);
    release();
    await first;
    expect(runs).toHaveLength(1);
    expect(repo.recent("slow", 5).map((r) => r.status)).toEqual(["skipped", "ok"]);
  });

  it("runs a job on demand, recorded with trigger manual, and names the jobs when the name is wrong", async () => {
    temp = tempDb();
    const clock = new TestClock();
    const runs: JobContext[] = [];
    const repo = new JobRunsRepo(temp.db);
    const scheduler = createScheduler({ jobs: [countingJob("kb-sync", "0 * * * *", runs)], claims: repo, timezone: "UTC", now: clock.now, useCron: false });
    const outcome = await scheduler.runNow("kb-sync");
    expect(outcome).toMatchObject({ status: "ok", trigger: "manual", summary: "run 1" });
    await scheduler.runNow("kb-sync");
    expect(runs.map((r) => r.trigger)).toEqual(["manual", "manual"]);
    expect(repo.latest("kb-sync")).toMatchObject({ trigger: "manual", status: "ok" });
    const error = await scheduler.runNow("kb").catch((e: unknown) => e);
    expect(isAppError(error, "NOT_FOUND")).toBe(true);
    expect((error as Error).message).toBe('There is no job called "kb". Jobs: kb-sync.');
  });

  it("records a failing job as failed with its error, and keeps scheduling it", async () => {
    temp = tempDb();
    const clock = new TestClock(at("2026-11-25T10:00:00Z"));
    const repo = new JobRunsRepo(temp.db);
    const job: JobDefinition = {
      name: "broken",
      description: "fails",
      cron: "* * * * *",
      run: async () => {
        throw new Error("Intercom answered 500");
      },
    };
    const scheduler = createScheduler({ jobs: [job], claims: repo, timezone: "UTC", now: clock.now, useCron: false });
    expect((await scheduler.tick()).map((o) => o.status)).toEqual(["failed"]);
    expect(repo.latest("broken")).toMatchObject({ status: "failed", error: "Intercom answered 500" });
    clock.advance(60_000);
    expect((await scheduler.tick()).map((o) => o.status)).toEqual(["failed"]);
  });

  it("refuses a schedule node-cron cannot run, and duplicate names, before anything starts", () => {
    temp = tempDb();
    const repo = new JobRunsRepo(temp.db);
    const make = (jobs: JobDefinition[]) => () => createScheduler({ jobs, claims: repo, timezone: "UTC", useCron: false });
    expect(make([countingJob("bad", "99 99 * * *", [])])).toThrow(/The job "bad" has a schedule node-cron cannot run: "99 99 \* \* \*"/);
    expect(make([countingJob("a", "* * * * *", []), countingJob("a", "0 * * * *", [])])).toThrow(/Two jobs are called "a"/);
  });

  it("fires through node-cron's own timer and stops cleanly, aborting a running job", async () => {
    temp = tempDb();
    const repo = new JobRunsRepo(temp.db);
    const runs: JobContext[] = [];
    let aborted = false;
    const job = countingJob("every-second", "* * * * * *", runs, (context) => {
      if (runs.length < 2) return Promise.resolve();
      return new Promise<void>((resolve) => {
        context.signal.addEventListener("abort", () => {
          aborted = true;
          resolve();
        });
      });
    });
    const scheduler = createScheduler({ jobs: [job], claims: repo, timezone: "UTC" });
    scheduler.start();
    await waitFor(() => runs.length >= 2, "two runs from the cron timer, the second one waiting to be stopped");
    await scheduler.stop();
    expect(aborted).toBe(true);
    expect(runs.every((r) => r.trigger === "schedule")).toBe(true);
    const slots = runs.map((r) => r.slot);
    expect(new Set(slots).size).toBe(slots.length);
    expect(slots.every((s) => s % 1000 === 0)).toBe(true);
  });
});
