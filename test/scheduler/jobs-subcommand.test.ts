import { describe, expect, it } from "vitest";
import type { SubcommandInput } from "../../listeners/commands/subcommand.js";
import { createJobsSubcommand, jobsBlocks } from "../../listeners/commands/subcommands/jobs.js";
import type { JobListing } from "../../src/scheduler/scheduler.js";

const now = Date.parse("2026-11-25T10:00:00Z");
const listing: JobListing = {
  name: "intercom-poll",
  description: "Looks for changed conversations",
  cron: "* * * * *",
  schedule: "every minute",
  timezone: "UTC",
  nextRun: now + 60_000,
  running: false,
  lastRun: {
    id: 1,
    job: "intercom-poll",
    slot: now,
    trigger: "schedule",
    status: "failed",
    error: "<@U123> & <!here>",
    startedAt: now - 60_000,
    finishedAt: now - 59_000,
  },
};

describe("/switchboard jobs", () => {
  it("shows the same list as the CLI, in mrkdwn, with what a run wrote escaped", () => {
    const { text, blocks } = jobsBlocks([listing], now);
    expect(text).toBe("1 scheduled job");
    expect(blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: [
            "*intercom-poll*: every minute `* * * * *`",
            "  Looks for changed conversations",
            "  last run: 2026-11-25 09:59 UTC: failed, took 1 s: &lt;@U123&gt; &amp; &lt;!here&gt;",
            "  next run: 2026-11-25 10:01 UTC (in 1 min)",
          ].join("\n"),
        },
      },
    ]);
  });

  it("answers only the person who asked", async () => {
    const acks: unknown[] = [];
    const input = { rest: "", args: { ack: async (message: unknown) => void acks.push(message) } } as unknown as SubcommandInput;
    await createJobsSubcommand({ list: () => [] }, () => now)(input);
    expect(acks).toEqual([
      { response_type: "ephemeral", text: "0 scheduled jobs", blocks: [{ type: "section", text: { type: "mrkdwn", text: "No jobs are configured." } }] },
    ]);
  });
});
