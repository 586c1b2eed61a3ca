/** Approve on an approval card: the engine decides atomically; the card and thread show the outcome. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { decodeApprovalRef } from "../../src/slack/blocks/approval-card.js";
import { decideFromCard } from "../../src/slack/flows/approval-flow.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { readButtonClick } from "./button-click.js";

export function approveClicked(context: SlackAppContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const click = readButtonClick(body, action);
    const ref = decodeApprovalRef(click.value);
    if (!ref || !click.channel || !click.messageTs) {
      context.logger.warn({ value: click.value }, "Approve click without a usable card reference");
      return;
    }
    context.work.start("approve", () =>
      decideFromCard(context, {
        runId: ref.runId,
        decision: { approvalId: ref.approvalId, type: "approve" },
        userId: click.userId,
        teamId: click.teamId,
        channel: click.channel!,
        messageTs: click.messageTs!,
        threadTs: click.threadTs ?? click.messageTs!,
        cardBlocks: click.blocks,
      }),
    );
  };
}
