/**
 * At start: every write a dead process left `executing` is settled by reading Intercom back, never by sending
 * it again. A reply or note found among the parts is sent; one that is not there was not sent; a write that
 * cannot be checked is uncertain. Each settles its ledger row, gets its audit row and is returned so the
 * caller can tell the person (the run's thread, the approval card).
 */
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { AuditLog } from "../store/audit-log.js";
import type { LedgerRecord } from "../store/write-ledger-repo.js";
import type { WriteOutcome } from "../workflows/contracts.js";
import { AUDIT_STATUS, settlementFor, UNCERTAIN_ADVICE } from "./outcome.js";
import { readBackPlan } from "./read-back.js";
import type { WriteOnce } from "./write-once.js";

export interface ReconciledWrite {
  key: string;
  tool: string;
  runId?: string;
  approvalId?: string;
  requesterUser?: string;
  requesterSource: string;
  persona: string;
  outcome: WriteOutcome;
  /** "read-back": Intercom was read and showed the answer; "unchecked": it could not be checked. */
  how: "read-back" | "unchecked";
}

export interface ReconcileOptions {
  writeOnce: WriteOnce;
  /** Reads go straight to Intercom (not through the agent's tools): they are Switchboard's own bookkeeping. */
  transport: IntercomTransport;
  audit: AuditLog;
  now?: () => number;
  logger?: Pick<Logger, "info" | "warn">;
  /**
   * Only rows at least this old (ms). With one process, 0 (the default) is right at start. With several
   * processes on one database, pass more than the longest a write can take (timeout × attempts), so a write
   * another live process is sending right now is left alone.
   */
  minAgeMs?: number;
}

const NOT_SENT = "It was not sent again; ask for it again if it is still needed.";

async function settleOne(record: LedgerRecord, options: ReconcileOptions): Promise<{ outcome: WriteOutcome; how: ReconciledWrite["how"] }> {
  const plan = readBackPlan(record.tool, record.args);
  if (!plan) {
    const reason = `Switchboard stopped while sending this and cannot check this kind of change automatically. ${UNCERTAIN_ADVICE}`;
    return { outcome: { status: "uncertain", tool: record.tool, reason }, how: "unchecked" };
  }
  let data: unknown;
  try {
    data = (await options.transport.request(plan.request)).data;
  } catch (error) {
    const why = (error as { userMessage?: string })?.userMessage ?? (error as Error)?.message ?? String(error);
    const reason = `Switchboard stopped while sending this, and reading it back from Intercom failed (${why}). ${UNCERTAIN_ADVICE}`;
    return { outcome: { status: "uncertain", tool: record.tool, reason }, how: "unchecked" };
  }
  const verdict = plan.judge(data, record.startedAt);
  if (verdict.applied) {
    return {
      outcome: {
        status: "sent",
        tool: record.tool,
        result: { reconciled: true, evidence: verdict.evidence },
        summary: `Checked after a restart: ${verdict.evidence}.`,
      },
      how: "read-back",
    };
  }
  const reason = `Not sent: Switchboard stopped before Intercom applied it (checked after a restart: ${verdict.evidence}). ${NOT_SENT}`;
  return { outcome: { status: "failed", tool: record.tool, reason }, how: "read-back" };
}

export async function reconcileWrites(options: ReconcileOptions): Promise<ReconciledWrite[]> {
  const now = options.now ?? Date.now;
  const cutoff = now() - (options.minAgeMs ?? 0);
  const stale = options.writeOnce.ledger.executing().filter((r) => r.startedAt <= cutoff && !options.writeOnce.inFlight(r.key));
  const settled: ReconciledWrite[] = [];
  for (const record of stale) {
    const { outcome, how } = await settleOne(record, options);
    // Another process may have settled it meanwhile; only the one that settles it reports and audits it.
    if (!options.writeOnce.ledger.settle(record.key, settlementFor(outcome), now(), true)) continue;
    options.audit.record({
      at: now(),
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
      result: outcome.status === "sent" ? outcome.result : { reconciled: true, [outcome.status]: outcome.reason },
      status: AUDIT_STATUS[outcome.status],
    });
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
