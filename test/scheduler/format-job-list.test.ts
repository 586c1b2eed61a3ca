import { describe, expect, it } from "vitest";
import { formatJobList } from "../../src/scheduler/format-job-list.js";
import type { JobListing } from "../../src/scheduler/scheduler.js";

const now = Date.parse("2026-11-25T10:00:20Z");
const listing = (overrides: Partial<JobListing>): JobListing => ({
  name: "intercom-poll",
  description: "Looks for changed conversations",
  cron: "* * * * *",
  schedule: "every minute",
  timezone: "UTC",
  nextRun: Date.parse("2026-11-25T10:01:00Z"),
  running: false,
  ...overrides,
});

describe("formatJobList", () => {
  it("shows the schedule in words and cron, the last run with its outcome, and the next run", () => {
    const lines = formatJobList(
      [
        listing({
          lastRun: {
            id: 1,
            job: "intercom-poll",
            slot: 0,
            trigger: "schedule",
            status: "ok",
            summary: "2 conversations changed",
            startedAt: Date.parse("2026-11-25T10:00:00Z"),
            finishedAt: Date.parse("2026-11-25T10:00:00.250Z"),
          },
        }),
        listing({ name: "digest", cron: "0 9 * * 1", schedule: "every Monday at 09:00 (UTC)", nextRun: Date.parse("2026-11-30T09:00:00Z") }),
      ],
      now,
    );
    expect(lines).toEqual([
      "intercom-poll: every minute * * * * *",
      "  Looks for changed conversations",
      "  last run: 2026-11-25 10:00 UTC: ok, took 250 ms: 2 conversations changed",
      "  next run: 2026-11-25 10:01 UTC (in 40 s)",
      "digest: every Monday at 09:00 (UTC) 0 9 * * 1",
      "  Looks for changed conversations",
      "  last run: never",
      "  next run: 2026-11-30 09:00 UTC (in 5 days)",
    ]);
  });

  it("escapes what a run wrote when asked to (Slack), and says when a run failed or is still going", () => {
    const escapeLt = (text: string) => text.replace(/</g, "&lt;");
    const failed = formatJobList(
      [
        listing({
          lastRun: {
            id: 2,
            job: "intercom-poll",
            slot: 0,
            trigger: "manual",
            status: "failed",
            error: "<!channel> boom",
            startedAt: now - 2000,
            finishedAt: now - 1000,
          },
        }),
      ],
      now,
      { escape: escapeLt, strong: (t) => `*${t}*`, code: (t) => `\`${t}\`` },
    );
    expect(failed[0]).toBe("*intercom-poll*: every minute `* * * * *`");
    expect(failed[2]).toBe("  last run: 2026-11-25 10:00 UTC (manual): failed, took 1 s: &lt;!channel> boom");
    const running = formatJobList(
      [listing({ running: true, lastRun: { id: 3, job: "intercom-poll", slot: 0, trigger: "schedule", status: "running", startedAt: now - 5000 } })],
      now,
    );
    expect(running[2]).toBe("  last run: running since 2026-11-25 10:00 UTC, 5 s so far");
    expect(running[3]).toMatch(/^ {2}next run: after the current run, /);
    expect(formatJobList([], now)).toEqual(["No jobs are configured."]);
  });
});
