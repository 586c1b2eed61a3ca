/**
 * Exactly one send per idempotency key. The ledger row is written (`executing`) before the request leaves and
 * settled right after; a second attempt with the same key gets the first attempt's outcome and sends nothing.
 * Across processes the unique row is the lock; inside one process a concurrent caller waits for the first.
 */
import type { ToolResult } from "../../tools/define.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { LedgerEntry, LedgerRecord, WriteLedgerRepo } from "../store/write-ledger-repo.js";
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

export interface WriteOnceRunOptions {
  /**
   * Runs in the same transaction as the ledger insert; false stops the write (nothing is recorded or sent).
   * The agent uses it to claim an approval, so "claimed" and "recorded as executing" happen together.
   */
  claim?: { check: () => boolean; refusal: string };
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

  const send = async (entry: LedgerEntry, execute: () => Promise<ToolResult>): Promise<WriteAttempt> => {
    const started = performance.now();
    let outcome: WriteOutcome;
    let result: ToolResult | undefined;
    try {
      result = await execute();
      outcome = outcomeFromResult(entry.tool, result);
    } catch (error) {
      outcome = outcomeFromThrow(entry.tool, error);
    }
    const latencyMs = result?.latencyMs ?? performance.now() - started;
    try {
      if (!ledger.settle(entry.key, settlementFor(outcome, result), now())) {
        options.logger?.warn({ key: entry.key, tool: entry.tool }, "a write's ledger row was settled by someone else while it ran");
      }
    } catch (error) {
      // The write happened; failing to record it must not turn a fact into an exception. Reconciliation will look.
      options.logger?.error({ err: error, key: entry.key, tool: entry.tool }, "could not record a write's outcome in the ledger");
    }
    return { outcome, fresh: true, result, latencyMs };
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
      const attempt = send(entry, execute);
      pending.set(entry.key, attempt);
      try {
        return await attempt;
      } finally {
        pending.delete(entry.key);
      }
    },
  };
}
