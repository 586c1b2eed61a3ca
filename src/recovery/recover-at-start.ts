/**
 * Start-up recovery, before the app serves anything: what a process that died left half-done is finished, and
 * the person is told. In order:
 *   1. writes left `executing` are settled by reading Intercom back: found there, sent; proved missing, sent now
 *      once through the same ledger row; not checkable, uncertain (never resent). The asker's thread and the
 *      approval card say what happened, and the run is finished;
 *   2. runs left `running` are resumed when they had been approved but the approved call was not carried out
 *      (the ledger keeps that to one send), finished with their write lines when every write had settled, and
 *      otherwise marked failed with a plain message in the thread, unless an unfinished Slack request for that
 *      thread is about to be replayed and will answer it.
 * Slack requests the dead process left unfinished are then replayed by the inbox worker (inbox.start()).
 */
import type { SwitchboardRunEngine } from "../agent/create-run-engine.js";
import { toPendingApproval } from "../agent/pending-approval.js";
import { slackThreadOrderingKey } from "../inbox/slack-intake.js";
import type { Inbox } from "../inbox/types.js";
import type { Logger } from "../logger.js";
import { approvalCard } from "../slack/blocks/approval-card.js";
import type { WriteLine } from "../slack/blocks/write-lines.js";
import { threadOfRun } from "../slack/flows/expired-cards.js";
import { LiveProgress, type ThreadTarget } from "../slack/flows/live-progress.js";
import { presentOutcome } from "../slack/flows/run-presenter.js";
import { lineFromLedger } from "../slack/flows/run-writes.js";
import type { SlackAppContext } from "../slack/slack-app-context.js";
import type { ApprovalRecord, ApprovalStore } from "../store/approvals.js";
import type { RunRecord, RunStore } from "../store/runs.js";
import type { ReconciledWrite } from "../writes/reconcile.js";
import type { WritesService } from "../writes/writes-service.js";
import { reconciledWriteMessage, restartedMessage, settledWritesMessage } from "./recovery-messages.js";

export interface RecoveryDeps {
  writes: Pick<WritesService, "reconcile">;
  engine: Pick<SwitchboardRunEngine, "resumeInterrupted" | "writeOutcomes">;
  runs: Pick<RunStore, "withStatus" | "get" | "finish">;
  approvals: Pick<ApprovalStore, "get" | "forRun">;
  /** The Slack side: poster, cards, threads, tool titles. */
  slack: SlackAppContext;
  inbox: Pick<Inbox, "list">;
  logger: Logger;
  /** Milliseconds since the epoch. */
  now: () => number;
}

export interface RecoveryReport {
  reconciledWrites: number;
  resumedRuns: number;
  finishedRuns: number;
  failedRuns: number;
}

function targetOf(run: RunRecord): ThreadTarget | undefined {
  const thread = threadOfRun(run.threadId);
  return thread && { teamId: run.teamId, ...thread };
}

/** Rewrites an approval's card to show the decision and what Intercom shows for it. */
async function settleCard(deps: RecoveryDeps, approval: ApprovalRecord, outcome: WriteLine): Promise<void> {
  const where = deps.slack.cards.location(approval.id);
  if (!where) return;
  const decision = approval.status === "edited" ? "edit" : approval.status === "rejected" ? "reject" : "approve";
  const at = Math.floor((approval.decidedAt ?? deps.now()) / 1000);
  const card = approvalCard(toPendingApproval(approval), { kind: "decided", decision, by: approval.decidedBy ?? "someone", at, outcome });
  await deps.slack.poster.update(where.channel, where.ts, card);
  deps.slack.cards.settle(approval.id, at);
}

/** Slack delivery failures must not stop the start: log them and go on with the next item. */
async function bestEffort(deps: RecoveryDeps, what: string, fields: object, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    deps.logger.error({ ...fields, err: error }, `Recovery could not ${what}`);
  }
}

async function tellReconciled(deps: RecoveryDeps, write: ReconciledWrite): Promise<void> {
  const run = write.runId ? deps.runs.get(write.runId) : undefined;
  const approval = write.approvalId ? deps.approvals.get(write.approvalId) : undefined;
  const { outcome } = write;
  const status = outcome.status === "refused" ? "failed" : outcome.status;
  const detail = outcome.status === "sent" ? outcome.summary : outcome.reason;
  const line: WriteLine = { tool: write.tool, title: approval?.title ?? write.tool, status, detail, approvalId: write.approvalId };
  const target = run && targetOf(run);
  if (target) {
    const message = reconciledWriteMessage(line, run?.requesterUser, write.how);
    await bestEffort(deps, "tell the thread about a reconciled write", { runId: run?.id }, async () => {
      await deps.slack.poster.post(target.channel, { ...message, threadTs: target.threadTs });
    });
  }
  if (approval) await bestEffort(deps, "update an approval card", { approvalId: approval.id }, () => settleCard(deps, approval, line));
  if (run && (run.status === "running" || run.status === "waiting")) {
    deps.runs.finish(run.id, status === "sent" ? "answered" : "failed", deps.now(), reconciledWriteMessage(line, undefined, write.how).text);
  }
}

/** Whether a Slack request for the run's thread waits to be replayed (it will answer there itself). */
function replayPending(unfinished: ReadonlySet<string | undefined>, target: ThreadTarget | undefined): boolean {
  return target !== undefined && unfinished.has(slackThreadOrderingKey(target.channel, target.threadTs));
}

/** Every card of the run whose call reached the ledger shows the decision and the ledger's outcome. */
async function settleCards(deps: RecoveryDeps, runId: string, writes: ReturnType<RecoveryDeps["engine"]["writeOutcomes"]>): Promise<void> {
  for (const approval of deps.approvals.forRun(runId)) {
    const written = writes.find((w) => w.approvalId === approval.id);
    if (!written) continue;
    await bestEffort(deps, "update an approval card", { approvalId: approval.id }, () =>
      settleCard(
        deps,
        approval,
        lineFromLedger(written, () => approval.title),
      ),
    );
  }
}

async function finishRun(deps: RecoveryDeps, run: RunRecord, unfinished: ReadonlySet<string | undefined>, report: RecoveryReport): Promise<void> {
  const target = targetOf(run);
  const titles = deps.slack.services.tools;
  const writes = deps.engine.writeOutcomes(run.id);
  const approvals = deps.approvals.forRun(run.id);
  const approvedPending = approvals.some((a) => (a.status === "approved" || a.status === "edited") && !a.executedAt);

  if (approvedPending && target) {
    const progress = new LiveProgress(deps.slack, target);
    const outcome = await deps.engine.resumeInterrupted(run.id, progress.onEvent);
    if (outcome) {
      report.resumedRuns++;
      await bestEffort(deps, "show a resumed run", { runId: run.id }, () => presentOutcome(deps.slack, target, progress, run.persona, outcome));
      await settleCards(deps, run.id, deps.engine.writeOutcomes(run.id));
      return;
    }
  }
  if (writes.length > 0 && writes.every((w) => w.status !== "executing")) {
    const titleOf = (tool: string) => titles.forPersona(run.persona, undefined, 10_000).tools.find((t) => t.name === tool)?.title ?? tool;
    const lines = writes.map((w) => lineFromLedger(w, titleOf));
    const message = settledWritesMessage(lines, run.requesterUser);
    deps.runs.finish(run.id, lines.every((l) => l.status === "sent") ? "answered" : "failed", deps.now(), message.text);
    report.finishedRuns++;
    if (target)
      await bestEffort(deps, "tell the thread", { runId: run.id }, () =>
        deps.slack.poster.post(target.channel, { ...message, threadTs: target.threadTs }).then(() => undefined),
      );
    await settleCards(deps, run.id, writes);
    return;
  }
  const message = restartedMessage(run.requesterUser);
  deps.runs.finish(run.id, "failed", deps.now(), message.text);
  report.failedRuns++;
  if (target && !replayPending(unfinished, target)) {
    await bestEffort(deps, "tell the thread", { runId: run.id }, () =>
      deps.slack.poster.post(target.channel, { ...message, threadTs: target.threadTs }).then(() => undefined),
    );
  }
}

export async function recoverAtStart(deps: RecoveryDeps): Promise<RecoveryReport> {
  const report: RecoveryReport = { reconciledWrites: 0, resumedRuns: 0, finishedRuns: 0, failedRuns: 0 };
  const reconciled = await deps.writes.reconcile();
  report.reconciledWrites = reconciled.length;
  for (const write of reconciled) await tellReconciled(deps, write);

  const unfinishedItems = [...(await deps.inbox.list({ status: "pending", limit: 1000 })), ...(await deps.inbox.list({ status: "running", limit: 1000 }))];
  const unfinished = new Set(unfinishedItems.filter((i) => i.source === "slack").map((i) => i.orderingKey));
  for (const run of deps.runs.withStatus("running")) {
    try {
      await finishRun(deps, run, unfinished, report);
    } catch (error) {
      deps.logger.error({ err: error, runId: run.id }, "Recovery could not finish a run");
      deps.runs.finish(run.id, "failed", deps.now(), restartedMessage(undefined).text);
      report.failedRuns++;
    }
  }
  if (Object.values(report).some((n) => n > 0)) deps.logger.warn({ ...report }, "Recovered work a stopped process left unfinished");
  return report;
}
