/**
 * Runs the jobs on their cron schedules (node-cron, in the configured time zone, no overlap), claims each
 * scheduled time once through a unique row (so two processes on one database never both run it), catches up the
 * latest slot missed while the process was down, and records every run. Time comes from an injected clock and
 * the cron timers only call `tick()`, so tests drive slots without waiting for real minutes.
 */
import { type ScheduledTask, schedule } from "node-cron";
import { AppError } from "../errors.js";
import { redactString } from "../redact.js";
import type { JobRun, JobSlotClaims, JobTrigger } from "../store/job-runs-repo.js";
import type { JobDefinition } from "../workflows/contracts.js";
import { type CronSlots, cronSlots, isValidCron } from "./cron-slots.js";
import { describeCron } from "./describe-cron.js";

const DAY = 86_400_000;

export interface SchedulerLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface SchedulerOptions {
  jobs: readonly JobDefinition[];
  claims: JobSlotClaims;
  timezone: string;
  now?: () => number;
  logger?: SchedulerLogger;
  /** A tick this late after its slot still runs it as scheduled (a busy machine); default 5 minutes. */
  lateToleranceMs?: number;
  /** How far back catch-up looks for a missed slot; default 35 days (covers a monthly job). */
  catchUpLookbackMs?: number;
  /** false: no node-cron timers; the caller drives `tick()` (tests, `switchboard jobs list`). Default true. */
  useCron?: boolean;
}

export interface JobRunOutcome {
  job: string;
  slot: number;
  trigger: JobTrigger;
  status: "ok" | "failed" | "skipped" | "taken";
  summary?: string;
  error?: string;
}

export interface JobListing {
  name: string;
  description: string;
  cron: string;
  /** The schedule in words, e.g. "every Monday at 09:00 (UTC)". */
  schedule: string;
  timezone: string;
  lastRun?: JobRun;
  nextRun?: number;
  running: boolean;
}

export interface Scheduler {
  /** Catches up missed slots (in the background) and starts the cron timers. */
  start(): void;
  /** Stops the timers, asks running jobs to stop (their signal aborts) and waits for them. */
  stop(): Promise<void>;
  /** Runs every job whose slot is due at `now`; what the cron timers call. Resolves when those runs end. */
  tick(now?: number): Promise<JobRunOutcome[]>;
  /** Runs a job now, recorded like a scheduled run with trigger "manual". */
  runNow(name: string): Promise<JobRunOutcome>;
  list(now?: number): JobListing[];
  /** Resolves once no run is in flight (catch-up included). */
  idle(): Promise<void>;
}

interface Entry {
  job: JobDefinition;
  slots: CronSlots;
}

const noLogger: SchedulerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Refuses a bad job list in plain words before anything is scheduled. */
function checkJobs(jobs: readonly JobDefinition[]): void {
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new AppError("CONFIG_INVALID", `Two jobs are called "${job.name}"; each job needs its own name.`);
    seen.add(job.name);
    if (!isValidCron(job.cron))
      throw new AppError(
        "CONFIG_INVALID",
        `The job "${job.name}" has a schedule node-cron cannot run: "${job.cron}". Use 5 or 6 fields, such as "0 9 * * 1" (Mondays at 09:00).`,
      );
  }
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  checkJobs(options.jobs);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? noLogger;
  const tolerance = options.lateToleranceMs ?? 5 * 60_000;
  const lookback = options.catchUpLookbackMs ?? 35 * DAY;
  const { claims } = options;
  const entries = new Map<string, Entry>(options.jobs.map((job) => [job.name, { job, slots: cronSlots(job.cron, options.timezone) }]));
  const running = new Map<string, AbortController>();
  const background = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = [];
  let stopped = false;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    background.add(promise);
    void promise.finally(() => background.delete(promise));
    return promise;
  };

  const execute = async (entry: Entry, slot: number, trigger: JobTrigger, runId: number): Promise<JobRunOutcome> => {
    const { job } = entry;
    const controller = new AbortController();
    // Marked running before the job starts, so even a job that fails synchronously cannot overlap itself.
    running.set(job.name, controller);
    const done = (async (): Promise<JobRunOutcome> => {
      logger.info({ job: job.name, slot: new Date(slot).toISOString(), trigger }, "Job started");
      try {
        const result = await job.run({ slot, trigger, signal: controller.signal });
        const summary = redactString(String(result?.summary ?? "done"));
        claims.finish(runId, { status: "ok", summary, at: now() });
        logger.info({ job: job.name, summary }, "Job finished");
        return { job: job.name, slot, trigger, status: "ok", summary };
      } catch (error) {
        const message = redactString(error instanceof AppError ? error.userMessage : ((error as Error)?.message ?? String(error)));
        claims.finish(runId, { status: "failed", error: message, at: now() });
        logger.error({ job: job.name, err: error }, "Job failed");
        return { job: job.name, slot, trigger, status: "failed", error: message };
      } finally {
        if (running.get(job.name) === controller) running.delete(job.name);
      }
    })();
    return track(done);
  };

  const runSlot = async (entry: Entry, slot: number, trigger: JobTrigger): Promise<JobRunOutcome> => {
    const name = entry.job.name;
    if (running.has(name)) {
      // No overlap: the slot is recorded as skipped, so catch-up never runs it later either.
      const id = claims.claim(name, slot, trigger, now(), "skipped");
      if (id !== undefined) claims.finish(id, { status: "skipped", summary: "the previous run was still going", at: now() });
      return { job: name, slot, trigger, status: id === undefined ? "taken" : "skipped" };
    }
    const runId = claims.claim(name, slot, trigger, now());
    if (runId === undefined) return { job: name, slot, trigger, status: "taken" };
    return execute(entry, slot, trigger, runId);
  };

  const tickEntry = (entry: Entry, at: number): Promise<JobRunOutcome> | undefined => {
    const slot = entry.slots.previous(at, tolerance);
    return slot === undefined ? undefined : runSlot(entry, slot, "schedule");
  };

  const catchUp = (at: number): Promise<JobRunOutcome>[] => {
    const started: Promise<JobRunOutcome>[] = [];
    for (const entry of entries.values()) {
      const name = entry.job.name;
      // A fresh install was never down: only a job that ran here before has slots to catch up.
      if (!claims.hasAnyRun(name)) continue;
      const missed = entry.slots.previous(at, lookback);
      const latest = claims.latestScheduledSlot(name);
      if (missed === undefined || (latest !== undefined && missed <= latest)) continue;
      started.push(runSlot(entry, missed, "catch-up"));
    }
    return started;
  };

  return {
    start() {
      stopped = false;
      const outcomes = catchUp(now());
      if (outcomes.length > 0) track(Promise.all(outcomes));
      if (options.useCron === false) return;
      for (const entry of entries.values()) {
        const task = schedule(
          entry.job.cron,
          (context) => {
            if (stopped) return;
            // The timer fires on the real clock; the slot is still computed through the injected one.
            return tickEntry(entry, Math.max(now(), context.date.getTime()));
          },
          { timezone: options.timezone, noOverlap: true, name: `switchboard:${entry.job.name}`, suppressMissedWarning: true },
        );
        tasks.push(task);
      }
    },

    async stop() {
      stopped = true;
      for (const task of tasks.splice(0)) await task.destroy();
      for (const controller of running.values()) controller.abort(new Error("Switchboard is stopping"));
      while (background.size > 0) await Promise.allSettled([...background]);
    },

    async tick(at = now()) {
      const started = [...entries.values()].map((entry) => tickEntry(entry, at)).filter((p): p is Promise<JobRunOutcome> => p !== undefined);
      return Promise.all(started);
    },

    async runNow(name) {
      const entry = entries.get(name);
      if (!entry) {
        const names = [...entries.keys()].join(", ") || "none are configured";
        throw new AppError("NOT_FOUND", `There is no job called "${name}". Jobs: ${names}.`);
      }
      if (running.has(name)) throw new AppError("USAGE", `The job "${name}" is running right now; try again when it has finished.`);
      let slot = now();
      // Two manual runs in the same millisecond would collide on (job, slot); the second takes the next one.
      for (;;) {
        const runId = claims.claim(name, slot, "manual", now());
        if (runId !== undefined) return execute(entry, slot, "manual", runId);
        slot += 1;
      }
    },

    list(at = now()) {
      return [...entries.values()].map(({ job, slots }) => ({
        name: job.name,
        description: job.description,
        cron: job.cron,
        schedule: describeCron(job.cron, options.timezone),
        timezone: options.timezone,
        lastRun: claims.latest(job.name),
        nextRun: slots.next(at),
        running: running.has(job.name),
      }));
    },

    async idle() {
      while (background.size > 0) await Promise.allSettled([...background]);
    },
  };
}
