/**
 * Keeps the inbox from growing forever: finished items (done or failed) older than a week are deleted, with their
 * dedupe keys. A week is far past Slack's retry window (about an hour) and Intercom's redeliveries.
 */
import type { InboxQueue } from "../src/inbox/types.js";
import type { JobDefinition } from "../src/workflows/contracts.js";

export const INBOX_PRUNE_JOB = "inbox-prune";
const WEEK = 7 * 86_400_000;

export function inboxPruneJob(deps: { queue: Pick<InboxQueue, "prune">; now?: () => number; keepMs?: number }): JobDefinition {
  const now = deps.now ?? Date.now;
  return {
    name: INBOX_PRUNE_JOB,
    description: "Deletes finished inbox items older than a week",
    cron: "17 3 * * *",
    async run() {
      const removed = await deps.queue.prune(now() - (deps.keepMs ?? WEEK));
      return { summary: `deleted ${removed} finished item${removed === 1 ? "" : "s"}` };
    },
  };
}
