/** `switchboard jobs list` and `switchboard jobs run NAME`: the scheduled jobs, their last and next runs. */
import type { Command } from "commander";
import type { Deps } from "../app.js";
import type { Scheduler } from "../scheduler/scheduler.js";
import type { CliContext } from "./context.js";

/**
 * With Slack configured, the app's own job list (the composition root builds it, without listening or timers),
 * so the CLI and the running app list and run the same jobs; without Slack, only the jobs that need none.
 */
async function withScheduler<T>(context: CliContext, work: (scheduler: Scheduler) => Promise<T>): Promise<T> {
  const config = context.loadConfig();
  if (config.slack.botToken && (config.slack.signingSecret || config.slack.appToken)) {
    const { createApp } = await import("../app.js");
    const app = await createApp(config, { scheduleJobs: false });
    try {
      return await work(app.scheduler);
    } finally {
      await app.stop();
    }
  }
  const [{ createDeps, closeDeps }, { buildCliJobs }] = await Promise.all([import("../app.js"), import("../scheduler/cli-scheduler.js")]);
  const deps: Deps = createDeps(config);
  try {
    console.error("Slack is not configured (SLACK_BOT_TOKEN), so only the jobs that need no Slack are here.");
    return await work(buildCliJobs(deps));
  } finally {
    await closeDeps(deps);
  }
}

export function registerJobsCommands(program: Command, context: CliContext): void {
  const jobs = program.command("jobs").description("The scheduled jobs: list them with their last and next runs, or run one now");

  jobs
    .command("list", { isDefault: true })
    .description("Each job's schedule (in words and cron), its last run with status and summary, and its next run")
    .option("--json", "print JSON instead of text")
    .action(async (options: { json?: boolean }) => {
      const { formatJobList } = await import("../scheduler/format-job-list.js");
      await withScheduler(context, async (scheduler) => {
        const now = Date.now();
        const listings = scheduler.list(now);
        console.log(options.json ? JSON.stringify(listings, null, 2) : formatJobList(listings, now).join("\n"));
      });
    });

  jobs
    .command("run <name>")
    .description("Run a job now; recorded like a scheduled run (trigger: manual)")
    .action(async (name: string) => {
      await withScheduler(context, async (scheduler) => {
        const started = Date.now();
        const outcome = await scheduler.runNow(name.trim());
        const took = `${Date.now() - started} ms`;
        if (outcome.status === "ok") console.log(`${outcome.job}: ok in ${took}: ${outcome.summary ?? "done"}`);
        else {
          console.log(`${outcome.job}: failed after ${took}: ${outcome.error ?? "no error was recorded"}`);
          process.exitCode = 1;
        }
      });
    });
}
