/**
 * At start: every write a dead process left `executing` is settled by reading Intercom back first.
 *   - Intercom shows it (the reply is among the parts, the tag is on): sent, and nothing is sent again.
 *   - Intercom proves it never arrived: it was approved (or allowed by the persona's policy) and never went
 *     out, so it is sent now, once, through the same ledger row; what Intercom answers is the outcome.
 *   - It cannot be checked (no read-back for that tool, or the read-back failed): uncertain, never resent.
 * Each settles its ledger row together with its audit row (one transaction) and is returned so the caller can
 * tell the person (the run's thread, the approval card).
 */
import type { ToolResult } from "../../tools/define.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { AuditEntry, AuditLog } from "../store/audit-log.js";
import type { LedgerRecord } from "../store/write-ledger-repo.js";
import type { WriteOutcome } from "../workflows/contracts.js";
import { AUDIT_STATUS, settlementFor, UNCERTAIN_ADVICE } from "./outcome.js";
import { readBackPlan } from "./read-back.js";
import type { WriteAttempt, WriteOnce } from "./write-once.js";

export interface ReconciledWrite {
  key: string;
  tool: string;
  runId?: string;
  approvalId?: string;
  requesterUser?: string;
  requesterSource: string;
  persona: string;
  outcome: WriteOutcome;
  /**
   * "read-back": Intercom was read and showed the write had arrived (or, for one too old to send, that it had
   * not); "resent": Intercom showed it had not arrived, so it was sent now and `outcome` is that send's;
   * "unchecked": it could not be checked.
   */
  how: "read-back" | "resent" | "unchecked";
}

export interface ReconcileOptions {
  writeOnce: WriteOnce;
  /** Reads go straight to Intercom (not through the agent's tools): they are Switchboard's own bookkeeping. */
  transport: IntercomTransport;
  /** Sends a write that was proved never to have arrived (the tools' executor, the same one the app writes with). */
  execute: (tool: string, args: Record<string, unknown>) => Promise<ToolResult>;
  audit: AuditLog;
  now?: () => number;
  logger?: Pick<Logger, "info" | "warn">;
  /**
   * Only rows at least this old (ms). With one process, 0 (the default) is right at start. With several
   * processes on one database, pass more than the longest a write can take (timeout × attempts), so a write
   * another live process is sending right now is left alone.
   */
  minAgeMs?: number;
  /**
   * A write proved never to have arrived is sent only within this long of its latest attempt (ms; default a
   * day): a customer reply approved days ago, while Switchboard was down, should not surprise anyone now.
   */
  resendWithinMs?: number;
  /**
   * A row younger than this (ms; default 2 s) is read back only once it is this old, so a request the dead
   * process sent just before it died has landed in Intercom before "not there" can lead to a resend. A
   * restart usually takes longer than this anyway; it matters when a supervisor restarts at once.
   */
  settleMs?: number;
}

export const DEFAULT_SETTLE_MS = 2000;

export const DEFAULT_RESEND_WITHIN_MS = 24 * 60 * 60 * 1000;

type Verdict = { kind: "applied"; evidence: string } | { kind: "absent"; evidence: string } | { kind: "unchecked"; reason: string };

async function readBack(record: LedgerRecord, transport: IntercomTransport): Promise<Verdict> {
  const plan = readBackPlan(record.tool, record.args);
  if (!plan) {
    return { kind: "unchecked", reason: `Switchboard stopped while sending this and cannot check this kind of change automatically. ${UNCERTAIN_ADVICE}` };
  }
  let data: unknown;
  try {
    data = (await transport.request(plan.request)).data;
  } catch (error) {
    const why = (error as { userMessage?: string })?.userMessage ?? (error as Error)?.message ?? String(error);
    return { kind: "unchecked", reason: `Switchboard stopped while sending this, and reading it back from Intercom failed (${why}). ${UNCERTAIN_ADVICE}` };
  }
  const verdict = plan.judge(data, record.startedAt);
  return verdict.applied ? { kind: "applied", evidence: verdict.evidence } : { kind: "absent", evidence: verdict.evidence };
}

/** The outcome of the send reconciliation made, in words that say why it went out now. */
function resentOutcome(outcome: WriteOutcome, evidence: string): WriteOutcome {
  const why = `Switchboard stopped before this reached Intercom (checked after a restart: ${evidence}), so it was sent now`;
  switch (outcome.status) {
    case "sent":
      return { ...outcome, summary: `${why}. ${outcome.summary}` };
    case "failed":
      return { ...outcome, reason: `${why}, and Intercom refused it: ${outcome.reason}` };
    case "uncertain":
      return { ...outcome, reason: `${why}, and no answer came back: ${outcome.reason}` };
    case "refused":
      return outcome;
  }
}

function auditEntryFor(record: LedgerRecord, outcome: WriteOutcome, at: number, extra: { result?: unknown; latencyMs?: number } = {}): AuditEntry {
  return {
    at,
    requesterUser: record.requesterUser,
    requesterSource: record.requesterSource,
    persona: record.persona,
    runId: record.runId,
    prompt: record.prompt,
    tool: record.tool,
    args: record.args,
    decision: record.decision === "edited" ? "edited" : record.decision === "approved" ? "approved" : "auto",
    approver: record.approver,
    approvalId: record.approvalId,
    result: extra.result ?? (outcome.status === "sent" ? outcome.result : { reconciled: true, [outcome.status]: outcome.reason }),
    status: AUDIT_STATUS[outcome.status],
    latencyMs: extra.latencyMs,
  };
}

/** Settles without sending; false when someone else settled the row meanwhile (they report and audit it). */
function settleOnly(record: LedgerRecord, outcome: WriteOutcome, options: ReconcileOptions, now: () => number): boolean {
  return options.writeOnce.settle(record.key, settlementFor(outcome), {
    reconciled: true,
    audit: { log: options.audit, entry: () => auditEntryFor(record, outcome, now()) },
  });
}

async function resend(record: LedgerRecord, evidence: string, options: ReconcileOptions, now: () => number): Promise<WriteAttempt | undefined> {
  return options.writeOnce.resend(record, () => options.execute(record.tool, record.args), {
    reword: (outcome) => resentOutcome(outcome, evidence),
    audit: {
      log: options.audit,
      entry: (attempt) =>
        auditEntryFor(record, attempt.outcome, now(), {
          latencyMs: attempt.latencyMs,
          result: attempt.result?.ok
            ? { resentAfterRestart: true, evidence, response: attempt.result.raw }
            : { resentAfterRestart: true, evidence, outcome: attempt.outcome.status, message: attempt.result?.message },
        }),
    },
  });
}

async function reconcileOne(
  record: LedgerRecord,
  options: ReconcileOptions,
  now: () => number,
): Promise<{ outcome: WriteOutcome; how: ReconciledWrite["how"] } | undefined> {
  const young = record.startedAt + (options.settleMs ?? DEFAULT_SETTLE_MS) - now();
  if (young > 0) await new Promise((resolve) => setTimeout(resolve, young));
  const verdict = await readBack(record, options.transport);
  if (verdict.kind === "unchecked") {
    const outcome: WriteOutcome = { status: "uncertain", tool: record.tool, reason: verdict.reason };
    return settleOnly(record, outcome, options, now) ? { outcome, how: "unchecked" } : undefined;
  }
  if (verdict.kind === "applied") {
    const outcome: WriteOutcome = {
      status: "sent",
      tool: record.tool,
      result: { reconciled: true, evidence: verdict.evidence },
      summary: `Checked after a restart: ${verdict.evidence}.`,
    };
    return settleOnly(record, outcome, options, now) ? { outcome, how: "read-back" } : undefined;
  }
  const age = now() - record.startedAt;
  if (age > (options.resendWithinMs ?? DEFAULT_RESEND_WITHIN_MS)) {
    const hours = Math.round(age / 3_600_000);
    const reason = `Not sent: Switchboard stopped before Intercom applied it (checked after a restart: ${verdict.evidence}), and it was started about ${hours} hours ago, too long ago to send it now on its own. Ask for it again if it is still needed.`;
    const outcome: WriteOutcome = { status: "failed", tool: record.tool, reason };
    return settleOnly(record, outcome, options, now) ? { outcome, how: "read-back" } : undefined;
  }
  const attempt = await resend(record, verdict.evidence, options, now);
  // Another process took the row over (or settled it) first: it sends, reports and audits.
  if (!attempt) return undefined;
  return { outcome: attempt.outcome, how: "resent" };
}

export async function reconcileWrites(options: ReconcileOptions): Promise<ReconciledWrite[]> {
  const now = options.now ?? Date.now;
  const cutoff = now() - (options.minAgeMs ?? 0);
  const stale = options.writeOnce.ledger.executing().filter((r) => r.startedAt <= cutoff && !options.writeOnce.inFlight(r.key));
  const settled: ReconciledWrite[] = [];
  for (const record of stale) {
    const done = await reconcileOne(record, options, now);
    if (!done) continue;
    const { outcome, how } = done;
    options.logger?.info({ key: record.key, tool: record.tool, runId: record.runId, status: outcome.status, how }, "write reconciled after a restart");
    settled.push({
      key: record.key,
      tool: record.tool,
      runId: record.runId,
      approvalId: record.approvalId,
      requesterUser: record.requesterUser,
      requesterSource: record.requesterSource,
      persona: record.persona,
      outcome,
      how,
    });
  }
  return settled;
}
