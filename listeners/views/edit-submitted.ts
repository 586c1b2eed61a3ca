/**
 * The edit modal was submitted: JSON that does not parse is shown in the modal; otherwise the modal closes and
 * the engine validates the edited arguments again before anything runs (a failure is told privately).
 */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { decodeModalContext, parseEditValues } from "../../src/slack/blocks/approval-modals.js";
import { decideFromCard } from "../../src/slack/flows/approval-flow.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

export function editSubmitted(context: SlackAppContext) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const where = decodeModalContext(view.private_metadata);
    if (!where) {
      await ack();
      return;
    }
    const parsed = parseEditValues(view.state.values as never, where.kinds ?? {});
    if ("errors" in parsed) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    await ack();
    context.work.start("edit", () =>
      decideFromCard(context, {
        runId: where.runId,
        decision: { approvalId: where.approvalId, type: "edit", args: parsed.args },
        userId: body.user.id,
        teamId: body.team?.id,
        channel: where.channel,
        messageTs: where.messageTs,
        threadTs: where.threadTs,
      }),
    );
  };
}
