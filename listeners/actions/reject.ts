/** Reject on an approval card: opens a modal for an optional reason, which goes back to the agent. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { rejectModal } from "../../src/slack/blocks/approval-modals.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { readButtonClick } from "./button-click.js";
import { openDecisionModal } from "./open-decision-modal.js";

export function rejectClicked(context: SlackAppContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    await openDecisionModal(context, readButtonClick(body, action), rejectModal).catch((error) =>
      context.logger.error({ err: error }, "Could not open the reject modal"),
    );
  };
}
