/**
 * A decision from a Slack card (button or modal): checks the reply-before-close rule, asks the engine to
 * decide (it alone says whether the person may, and whether it was already decided or expired), updates the
 * card with who decided and when, and writes the resumed run's result into the thread.
 */
import type { KnownBlock } from "@slack/types";
import type { ApprovalDecision, Decider, PendingApproval } from "../../agent/run-types.js";
import { newErrorReference } from "../../errors.js";
import { approvalCard, type CardState, settleCard } from "../blocks/approval-card.js";
import { approvalErrorText, approvalProblem, cardNoteFor } from "../blocks/approval-errors.js";
import { conversationOf, isCloseTool, isReplyTool } from "../blocks/close-button.js";
import type { SlackAppContext } from "../slack-app-context.js";
import { approverGroupsOf } from "./approver-check.js";
import { LiveProgress, type ThreadTarget } from "./live-progress.js";
import { presentFailure, presentOutcome } from "./run-presenter.js";

export interface CardDecision {
  runId: string;
  decision: ApprovalDecision;
  userId: string;
  /** Where the card is, and the thread it belongs to. */
  channel: string;
  messageTs: string;
  threadTs: string;
  teamId?: string;
  /** The card's current blocks when the click came from it (so it can be re-rendered after a restart). */
  cardBlocks?: KnownBlock[];
}

export function findPending(context: SlackAppContext, runId: string, approvalId: string): PendingApproval | undefined {
  return context.services.engine.pendingApprovals({ runId }).find((a) => a.approvalId === approvalId);
}

/** A close must wait while a reply to the same conversation is still waiting for a decision. */
export function blockingReply(context: SlackAppContext, conversationId: string): PendingApproval | undefined {
  return context.services.engine.pendingApprovals().find((a) => isReplyTool(a.tool) && conversationOf(a.tool, a.args) === conversationId);
}

export async function decideFromCard(context: SlackAppContext, input: CardDecision): Promise<void> {
  const { decision } = input;
  const pendingBefore = context.services.engine.pendingApprovals({ runId: input.runId });
  const approval = pendingBefore.find((a) => a.approvalId === decision.approvalId);
  const conversation = approval ? conversationOf(approval.tool, approval.args) : undefined;
  const say = (text: string) => context.poster.ephemeral(input.channel, input.userId, { text, threadTs: input.threadTs });

  if (approval && conversation && isCloseTool(approval.tool) && decision.type !== "reject") {
    const reply = blockingReply(context, conversation);
    if (reply) {
      await say(`A reply to conversation ${conversation} is still waiting for a decision. A reply always goes out before a close, so decide the reply first.`);
      return;
    }
  }

  const decider: Decider = { slackUserId: input.userId, source: "slack", groupIds: await approverGroupsOf(context, input.userId, approval?.persona) };
  const target: ThreadTarget = { teamId: input.teamId, channel: input.channel, threadTs: input.threadTs };
  const progress = new LiveProgress(context, target);
  const decidedState: CardState = {
    kind: "decided",
    decision: decision.type,
    by: input.userId,
    at: context.now(),
    reason: decision.type === "reject" ? decision.reason : undefined,
  };
  let cardSettled = false;
  const settle = async (state: CardState) => {
    const blocks = input.cardBlocks ? settleCard(input.cardBlocks, state) : approval ? approvalCard(approval, state).blocks : undefined;
    if (!blocks) return;
    await context.poster.update(input.channel, input.messageTs, { text: approval ? `Decided: ${approval.summary}` : "Decided", blocks });
    context.cards.settle(decision.approvalId, context.now());
  };
  // The first tool event means the engine accepted the decision: show it on the card at once.
  const onEvent: typeof progress.onEvent = (event) => {
    if (!cardSettled) {
      cardSettled = true;
      settle(decidedState).catch((error) => context.logger.warn({ err: error }, "Could not update the approval card"));
    }
    progress.onEvent(event);
  };

  try {
    const outcome = await context.conversationLock.run(conversation ? [conversation] : [], () =>
      context.services.engine.decide(input.runId, [decision], decider, onEvent),
    );
    if (!cardSettled) {
      cardSettled = true;
      await settle(decidedState);
    }
    const shown = new Set(pendingBefore.map((a) => a.approvalId));
    await presentOutcome(context, target, progress, approval?.persona ?? context.threads.get(input.channel, input.threadTs)?.persona ?? "", outcome, shown);
  } catch (error) {
    const problem = approvalProblem(error);
    if (problem === "other") {
      if (cardSettled) await presentFailure(context, target, progress, error);
      else {
        const reference = newErrorReference();
        context.logger.error({ err: error, reference }, "Deciding an approval failed");
        await say(approvalErrorText(error, reference));
      }
      return;
    }
    await say(approvalErrorText(error));
    const note = cardNoteFor(error);
    if (note && !cardSettled) await settle({ kind: "closed", note });
  }
}
