/**
 * The write side as one service for the composition root: the ledger-backed write-once runner (shared with
 * the run engine, so a key is never sent twice within a process), the gate for writes outside agent runs,
 * and reconciliation of writes a dead process left mid-way.
 */
import type { ToolDefinition } from "../../tools/define.js";
import { createToolExecutor, type ToolExecutor } from "../../tools/execute.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import type { AuditLog } from "../store/audit-log.js";
import type { WriteLedgerRepo } from "../store/write-ledger-repo.js";
import type { GatedWrites, TeammateDirectory } from "../workflows/contracts.js";
import { createGatedWrites } from "./gated-writes.js";
import { type ReconciledWrite, reconcileWrites } from "./reconcile.js";
import { createWriteOnce, type LedgerTransaction, type WriteOnce } from "./write-once.js";

export interface WritesServiceOptions {
  ledger: WriteLedgerRepo;
  transaction: LedgerTransaction;
  audit: AuditLog;
  transport: IntercomTransport;
  tools: readonly ToolDefinition[];
  /** The executor the rest of the app uses; built from `transport` when absent. */
  executor?: ToolExecutor;
  logger?: Logger;
  now?: () => number;
  /** Writes a person approves go out as their Intercom teammate (see GatedWritesOptions.teammates). */
  teammates?: TeammateDirectory;
}

export interface WritesService {
  /** Hand this to the run engine (`writes` option) so agent writes share the ledger. */
  writeOnce: WriteOnce;
  gated: GatedWrites;
  /**
   * Call once at start, before resuming runs; see ReconcileOptions.minAgeMs when several processes share the
   * file. A write proved never to have arrived is sent once now, through the executor every other write uses.
   */
  reconcile(options?: { minAgeMs?: number; resendWithinMs?: number; settleMs?: number }): Promise<ReconciledWrite[]>;
}

export function createWritesService(options: WritesServiceOptions): WritesService {
  const writeOnce = createWriteOnce({ ledger: options.ledger, transaction: options.transaction, now: options.now, logger: options.logger });
  const executor = options.executor ?? createToolExecutor({ transport: options.transport, tools: options.tools, logger: options.logger });
  const gated = createGatedWrites({
    tools: options.tools,
    audit: options.audit,
    writeOnce,
    executor,
    logger: options.logger,
    now: options.now,
    teammates: options.teammates,
  });
  return {
    writeOnce,
    gated,
    reconcile: (reconcileOptions = {}) =>
      reconcileWrites({
        writeOnce,
        transport: options.transport,
        execute: (tool, args) => executor.execute(tool, args),
        audit: options.audit,
        now: options.now,
        logger: options.logger,
        ...reconcileOptions,
      }),
  };
}
