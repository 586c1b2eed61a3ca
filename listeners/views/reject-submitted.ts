/** The reject modal was submitted: the optional reason goes to the engine, which tells the agent. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decodeModalContext } from "../../src/slack/blocks/approval-modals.js";
import { decideFromCard } from "../../src/slack/flows/approval-flow.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

export function rejectSubmitted(context: SlackAppContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const where = decodeModalContext(view.private_metadata);
    if (!where) return;
    const reason = (view.state.values.reason?.value?.value ?? "").trim();
    context.work.start("reject", () =>
      decideFromCard(context, {
        runId: where.runId,
        decision: { approvalId: where.approvalId, type: "reject", ...(reason ? { reason } : {}) },
        userId: body.user.id,
        teamId: body.team?.id,
        channel: where.channel,
        messageTs: where.messageTs,
        threadTs: where.threadTs,
      }),
    );
  };
}
