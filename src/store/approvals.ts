/**
 * The `approvals` table: one row per gated tool call of a paused run. Every state change is a single
 * conditional UPDATE, so two people clicking at once (or one clicking twice) change the row exactly once.
 */
import type { Db } from "./database.js";

export type ApprovalStatus = "pending" | "approved" | "edited" | "rejected" | "expired";

export interface ApprovalRecord {
  id: string;
  runId: string;
  /** One pause of the run: every gated call of that model turn shares it and is resumed together. */
  batch: string;
  position: number;
  toolCallId: string;
  tool: string;
  title: string;
  risk: "read" | "write" | "destructive";
  args: Record<string, unknown>;
  summary: string;
  persona: string;
  status: ApprovalStatus;
  finalArgs?: Record<string, unknown>;
  reason?: string;
  decidedBy?: string;
  decidedAt?: number;
  executedAt?: number;
  createdAt: number;
  expiresAt: number;
}

interface ApprovalRow {
  id: string;
  run_id: string;
  batch: string;
  position: number;
  tool_call_id: string;
  tool: string;
  title: string;
  risk: ApprovalRecord["risk"];
  args: string;
  summary: string;
  persona: string;
  status: ApprovalStatus;
  final_args: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: number | null;
  executed_at: number | null;
  created_at: number;
  expires_at: number;
}

const fromRow = (r: ApprovalRow): ApprovalRecord => ({
  id: r.id,
  runId: r.run_id,
  batch: r.batch,
  position: r.position,
  toolCallId: r.tool_call_id,
  tool: r.tool,
  title: r.title,
  risk: r.risk,
  args: JSON.parse(r.args) as Record<string, unknown>,
  summary: r.summary,
  persona: r.persona,
  status: r.status,
  finalArgs: r.final_args ? (JSON.parse(r.final_args) as Record<string, unknown>) : undefined,
  reason: r.reason ?? undefined,
  decidedBy: r.decided_by ?? undefined,
  decidedAt: r.decided_at ?? undefined,
  executedAt: r.executed_at ?? undefined,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export type NewApproval = Omit<ApprovalRecord, "status" | "finalArgs" | "reason" | "decidedBy" | "decidedAt" | "executedAt">;

export interface DecisionChange {
  id: string;
  status: "approved" | "edited" | "rejected";
  finalArgs?: Record<string, unknown>;
  reason?: string;
  decidedBy: string;
}

export class ApprovalStore {
  constructor(private readonly db: Db) {}

  insert(approval: NewApproval): void {
    this.db
      .prepare(
        `INSERT INTO approvals (id, run_id, batch, position, tool_call_id, tool, title, risk, args, summary, persona, status, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(
        approval.id,
        approval.runId,
        approval.batch,
        approval.position,
        approval.toolCallId,
        approval.tool,
        approval.title,
        approval.risk,
        JSON.stringify(approval.args),
        approval.summary,
        approval.persona,
        approval.createdAt,
        approval.expiresAt,
      );
  }

  get(id: string): ApprovalRecord | undefined {
    const row = this.db.prepare("SELECT * FROM approvals WHERE id = ?").get(id) as ApprovalRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  batch(batch: string): ApprovalRecord[] {
    return (this.db.prepare("SELECT * FROM approvals WHERE batch = ? ORDER BY position").all(batch) as ApprovalRow[]).map(fromRow);
  }

  forRun(runId: string): ApprovalRecord[] {
    return (this.db.prepare("SELECT * FROM approvals WHERE run_id = ? ORDER BY created_at, position").all(runId) as ApprovalRow[]).map(fromRow);
  }

  byToolCall(runId: string, toolCallId: string): ApprovalRecord | undefined {
    const row = this.db.prepare("SELECT * FROM approvals WHERE run_id = ? AND tool_call_id = ?").get(runId, toolCallId) as ApprovalRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  pending(filter: { runId?: string } = {}): ApprovalRecord[] {
    const rows = filter.runId
      ? this.db.prepare("SELECT * FROM approvals WHERE status = 'pending' AND run_id = ? ORDER BY position").all(filter.runId)
      : this.db.prepare("SELECT * FROM approvals WHERE status = 'pending' ORDER BY created_at, position").all();
    return (rows as ApprovalRow[]).map(fromRow);
  }

  /** The one atomic decision: changes the row only while it is still pending and unexpired. */
  decide(change: DecisionChange, now: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE approvals SET status = ?, final_args = ?, reason = ?, decided_by = ?, decided_at = ?
           WHERE id = ? AND status = 'pending' AND expires_at > ?`,
        )
        .run(change.status, change.finalArgs ? JSON.stringify(change.finalArgs) : null, change.reason ?? null, change.decidedBy, now, change.id, now)
        .changes === 1
    );
  }

  /** Marks pending approvals past their time as expired; returns the rows that changed. */
  expire(now: number, runId?: string): ApprovalRecord[] {
    const stale = (
      runId
        ? this.db.prepare("SELECT * FROM approvals WHERE status = 'pending' AND expires_at <= ? AND run_id = ?").all(now, runId)
        : this.db.prepare("SELECT * FROM approvals WHERE status = 'pending' AND expires_at <= ?").all(now)
    ) as ApprovalRow[];
    const update = this.db.prepare("UPDATE approvals SET status = 'expired', decided_at = ? WHERE id = ? AND status = 'pending'");
    return stale.filter((row) => update.run(now, row.id).changes === 1).map((row) => fromRow({ ...row, status: "expired" }));
  }

  /** Claims the right to execute an approved call; true exactly once per approval. */
  claimExecution(id: string, now: number): boolean {
    return (
      this.db.prepare("UPDATE approvals SET executed_at = ? WHERE id = ? AND status IN ('approved','edited') AND executed_at IS NULL").run(now, id).changes ===
      1
    );
  }
}
