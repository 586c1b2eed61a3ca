/**
 * The `write_ledger` table: one row per gated write, written as `executing` before the request leaves and
 * settled (sent, failed, uncertain) right after. The primary key is the idempotency key, so the row itself is
 * the lock: a second attempt with the same key finds the first one instead of sending again.
 */
import type { Db } from "./database.js";

export type LedgerStatus = "executing" | "sent" | "failed" | "uncertain";

export interface LedgerEntry {
  key: string;
  tool: string;
  args: Record<string, unknown>;
  persona: string;
  requesterUser?: string;
  requesterSource: string;
  /** "auto" (the persona's policy), "approved" or "edited" (a person). */
  decision: string;
  approver?: string;
  runId?: string;
  approvalId?: string;
  prompt?: string;
}

export interface LedgerRecord extends LedgerEntry {
  status: LedgerStatus;
  /** One plain line for a sent write ("HTTP 200"); the reason for the others. */
  summary?: string;
  result?: unknown;
  error?: string;
  httpStatus?: number;
  /** When the latest attempt started (a write resent after a restart starts again). */
  startedAt: number;
  finishedAt?: number;
  reconciledAt?: number;
}

export interface LedgerSettlement {
  status: Exclude<LedgerStatus, "executing">;
  summary?: string;
  result?: unknown;
  error?: string;
  httpStatus?: number;
}

interface LedgerRow {
  idempotency_key: string;
  tool: string;
  args: string;
  persona: string;
  requester_user: string | null;
  requester_source: string;
  decision: string;
  approver: string | null;
  run_id: string | null;
  approval_id: string | null;
  prompt: string | null;
  status: LedgerStatus;
  summary: string | null;
  result: string | null;
  error: string | null;
  http_status: number | null;
  started_at: number;
  finished_at: number | null;
  reconciled_at: number | null;
}

const RESULT_LIMIT = 20_000;

function parse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const fromRow = (r: LedgerRow): LedgerRecord => ({
  key: r.idempotency_key,
  tool: r.tool,
  args: (parse(r.args) ?? {}) as Record<string, unknown>,
  persona: r.persona,
  requesterUser: r.requester_user ?? undefined,
  requesterSource: r.requester_source,
  decision: r.decision,
  approver: r.approver ?? undefined,
  runId: r.run_id ?? undefined,
  approvalId: r.approval_id ?? undefined,
  prompt: r.prompt ?? undefined,
  status: r.status,
  summary: r.summary ?? undefined,
  result: parse(r.result),
  error: r.error ?? undefined,
  httpStatus: r.http_status ?? undefined,
  startedAt: r.started_at,
  finishedAt: r.finished_at ?? undefined,
  reconciledAt: r.reconciled_at ?? undefined,
});

function resultText(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value) ?? "null";
  // The full answer is for reconciliation and support; a huge one is cut rather than bloating every row.
  return text.length > RESULT_LIMIT ? JSON.stringify({ truncated: true, start: text.slice(0, RESULT_LIMIT) }) : text;
}

export class WriteLedgerRepo {
  constructor(private readonly db: Db) {}

  /** Inserts the `executing` row; false when the key already has a row (nothing is changed then). */
  begin(entry: LedgerEntry, now: number): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO write_ledger (idempotency_key, tool, args, persona, requester_user, requester_source, decision, approver, run_id, approval_id, prompt, status, started_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'executing', ?)
           ON CONFLICT (idempotency_key) DO NOTHING`,
        )
        .run(
          entry.key,
          entry.tool,
          JSON.stringify(entry.args ?? {}),
          entry.persona,
          entry.requesterUser ?? null,
          entry.requesterSource,
          entry.decision,
          entry.approver ?? null,
          entry.runId ?? null,
          entry.approvalId ?? null,
          entry.prompt ?? null,
          now,
        ).changes === 1
    );
  }

  /** Removes a row still `executing` that turned out not to be allowed, inside the transaction that added it. */
  discard(key: string): void {
    this.db.prepare("DELETE FROM write_ledger WHERE idempotency_key = ? AND status = 'executing'").run(key);
  }

  get(key: string): LedgerRecord | undefined {
    const row = this.db.prepare("SELECT * FROM write_ledger WHERE idempotency_key = ?").get(key) as LedgerRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Settles an `executing` row; false when it was already settled (by this process or by reconciliation). */
  settle(key: string, settlement: LedgerSettlement, now: number, reconciled = false): boolean {
    return (
      this.db
        .prepare(
          `UPDATE write_ledger SET status = ?, summary = ?, result = ?, error = ?, http_status = ?, finished_at = ?, reconciled_at = ?
           WHERE idempotency_key = ? AND status = 'executing'`,
        )
        .run(
          settlement.status,
          settlement.summary ?? null,
          resultText(settlement.result),
          settlement.error ?? null,
          settlement.httpStatus ?? null,
          now,
          reconciled ? now : null,
          key,
        ).changes === 1
    );
  }

  /**
   * Takes over a row a dead process left `executing`, for one more attempt (reconciliation proved the first one
   * never arrived): moves `started_at` to now (always forward, even on a frozen clock), only if no one else
   * moved it first. The row keeps being the
   * lock: of two processes reconciling the same row, only the one whose update lands sends.
   */
  retake(key: string, expectedStartedAt: number, now: number): boolean {
    return (
      this.db
        .prepare("UPDATE write_ledger SET started_at = MAX(?, started_at + 1) WHERE idempotency_key = ? AND status = 'executing' AND started_at = ?")
        .run(now, key, expectedStartedAt).changes === 1
    );
  }

  /** Rows a dead process left mid-write, oldest first. */
  executing(): LedgerRecord[] {
    return (this.db.prepare("SELECT * FROM write_ledger WHERE status = 'executing' ORDER BY started_at, idempotency_key").all() as LedgerRow[]).map(fromRow);
  }

  forRun(runId: string): LedgerRecord[] {
    return (this.db.prepare("SELECT * FROM write_ledger WHERE run_id = ? ORDER BY started_at, idempotency_key").all(runId) as LedgerRow[]).map(fromRow);
  }
}
