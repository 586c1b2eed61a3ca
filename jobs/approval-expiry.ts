/**
 * Approvals expire even when nobody clicks: once a minute, approvals past SWITCHBOARD_APPROVAL_TTL_MINUTES
 * are marked expired (with their runs, and an audit row each), then their Slack cards stop offering buttons.
 * This is the only place that expires approvals on a schedule; reading pending approvals never does.
 */
import type { JobDefinition } from "../src/workflows/contracts.js";

export const APPROVAL_EXPIRY_JOB = "approval-expiry";

export interface ApprovalExpiryDeps {
  /** The run engine's expiry: returns how many approvals expired. */
  expireStale(): number;
  /** Rewrites the Slack cards of expired approvals; returns how many changed. Absent when Slack is not connected. */
  settleExpiredCards?(): Promise<number>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function approvalExpiryJob(deps: ApprovalExpiryDeps): JobDefinition {
  return {
    name: APPROVAL_EXPIRY_JOB,
    description: "Expires approvals nobody decided in time and updates their Slack cards",
    cron: "* * * * *",
    async run() {
      const expired = deps.expireStale();
      // Cards are settled on every run, not only when something expired now: a card whose update failed
      // last time (Slack down, message gone) is tried again.
      const cards = (await deps.settleExpiredCards?.()) ?? 0;
      return { summary: `expired ${plural(expired, "approval", "approvals")}, updated ${plural(cards, "card", "cards")}` };
    },
  };
}
