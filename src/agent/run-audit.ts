/** Audit rows for approvals that never reach the tool guard: rejected, expired, or dropped with their step. */
import type { ApprovalRecord } from "../store/approvals.js";
import type { AuditEntry, AuditLog } from "../store/audit-log.js";
import type { RunRecord } from "../store/runs.js";

export function auditApproval(
  audit: AuditLog,
  run: RunRecord | undefined,
  approval: ApprovalRecord,
  at: number,
  fields: Pick<AuditEntry, "decision" | "status" | "result"> & { approver?: string },
): void {
  audit.record({
    at,
    requesterUser: run?.requesterUser,
    requesterSource: run?.requesterSource ?? "unknown",
    persona: approval.persona,
    runId: approval.runId,
    prompt: run?.prompt,
    tool: approval.tool,
    args: approval.finalArgs ?? approval.args,
    approvalId: approval.id,
    ...fields,
  });
}
