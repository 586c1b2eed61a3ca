/**
 * The audit log: one row per tool call the agent attempted, including refused, rejected, expired and failed
 * ones. Arguments and results are redacted and trimmed before they are written, never after.
 */
import { redactSecrets } from "../redact.js";
import type { Db } from "./database.js";

export type AuditDecision = "auto" | "approved" | "edited" | "rejected" | "refused" | "expired";
/** "uncertain": a write was sent but no answer came back (timeout, crash); it may or may not have been applied. */
export type AuditStatus = "ok" | "failed" | "uncertain" | "refused" | "rejected" | "expired" | "skipped";

export interface AuditEntry {
  at: number;
  requesterUser?: string;
  /** "slack", "cli:<user>", "job:<name>". */
  requesterSource: string;
  persona: string;
  runId?: string;
  prompt?: string;
  tool: string;
  args: unknown;
  decision: AuditDecision;
  approver?: string;
  result?: unknown;
  status: AuditStatus;
  latencyMs?: number;
  approvalId?: string;
}

export interface AuditRecord extends Omit<AuditEntry, "args" | "result"> {
  id: number;
  args: unknown;
  result?: string;
}

export interface AuditQuery {
  limit?: number;
  since?: number;
  persona?: string;
  tool?: string;
  runId?: string;
}

interface AuditRow {
  id: number;
  at: number;
  requester_user: string | null;
  requester_source: string;
  persona: string;
  run_id: string | null;
  prompt: string | null;
  tool: string;
  args: string;
  decision: AuditDecision;
  approver: string | null;
  result: string | null;
  status: AuditStatus;
  latency_ms: number | null;
  approval_id: string | null;
}

export const AUDIT_RESULT_LIMIT = 4000;
const PROMPT_LIMIT = 2000;

export function trimText(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… [${text.length - limit} more characters]`;
}

/** JSON text of a value with secrets masked, cut to a size an audit row can hold. */
export function auditText(value: unknown, limit = AUDIT_RESULT_LIMIT): string {
  const clean = redactSecrets(value);
  const text = typeof clean === "string" ? clean : (JSON.stringify(clean) ?? "null");
  return trimText(text, limit);
}

export class AuditLog {
  constructor(private readonly db: Db) {}

  record(entry: AuditEntry): number {
    const info = this.db
      .prepare(
        `INSERT INTO audit_log (at, requester_user, requester_source, persona, run_id, prompt, tool, args, decision, approver, result, status, latency_ms, approval_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        entry.at,
        entry.requesterUser ?? null,
        entry.requesterSource,
        entry.persona,
        entry.runId ?? null,
        entry.prompt === undefined ? null : trimText(redactSecrets(entry.prompt), PROMPT_LIMIT),
        entry.tool,
        auditText(entry.args ?? {}, AUDIT_RESULT_LIMIT),
        entry.decision,
        entry.approver ?? null,
        entry.result === undefined ? null : auditText(entry.result),
        entry.status,
        entry.latencyMs === undefined ? null : Math.round(entry.latencyMs),
        entry.approvalId ?? null,
      );
    return Number(info.lastInsertRowid);
  }

  /** Newest first. */
  recent(query: AuditQuery = {}): AuditRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (query.since !== undefined) {
      where.push("at >= ?");
      params.push(query.since);
    }
    if (query.persona) {
      where.push("persona = ?");
      params.push(query.persona);
    }
    if (query.tool) {
      where.push("tool = ?");
      params.push(query.tool);
    }
    if (query.runId) {
      where.push("run_id = ?");
      params.push(query.runId);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at DESC, id DESC LIMIT ?`;
    params.push(Math.max(1, Math.min(query.limit ?? 50, 10_000)));
    return (this.db.prepare(sql).all(...params) as AuditRow[]).map((r) => ({
      id: r.id,
      at: r.at,
      requesterUser: r.requester_user ?? undefined,
      requesterSource: r.requester_source,
      persona: r.persona,
      runId: r.run_id ?? undefined,
      prompt: r.prompt ?? undefined,
      tool: r.tool,
      args: parseJson(r.args),
      decision: r.decision,
      approver: r.approver ?? undefined,
      result: r.result ?? undefined,
      status: r.status,
      latencyMs: r.latency_ms ?? undefined,
      approvalId: r.approval_id ?? undefined,
    }));
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
