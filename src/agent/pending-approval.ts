/** A stored approval as the run engine and the Slack cards present it. Pure. */
import type { ApprovalRecord } from "../store/approvals.js";
import type { PendingApproval } from "./run-types.js";

export const toPendingApproval = (a: ApprovalRecord): PendingApproval => ({
  approvalId: a.id,
  runId: a.runId,
  tool: a.tool,
  title: a.title,
  risk: a.risk,
  args: a.args,
  summary: a.summary,
  persona: a.persona,
  expiresAt: a.expiresAt,
  ...("why" in a && typeof a.why === "string" ? { why: a.why } : {}),
});
