/**
 * Exactly one send per idempotency key. The ledger row is written (`executing`) before the request leaves and
 * settled right after, together with its audit row in one transaction; a second attempt with the same key gets
 * the first attempt's outcome and sends nothing. Across processes the unique row is the lock; inside one
 * process a concurrent caller waits for the first. Reconciliation may send a row once more through `resend`,
 * only after it proved the first attempt never reached Intercom.
 */
import type { ToolResult } from "../../tools/define.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { AuditEntry, AuditLog } from "../store/audit-log.js";
import type { LedgerEntry, LedgerRecord, LedgerSettlement, WriteLedgerRepo } from "../store/write-ledger-repo.js";
import type { WriteOutcome } from "../workflows/contracts.js";
import { outcomeFromRecord, outcomeFromResult, outcomeFromThrow, settlementFor } from "./outcome.js";

export interface WriteAttempt {
  outcome: WriteOutcome;
  /** true when this call sent the request; false when an earlier attempt with the key decided the outcome. */
  fresh: boolean;
  /** The executor's result, for a fresh attempt that got one. */
  result?: ToolResult;
  latencyMs?: number;
}

/**
 * The audit row of a write, written in the transaction that settles its ledger row: a crash can no longer
 * leave a settled write without its audit row (nor an audit row for a write still `executing`).
 */
export interface SettleAudit {
  log: Pick<AuditLog, "record">;
  entry(attempt: WriteAttempt): AuditEntry;
}

/** An audit row to write together with a settlement. */
export interface AuditRow {
  log: Pick<AuditLog, "record">;
  entry: () => AuditEntry;
}

export interface WriteOnceRunOptions {
  /**
   * Runs in the same transaction as the ledger insert; false stops the write (nothing is recorded or sent).
   * The agent uses it to claim an approval, so "claimed" and "recorded as executing" happen together.
   */
  claim?: { check: () => boolean; refusal: string };
  /** Written with the settlement of a fresh attempt (attempts answered from an earlier row write nothing). */
  audit?: SettleAudit;
}

export interface ResendOptions {
  audit?: SettleAudit;
  /** Rewords the executor's outcome before it is recorded (e.g. "sent after a restart"). */
  reword?: (outcome: WriteOutcome) => WriteOutcome;
}

/** A run's writes in the order they started, for the lines a person sees whatever the model wrote. */
export interface RunWriteOutcome {
  key: string;
  tool: string;
  /** Exactly what was sent (after any edit, and with the teammate it was sent as). */
  args: Record<string, unknown>;
  approvalId?: string;
  decision: string;
  approver?: string;
  /** "executing" only while the write is in flight (or a dead process left it, until reconciliation). */
  status: LedgerRecord["status"];
  outcome: WriteOutcome;
  startedAt: number;
  finishedAt?: number;
  reconciled: boolean;
}

export interface WriteOnce {
  readonly ledger: WriteLedgerRepo;
  run(entry: LedgerEntry, send: () => Promise<ToolResult>, options?: WriteOnceRunOptions): Promise<WriteAttempt>;
  /**
   * Sends a row a dead process left `executing` once more, through the same row: for reconciliation, and only
   * after a read-back proved the first attempt never arrived. The row is taken over first (its start moves
   * forward); undefined when another process took it or settled it first, and then nothing is sent.
   */
  resend(record: LedgerRecord, send: () => Promise<ToolResult>, options?: ResendOptions): Promise<WriteAttempt | undefined>;
  /** Settles an `executing` row without sending, with its audit row in the same transaction; false when it was already settled. */
  settle(key: string, settlement: LedgerSettlement, options?: { reconciled?: boolean; audit?: AuditRow }): boolean;
  /** Keys being sent by this process right now (reconciliation leaves them alone). */
  inFlight(key: string): boolean;
  forRun(runId: string): RunWriteOutcome[];
}

/** Runs `work` in one SQLite transaction (src/store/stores.ts `transactionOn(db)`). */
export type LedgerTransaction = <T>(work: () => T) => T;

export interface WriteOnceOptions {
  ledger: WriteLedgerRepo;
  transaction: LedgerTransaction;
  now?: () => number;
  logger?: Pick<Logger, "warn" | "error">;
}

export function toRunWriteOutcome(record: LedgerRecord): RunWriteOutcome {
  return {
    key: record.key,
    tool: record.tool,
    args: record.args,
    approvalId: record.approvalId,
    decision: record.decision,
    approver: record.approver,
    status: record.status,
    outcome: outcomeFromRecord(record),
    startedAt: record.startedAt,
    finishedAt: record.finishedAt,
    reconciled: record.reconciledAt !== undefined,
  };
}

export function createWriteOnce(options: WriteOnceOptions): WriteOnce {
  const { ledger, transaction } = options;
  const now = options.now ?? Date.now;
  const pending = new Map<string, Promise<WriteAttempt>>();

  type Start = { kind: "existing"; record: LedgerRecord } | { kind: "refused"; reason: string } | { kind: "begun" };
  const start = (entry: LedgerEntry, claim: WriteOnceRunOptions["claim"]): Start =>
    // The insert comes first, so the transaction takes the write lock before reading anything: two processes
    // racing on one key serialise on it, and the loser reads the winner's row.
    transaction((): Start => {
      if (!ledger.begin(entry, now())) {
        const existing = ledger.get(entry.key);
        if (existing) return { kind: "existing", record: existing };
        throw new AppError("INTERNAL", `The write ledger refused key ${entry.key} but has no row for it.`);
      }
      if (claim && !claim.check()) {
        ledger.discard(entry.key);
        return { kind: "refused", reason: claim.refusal };
      }
      return { kind: "begun" };
    });

  const settleWith = (key: string, settlement: LedgerSettlement, reconciled: boolean, audit?: AuditRow) =>
    transaction(() => {
      if (!ledger.settle(key, settlement, now(), reconciled)) return false;
      audit?.log.record(audit.entry());
      return true;
    });

  const send = async (entry: LedgerEntry, execute: () => Promise<ToolResult>, how: ResendOptions & { reconciled?: boolean } = {}): Promise<WriteAttempt> => {
    const started = performance.now();
    let outcome: WriteOutcome;
    let result: ToolResult | undefined;
    try {
      result = await execute();
      outcome = outcomeFromResult(entry.tool, result);
    } catch (error) {
      outcome = outcomeFromThrow(entry.tool, error);
    }
    if (how.reword) outcome = how.reword(outcome);
    const latencyMs = result?.latencyMs ?? performance.now() - started;
    const attempt: WriteAttempt = { outcome, fresh: true, result, latencyMs };
    const audit = how.audit;
    try {
      const settled = settleWith(
        entry.key,
        settlementFor(outcome, result),
        how.reconciled === true,
        audit && { log: audit.log, entry: () => audit.entry(attempt) },
      );
      if (!settled) {
        options.logger?.warn({ key: entry.key, tool: entry.tool }, "a write's ledger row was settled by someone else while it ran");
      }
    } catch (error) {
      // The write happened; failing to record it must not turn a fact into an exception. The row stays
      // `executing` with no audit row, so reconciliation reads it back and records both.
      options.logger?.error({ err: error, key: entry.key, tool: entry.tool }, "could not record a write's outcome in the ledger");
    }
    return attempt;
  };

  const track = async (key: string, attempt: Promise<WriteAttempt>): Promise<WriteAttempt> => {
    pending.set(key, attempt);
    try {
      return await attempt;
    } finally {
      pending.delete(key);
    }
  };

  return {
    ledger,
    inFlight: (key) => pending.has(key),
    forRun: (runId) => ledger.forRun(runId).map(toRunWriteOutcome),

    async run(entry, execute, runOptions = {}) {
      const running = pending.get(entry.key);
      if (running) return { ...(await running), fresh: false, result: undefined };
      const started = start(entry, runOptions.claim);
      if (started.kind === "existing") return { outcome: outcomeFromRecord(started.record), fresh: false };
      if (started.kind === "refused") return { outcome: { status: "refused", tool: entry.tool, reason: started.reason }, fresh: false };
      return track(entry.key, send(entry, execute, { audit: runOptions.audit }));
    },

    async resend(record, execute, resendOptions = {}) {
      if (pending.has(record.key)) return undefined;
      if (!ledger.retake(record.key, record.startedAt, now())) return undefined;
      return track(record.key, send(record, execute, { ...resendOptions, reconciled: true }));
    },

    settle: (key, settlement, settleOptions = {}) => settleWith(key, settlement, settleOptions.reconciled === true, settleOptions.audit),
  };
}
