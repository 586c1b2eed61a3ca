/**
 * Every repository over the one SQLite file, built once by the composition root and handed to whoever needs
 * them: services take the stores they use, never the database itself.
 */
import { ApprovalCardsRepo } from "./approval-cards-repo.js";
import { ApprovalStore } from "./approvals.js";
import { AuditLog } from "./audit-log.js";
import { ChannelSettingsRepo } from "./channel-settings-repo.js";
import type { Db } from "./database.js";
import { OAuthStatesRepo } from "./oauth-states-repo.js";
import { ProcessedEventsRepo } from "./processed-events-repo.js";
import { RunStore } from "./runs.js";
import { SlackThreadsRepo } from "./slack-threads-repo.js";

/** Runs `work` in one SQLite transaction: everything it writes lands together, or nothing does. */
export type Transaction = <T>(work: () => T) => T;

export interface Stores {
  runs: RunStore;
  approvals: ApprovalStore;
  audit: AuditLog;
  oauthStates: OAuthStatesRepo;
  processedEvents: ProcessedEventsRepo;
  channels: ChannelSettingsRepo;
  threads: SlackThreadsRepo;
  approvalCards: ApprovalCardsRepo;
  transaction: Transaction;
}

export const transactionOn =
  (db: Db): Transaction =>
  (work) =>
    db.transaction(work)();

/** `nowMs` is the one clock of the process (milliseconds); repositories that keep seconds derive theirs from it. */
export function createStores(db: Db, nowMs: () => number = Date.now): Stores {
  const seconds = () => Math.floor(nowMs() / 1000);
  return {
    runs: new RunStore(db),
    approvals: new ApprovalStore(db),
    audit: new AuditLog(db),
    oauthStates: new OAuthStatesRepo(db, seconds),
    processedEvents: new ProcessedEventsRepo(db, seconds),
    channels: new ChannelSettingsRepo(db, seconds),
    threads: new SlackThreadsRepo(db, seconds),
    approvalCards: new ApprovalCardsRepo(db),
    transaction: transactionOn(db),
  };
}
