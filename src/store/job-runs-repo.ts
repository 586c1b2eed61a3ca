/**
 * One row per job run. The UNIQUE (job, slot) constraint is the claim: whichever process inserts the row for a
 * scheduled time runs it, and every other process (or a second tick in the same one) sees it taken.
 */
import type Database from "better-sqlite3";
import type { Db } from "./database.js";

export type JobTrigger = "schedule" | "catch-up" | "manual";
export type JobRunStatus = "running" | "ok" | "failed" | "skipped";

export interface JobRun {
  id: number;
  job: string;
  /** The scheduled time the run is for, Unix ms. */
  slot: number;
  trigger: JobTrigger;
  status: JobRunStatus;
  summary?: string;
  error?: string;
  startedAt: number;
  finishedAt?: number;
}

/** What the scheduler needs from storage; a Postgres table with the same unique key can stand in. */
export interface JobSlotClaims {
  /** Inserts the run row for (job, slot); undefined when that slot is already taken. */
  claim(job: string, slot: number, trigger: JobTrigger, at: number, status?: JobRunStatus): number | undefined;
  finish(runId: number, outcome: { status: "ok" | "failed" | "skipped"; summary?: string; error?: string; at: number }): void;
  /** The newest run of a job by slot, of any trigger. */
  latest(job: string): JobRun | undefined;
  /** The newest slot that was scheduled or caught up (manual runs do not count as the schedule having run). */
  latestScheduledSlot(job: string): number | undefined;
  recent(job: string, limit: number): JobRun[];
  /** Whether the job ever ran here: a fresh install has nothing to catch up. */
  hasAnyRun(job: string): boolean;
}

interface Row {
  id: number;
  job: string;
  slot: number;
  trigger: JobTrigger;
  status: JobRunStatus;
  summary: string | null;
  error: string | null;
  started_at: number;
  finished_at: number | null;
}

const toRun = (row: Row): JobRun => ({
  id: row.id,
  job: row.job,
  slot: row.slot,
  trigger: row.trigger,
  status: row.status,
  summary: row.summary ?? undefined,
  error: row.error ?? undefined,
  startedAt: row.started_at,
  finishedAt: row.finished_at ?? undefined,
});

export class JobRunsRepo implements JobSlotClaims {
  private readonly insert: Database.Statement<[string, number, string, string, number]>;

  constructor(private readonly db: Db) {
    this.insert = db.prepare("INSERT INTO job_runs (job, slot, trigger, status, started_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(job, slot) DO NOTHING");
  }

  claim(job: string, slot: number, trigger: JobTrigger, at: number, status: JobRunStatus = "running"): number | undefined {
    const result = this.insert.run(job, slot, trigger, status, at);
    return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
  }

  finish(runId: number, outcome: { status: "ok" | "failed" | "skipped"; summary?: string; error?: string; at: number }): void {
    this.db
      .prepare("UPDATE job_runs SET status = ?, summary = ?, error = ?, finished_at = ? WHERE id = ?")
      .run(outcome.status, outcome.summary ?? null, outcome.error ?? null, outcome.at, runId);
  }

  latest(job: string): JobRun | undefined {
    const row = this.db.prepare("SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT 1").get(job) as Row | undefined;
    return row && toRun(row);
  }

  latestScheduledSlot(job: string): number | undefined {
    const row = this.db.prepare("SELECT MAX(slot) AS slot FROM job_runs WHERE job = ? AND trigger != 'manual'").get(job) as { slot: number | null };
    return row.slot ?? undefined;
  }

  recent(job: string, limit: number): JobRun[] {
    return (this.db.prepare("SELECT * FROM job_runs WHERE job = ? ORDER BY started_at DESC, id DESC LIMIT ?").all(job, limit) as Row[]).map(toRun);
  }

  hasAnyRun(job: string): boolean {
    return this.db.prepare("SELECT 1 FROM job_runs WHERE job = ? LIMIT 1").get(job) !== undefined;
  }
}
