/**
 * The job list as lines of text, shared by `switchboard jobs list` (plain) and `/switchboard jobs` (Slack
 * mrkdwn, where the caller passes Slack's escaping so a run's summary or error cannot become markup).
 */
import type { JobRun } from "../store/job-runs-repo.js";
import type { JobListing } from "./scheduler.js";

export interface JobListStyle {
  /** Escapes text that came from a run (summaries, errors); identity for a terminal. */
  escape?: (text: string) => string;
  /** Wraps a job name; "*x*" in Slack, plain in a terminal. */
  strong?: (text: string) => string;
  /** Wraps a cron expression; backticks in Slack. */
  code?: (text: string) => string;
}

const identity = (text: string) => text;

export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

function describeRun(run: JobRun, now: number, escapeText: (text: string) => string): string {
  const trigger = run.trigger === "schedule" ? "" : ` (${run.trigger})`;
  const when = `${formatTime(run.startedAt)}${trigger}`;
  if (run.status === "running") return `running since ${when}, ${formatDuration(now - run.startedAt)} so far`;
  const took = run.finishedAt !== undefined ? `, took ${formatDuration(run.finishedAt - run.startedAt)}` : "";
  if (run.status === "failed") return `${when}: failed${took}: ${escapeText(run.error ?? "no error was recorded")}`;
  if (run.status === "skipped") return `${when}: skipped, the previous run was still going`;
  return `${when}: ok${took}: ${escapeText(run.summary ?? "done")}`;
}

export function formatJobList(listings: readonly JobListing[], now: number, style: JobListStyle = {}): string[] {
  const escapeText = style.escape ?? identity;
  const strong = style.strong ?? identity;
  const code = style.code ?? identity;
  if (listings.length === 0) return ["No jobs are configured."];
  const lines: string[] = [];
  for (const job of listings) {
    lines.push(`${strong(job.name)}: ${job.schedule} ${code(job.cron)}`);
    lines.push(`  ${escapeText(job.description)}`);
    lines.push(`  last run: ${job.lastRun ? describeRun(job.lastRun, now, escapeText) : "never"}`);
    const next = job.nextRun === undefined ? "none within a year" : `${formatTime(job.nextRun)} (in ${formatDuration(job.nextRun - now)})`;
    lines.push(`  next run: ${job.running ? "after the current run, " : ""}${next}`);
  }
  return lines;
}
