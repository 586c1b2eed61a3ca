/** `switchboard jobs list` and `switchboard jobs run NAME`: the scheduled jobs, their last and next runs. */
import type { Command } from "commander";
import type { Deps } from "../app.js";
import type { Scheduler } from "../scheduler/scheduler.js";
import type { CliContext } from "./context.js";

/** Builds the same jobs the app schedules, over this process's own connections, without starting timers. */
async function withScheduler<T>(context: CliContext, work: (scheduler: Scheduler) => Promise<T>): Promise<T> {
  const config = context.loadConfig();
  const [{ createDeps, closeDeps }, { buildCliJobs }] = await Promise.all([import("../app.js"), import("../scheduler/cli-scheduler.js")]);
  const deps: Deps = createDeps(config);
  try {
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
