/**
 * A decision from a Slack card (button or modal): checks the reply-before-close rule, asks the engine to
 * decide (it alone says whether the person may, and whether it was already decided or expired), updates the
 * card with who decided and when, and writes the resumed run's result into the thread.
 */
import type { KnownBlock } from "@slack/types";
import { summarizeCall } from "../../agent/call-summary.js";
import type { ApprovalDecision, Decider, PendingApproval, RunEvent, RunOutcome } from "../../agent/run-types.js";
import { newErrorReference } from "../../errors.js";
import { approvalCard, type CardState, settleCard } from "../blocks/approval-card.js";
import { approvalErrorText, approvalProblem, cardNoteFor } from "../blocks/approval-errors.js";
import { conversationOf, isCloseTool, isReplyTool } from "../blocks/close-button.js";
import type { WriteLine } from "../blocks/write-lines.js";
import type { SlackAppContext } from "../slack-app-context.js";
import { approverGroupsOf } from "./approver-check.js";
import { cardFacts } from "./card-facts.js";
import { expiredNoticeKey, expiredThreadText } from "./expired-cards.js";
import { LiveProgress, type ThreadTarget } from "./live-progress.js";
import { presentFailure, presentOutcome } from "./run-presenter.js";
import { approvalWriteLine } from "./run-writes.js";

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

/** A late click on an expired approval: the thread (and the person who asked) hear that nothing was sent. */
async function tellThreadExpired(context: SlackAppContext, input: CardDecision): Promise<void> {
  const key = expiredNoticeKey(input.decision.approvalId);
  if (context.events.has(key)) return;
  context.events.claim(key);
  const run = context.services.runs?.get(input.runId);
  try {
    await context.poster.post(input.channel, { ...expiredThreadText(undefined, run?.requesterUser), threadTs: input.threadTs });
  } catch (error) {
    context.logger.warn({ err: error, runId: input.runId }, "Could not tell the thread that an approval expired");
  }
}

/** What the card shows as the call's result once the engine is done with the decision. */
function outcomeForCard(
  context: SlackAppContext,
  input: CardDecision,
  approval: PendingApproval,
  outcome: RunOutcome,
  events: readonly RunEvent[],
): WriteLine | undefined {
  if (input.decision.type === "reject") return undefined;
  const line = approvalWriteLine(context, input.runId, approval, events);
  if (line) return line;
  const stillWaiting = outcome.status === "needs_approval" && context.services.engine.pendingApprovals({ runId: input.runId }).length > 0;
  if (stillWaiting && !events.some((e) => e.type === "tool_finished" || e.type === "tool_started")) {
    return { tool: approval.tool, title: approval.title, status: "waiting", detail: "It goes out once the other requests of this step are decided." };
  }
  return {
    tool: approval.tool,
    title: approval.title,
    status: "skipped",
    detail:
      outcome.status === "failed"
        ? `The run stopped before this call was made: ${outcome.error}`
        : "The agent did not make this call (another call in the same step was rejected, so it reconsidered the step). Nothing was sent.",
  };
}

/** The approval as it was carried out: after Edit (or the teammate it went out as) the card shows what was sent. */
function asSent(approval: PendingApproval, input: CardDecision, line: WriteLine | undefined): PendingApproval {
  const edited = input.decision.type === "edit" ? { ...approval.args, ...input.decision.args } : undefined;
  const args = line?.args ?? edited;
  if (!args) return approval;
  const changed = JSON.stringify(args) !== JSON.stringify(approval.args);
  return changed ? { ...approval, args, summary: summarizeCall(approval.title, args) } : approval;
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
  const decidedState = (outcome?: WriteLine): CardState => ({
    kind: "decided",
    decision: decision.type,
    by: input.userId,
    at: context.now(),
    reason: decision.type === "reject" ? decision.reason : undefined,
    outcome,
  });
  let cardSettled = false;
  let early: Promise<void> = Promise.resolve();
  const settle = async (state: CardState, shown: PendingApproval | undefined = approval) => {
    const blocks = shown
      ? approvalCard(shown, state, await cardFacts(context, shown))
      : input.cardBlocks
        ? { text: "Decided", blocks: settleCard(input.cardBlocks, state) }
        : undefined;
    if (!blocks) return;
    await context.poster.update(input.channel, input.messageTs, blocks);
    context.cards.settle(decision.approvalId, context.now());
  };
  // The first tool event means the engine accepted the decision: show it on the card at once.
  const onEvent: typeof progress.onEvent = (event) => {
    if (!cardSettled) {
      cardSettled = true;
      early = settle(decidedState()).catch((error) => context.logger.warn({ err: error }, "Could not update the approval card"));
    }
    progress.onEvent(event);
  };

  try {
    const outcome = await context.conversationLock.run(conversation ? [conversation] : [], () =>
      context.services.engine.decide(input.runId, [decision], decider, onEvent),
    );
    cardSettled = true;
    await early;
    // The final word on the card: who decided, what was actually sent, and what Intercom answered.
    const line = approval ? outcomeForCard(context, input, approval, outcome, progress.events) : undefined;
    await settle(decidedState(line), approval ? asSent(approval, input, line) : undefined);
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
    if (problem === "expired" && approval === undefined) await tellThreadExpired(context, input);
  }
}
