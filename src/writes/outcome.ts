/**
 * What a write's result means, as a fact a person and a model can rely on: the executor's ToolResult (or a
 * ledger row) becomes sent, failed or uncertain, with plain words. Pure functions, no I/O.
 */
import type { ToolResult } from "../../tools/define.js";
import type { AuditStatus } from "../store/audit-log.js";
import type { LedgerRecord, LedgerSettlement } from "../store/write-ledger-repo.js";
import type { WriteOutcome } from "../workflows/contracts.js";

/** The words every uncertain outcome carries, so a person always knows what to do next. */
export const UNCERTAIN_ADVICE = "It may or may not have been applied; check in Intercom before trying again.";

export const AUDIT_STATUS: Record<WriteOutcome["status"], AuditStatus> = { sent: "ok", failed: "failed", uncertain: "uncertain", refused: "refused" };

/** The client's own wording for a connection that never opened (src/intercom/errors.ts networkError). */
const NEVER_CONNECTED = /connection refused/i;
/** The client already appends its own "may or may not" sentence for a POST; keep one, ours. */
const CLIENT_MAYBE = /\s*It may or may not have been applied[^.]*\.(\s*check in Intercom[^.]*\.)?/i;

function uncertainReason(message: string): string {
  return `${message.replace(CLIENT_MAYBE, "").trim()} ${UNCERTAIN_ADVICE}`;
}

function sentSummary(result: Extract<ToolResult, { ok: true }>): string {
  const data = result.data as { type?: unknown; message?: unknown } | null;
  if (data && data.type === "already_removed" && typeof data.message === "string") return data.message;
  return `Intercom accepted it (HTTP ${result.status}).`;
}

/** The outcome of one executed write. A network failure after the request may have left is uncertain, never failed. */
export function outcomeFromResult(tool: string, result: ToolResult): WriteOutcome {
  if (result.ok) return { status: "sent", tool, result: result.raw, summary: sentSummary(result) };
  if (result.kind === "network") {
    if (NEVER_CONNECTED.test(result.message)) return { status: "failed", tool, reason: result.message };
    return { status: "uncertain", tool, reason: uncertainReason(result.message) };
  }
  // invalid_input, not_found and unsupported stop before sending; http is Intercom's own refusal, in its words.
  return { status: "failed", tool, reason: result.message };
}

/** For a send that threw instead of returning a result: nobody knows whether the request left. */
export function outcomeFromThrow(tool: string, error: unknown): WriteOutcome {
  const text = (error as Error)?.message ?? String(error);
  return { status: "uncertain", tool, reason: uncertainReason(`The write did not finish (${text.slice(0, 200)}).`) };
}

export function settlementFor(outcome: WriteOutcome, result?: ToolResult): LedgerSettlement {
  const httpStatus = result?.status;
  switch (outcome.status) {
    case "sent":
      return { status: "sent", summary: outcome.summary, result: outcome.result, httpStatus };
    case "failed":
      return { status: "failed", summary: outcome.reason, error: outcome.reason, httpStatus, result: result && !result.ok ? result.raw : undefined };
    case "uncertain":
      return { status: "uncertain", summary: outcome.reason, error: outcome.reason, httpStatus };
    case "refused":
      // Refusals never reach the ledger (nothing was attempted); treat a stray one as a failure that sent nothing.
      return { status: "failed", summary: outcome.reason, error: outcome.reason };
  }
}

/** The first attempt's outcome, for a repeated key. */
export function outcomeFromRecord(record: LedgerRecord): WriteOutcome {
  switch (record.status) {
    case "sent":
      return { status: "sent", tool: record.tool, result: record.result, summary: record.summary ?? "Intercom accepted it." };
    case "failed":
      return { status: "failed", tool: record.tool, reason: record.error ?? record.summary ?? "It failed." };
    case "uncertain":
      return { status: "uncertain", tool: record.tool, reason: record.error ?? UNCERTAIN_ADVICE };
    case "executing":
      return {
        status: "uncertain",
        tool: record.tool,
        reason: `This write was started at ${new Date(record.startedAt).toISOString()} and has not finished (it is still running elsewhere, or the process stopped mid-write and it has not been reconciled yet). It was not sent again. ${UNCERTAIN_ADVICE}`,
      };
  }
}

/**
 * What the model reads back after a write, so its answer cannot claim what did not happen. `sentText` is the
 * normal tool result for a write that went through.
 */
export function modelTextFor(outcome: WriteOutcome, sentText: string): string {
  switch (outcome.status) {
    case "sent":
      return sentText;
    case "failed":
      return `WRITE FAILED: ${outcome.reason} The change did not go through. Tell the person it failed and why; do not say it was done.`;
    case "uncertain":
      return `WRITE OUTCOME UNKNOWN: ${outcome.reason} Tell the person exactly this; do not say it was done, and do not call the tool again.`;
    case "refused":
      return `Refused: ${outcome.reason} Do not retry this call; tell the person instead.`;
  }
}

/** One plain line per outcome, e.g. for a Slack message or a terminal. */
export function outcomeLine(title: string, outcome: WriteOutcome): string {
  switch (outcome.status) {
    case "sent":
      return `${title}: sent. ${outcome.summary}`;
    case "failed":
      return `${title}: failed. ${outcome.reason}`;
    case "uncertain":
      return `${title}: outcome unknown. ${outcome.reason}`;
    case "refused":
      return `${title}: not allowed. ${outcome.reason}`;
  }
}
