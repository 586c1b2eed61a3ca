/**
 * The themes digest end to end, as the job, the CLI and the slash command use it: compute, then either
 * return it (dry run) or post it to a channel (optionally in a thread) and store the week.
 */
import type { WebClient } from "@slack/web-api";
import type { ToolExecutor } from "../../../tools/execute.js";
import type { AuditLog } from "../../store/audit-log.js";
import type { Db } from "../../store/database.js";
import { createAuditedReads } from "../audited-reads.js";
import { type ComputedDigest, computeDigest, type ThemesDeps } from "./compute-digest.js";
import type { FetchProgress } from "./fetch-window.js";
import { type PostedDigest, postDigest } from "./post-digest.js";
import { createThemeSnapshotStore } from "./snapshot-store.js";

export interface ThemesWorkflowDeps extends Omit<ThemesDeps, "reads" | "snapshots"> {
  executor: ToolExecutor;
  audit: AuditLog;
  db: Db;
  slack?: WebClient;
  /** Who the reads are audited as: "job:weekly-digest", "cli:themes", "slack:U123". */
  source?: string;
}

export interface ThemesRunRequest {
  days: number;
  /** Omitted with dryRun. */
  channel?: string;
  threadTs?: string;
  dryRun?: boolean;
  progress?: FetchProgress;
  source?: string;
}

export interface ThemesRunResult {
  computed: ComputedDigest;
  posted?: PostedDigest;
}

export interface ThemesWorkflow {
  run(request: ThemesRunRequest): Promise<ThemesRunResult>;
}

export function createThemesWorkflow(deps: ThemesWorkflowDeps): ThemesWorkflow {
  const snapshots = createThemeSnapshotStore(deps.db);
  return {
    async run(request) {
      if (!Number.isInteger(request.days) || request.days < 1 || request.days > 90) throw new Error("days must be a whole number from 1 to 90");
      const reads = createAuditedReads({
        executor: deps.executor,
        audit: deps.audit,
        source: request.source ?? deps.source ?? "workflow:themes",
        persona: "analyst",
        now: deps.now,
      });
      const computed = await computeDigest({ ...deps, reads, snapshots }, { days: request.days, progress: request.progress });
      if (request.dryRun) return { computed };
      if (!deps.slack) throw new Error("Slack is not configured (SLACK_BOT_TOKEN), so the digest cannot be posted; use --dry-run to see it here");
      if (!request.channel) throw new Error("No channel to post the digest to: set SWITCHBOARD_DIGEST_CHANNEL");
      const posted = await postDigest(deps.slack, snapshots, computed, { channel: request.channel, threadTs: request.threadTs, now: (deps.now ?? Date.now)() });
      return { computed, posted };
    },
  };
}

/** One line for job summaries and CLI output. */
export function describeRun(result: ThemesRunResult): string {
  const d = result.computed.digest;
  const base = `${d.themes.length} themes from ${d.conversations} conversations and ${d.tickets} tickets`;
  if (!result.posted) return `${base} (dry run, nothing posted)`;
  const chart = result.posted.chartUploaded ? "with the chart" : `without the chart (upload failed: ${result.posted.chartError})`;
  return `posted ${base} to ${result.posted.channel} ${chart}`;
}
