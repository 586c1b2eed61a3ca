/**
 * The scheduler a CLI command needs: the platform's jobs over the CLI process's own database and Intercom
 * transport, without cron timers. The inbox here only accepts (the running app's worker drains it).
 */
import { platformJobs } from "../../jobs/index.js";
import type { Deps } from "../app.js";
import { createSqliteInbox } from "../inbox/sqlite-inbox.js";
import { createScheduler, type Scheduler } from "../scheduler/scheduler.js";
import { JobRunsRepo } from "../store/job-runs-repo.js";
import { SettingsRepo } from "../store/settings-repo.js";

export function buildCliJobs(deps: Deps): Scheduler {
  const { inbox, queue } = createSqliteInbox(deps.db, deps.config, { timers: false });
  const jobs = platformJobs({ config: deps.config, transport: deps.transport, inbox, queue, settings: new SettingsRepo(deps.db) });
  return createScheduler({ jobs, claims: new JobRunsRepo(deps.db), timezone: deps.config.jobs.timezone, useCron: false, logger: deps.logger });
}
