/**
 * Reads a workflow makes on its own (no agent run) still go through the tools' executor and the audit log,
 * like any agent read: an on-call engineer sees in `switchboard audit` exactly what each flow fetched.
 */
import type { ToolExecutor } from "../../tools/execute.js";
import type { AuditLog } from "../store/audit-log.js";

export interface AuditedReadsOptions {
  executor: ToolExecutor;
  audit: AuditLog;
  /** "workflow:faq", "workflow:escalation", "job:weekly-themes". */
  source: string;
  persona: string;
  now?: () => number;
}

export type ReadResult<T> = { ok: true; data: T; raw: unknown } | { ok: false; message: string; status?: number };

export interface AuditedReads {
  /** Runs a read-only tool; `raw` is the full Intercom answer (use it for parsing), `data` the trimmed one. */
  read<T = unknown>(tool: string, args: Record<string, unknown>, prompt?: string): Promise<ReadResult<T>>;
}

export function createAuditedReads(options: AuditedReadsOptions): AuditedReads {
  const now = options.now ?? Date.now;
  return {
    async read<T>(tool: string, args: Record<string, unknown>, prompt?: string): Promise<ReadResult<T>> {
      const result = await options.executor.execute(tool, args);
      options.audit.record({
        at: now(),
        requesterSource: options.source,
        persona: options.persona,
        prompt,
        tool,
        args,
        decision: "auto",
        result: result.ok ? result.data : { error: result.message },
        status: result.ok ? "ok" : "failed",
        latencyMs: result.latencyMs,
      });
      if (!result.ok) return { ok: false, message: result.message, status: result.status };
      return { ok: true, data: result.raw as T, raw: result.raw };
    },
  };
}
