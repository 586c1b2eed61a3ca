/**
 * "Close conversation" under an answer: asks the agent to close it, which goes through the persona's policy
 * (closing is destructive, so a person approves). It waits for any reply on the same conversation first.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeCloseRef } from "../../src/slack/blocks/close-button.js";
import { blockingReply } from "../../src/slack/flows/approval-flow.js";
import { askInThread } from "../../src/slack/flows/run-presenter.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { readButtonClick } from "./button-click.js";

export function closeConversationClicked(context: SlackAppContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, action);
    const ref = decodeCloseRef(click.value);
    if (!ref || !click.channel || !click.messageTs) return;
    const channel = click.channel;
    const threadTs = click.threadTs ?? click.messageTs;
    context.work.start("close conversation", async () => {
      if (blockingReply(context, ref.conversationId)) {
        await context.poster.ephemeral(channel, click.userId, {
          text: `A reply to conversation ${ref.conversationId} is still waiting for a decision. A reply always goes out before a close, so decide the reply first, then close.`,
          threadTs,
        });
        return;
      }
      await context.conversationLock.run([ref.conversationId], () =>
        askInThread(context, {
          target: { teamId: click.teamId, channel, threadTs },
          persona: ref.persona,
          userId: click.userId,
          text: `Close Intercom conversation ${ref.conversationId}.`,
        }),
      );
    });
  };
}
