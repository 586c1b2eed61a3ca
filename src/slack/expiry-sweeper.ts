/**
 * Approvals expire even when nobody clicks: the running app asks the engine to expire stale approvals on a
 * timer, then rewrites each expired card so it stops offering buttons and says why.
 */
import { approvalCard } from "./approval-card.js";
import type { SlackAppContext } from "./slack-app-context.js";

export const EXPIRED_NOTE = "Expired before anyone decided; nothing was done.";

/** One pass: expire what is due, then update the cards of expired approvals. Returns how many cards changed. */
export async function sweepExpiredApprovals(context: SlackAppContext): Promise<number> {
  const expired = context.services.expireStale?.() ?? 0;
  let updated = 0;
  for (const card of context.cards.expiredUnsettled()) {
    try {
      await context.poster.update(card.channel, card.ts, {
        ...approvalCard(card.approval, { kind: "closed", note: EXPIRED_NOTE }),
        text: `Expired: ${card.approval.summary}`,
      });
      context.cards.settle(card.approval.approvalId, context.now());
      updated++;
    } catch (error) {
      // Left unsettled, so the next pass tries again (the message may be back once Slack answers).
      context.logger.warn(
        { err: error, approvalId: card.approval.approvalId, runId: card.approval.runId, channel: card.channel },
        "Could not mark an expired approval card",
      );
    }
  }
  if (expired > 0 || updated > 0) context.logger.info({ expired, cardsUpdated: updated }, "Expired approvals that nobody decided in time");
  return updated;
}

export interface Sweeper {
  stop(): void;
}

/** Runs a sweep every `intervalMs` (never two at once); the timer does not keep the process alive. */
export function startExpirySweeper(context: SlackAppContext, intervalMs: number): Sweeper {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepExpiredApprovals(context)
      .catch((error) => context.logger.error({ err: error }, "The approval expiry sweep failed"))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
