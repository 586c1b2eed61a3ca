/**
 * An approval that expires with nobody clicking still shows its buttons in Slack. After the expiry job has
 * expired the approvals, this rewrites each such card so it stops offering buttons and says why.
 */
import { approvalCard } from "../blocks/approval-card.js";
import type { SlackAppContext } from "../slack-app-context.js";

export const EXPIRED_NOTE = "Expired before anyone decided; nothing was done.";

/** Updates the cards of expired approvals that still show buttons. Returns how many cards changed. */
export async function settleExpiredCards(context: Pick<SlackAppContext, "cards" | "poster" | "logger" | "now">): Promise<number> {
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
  return updated;
}
