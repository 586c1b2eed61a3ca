/**
 * An approval that expires with nobody clicking still shows its buttons in Slack, and its thread still says
 * "This needs an approval first". After the expiry job has expired the approvals, this rewrites each such
 * card so it stops offering buttons and says why, and tells the thread (naming the person who asked) that it
 * expired and nothing was sent.
 */
import { approvalCard } from "../blocks/approval-card.js";
import { escapeMrkdwn, truncate } from "../blocks/mrkdwn.js";
import type { SlackAppContext } from "../slack-app-context.js";

export const EXPIRED_NOTE = "Expired before anyone decided; nothing was done.";

/** The thread a run's messages live in, from its thread id (`slack:TEAM:CHANNEL:TS`, see threadIdFor). */
export function threadOfRun(threadId: string): { channel: string; threadTs: string } | undefined {
  const match = /^slack:[^:]*:([^:]+):(\d+\.\d+)$/.exec(threadId);
  return match ? { channel: match[1] as string, threadTs: match[2] as string } : undefined;
}

/** Claimed once per approval, so the job and a late click never both tell the thread. */
export const expiredNoticeKey = (approvalId: string) => `expired-notice:${approvalId}`;

export function expiredThreadText(
  title: string | undefined,
  asker: string | undefined,
): { text: string; blocks: [{ type: "section"; text: { type: "mrkdwn"; text: string } }] } {
  const who = asker && /^[UW][A-Z0-9]+$/.test(asker) ? `<@${asker}> ` : "";
  const what = title ? `The approval for *${escapeMrkdwn(truncate(title, 200))}*` : "An approval in this thread";
  const words = `${what} expired before anyone decided, so nothing was sent. Ask again if it is still needed.`;
  return {
    text: `${who}${escapeMrkdwn(`${title ? `The approval for ${truncate(title, 200)}` : "An approval"} expired; nothing was sent.`)}`,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: `:hourglass: ${who}${words}` } }],
  };
}

type ExpiryContext = Pick<SlackAppContext, "cards" | "poster" | "logger" | "now" | "events"> & { services: Pick<SlackAppContext["services"], "runs"> };

/** Updates the cards of expired approvals that still show buttons. Returns how many cards changed. */
export async function settleExpiredCards(context: ExpiryContext): Promise<number> {
  let updated = 0;
  for (const card of context.cards.expiredUnsettled()) {
    try {
      const rendered = approvalCard(card.approval, { kind: "closed", note: EXPIRED_NOTE });
      await context.poster.update(card.channel, card.ts, rendered);
      context.cards.settle(card.approval.approvalId, context.now());
      updated++;
    } catch (error) {
      // Left unsettled, so the next pass tries again (the message may be back once Slack answers).
      context.logger.warn(
        { err: error, approvalId: card.approval.approvalId, runId: card.approval.runId, channel: card.channel },
        "Could not mark an expired approval card",
      );
      continue;
    }
    // Best effort after the card: the card itself already tells the truth.
    const run = context.services.runs?.get(card.approval.runId);
    const thread = run ? threadOfRun(run.threadId) : undefined;
    const key = expiredNoticeKey(card.approval.approvalId);
    if (!thread || context.events.has(key)) continue;
    context.events.claim(key);
    try {
      await context.poster.post(thread.channel, { ...expiredThreadText(card.approval.title, run?.requesterUser), threadTs: thread.threadTs });
    } catch (error) {
      context.logger.warn({ err: error, approvalId: card.approval.approvalId }, "Could not tell the thread that an approval expired");
    }
  }
  return updated;
}
