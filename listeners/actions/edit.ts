/** Edit on an approval card: opens a modal with the arguments; submitting approves the edited call. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { editModal } from "../../src/slack/blocks/approval-modals.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { readButtonClick } from "./button-click.js";
import { openDecisionModal } from "./open-decision-modal.js";

export function editClicked(context: SlackAppContext) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    // Not background work: the trigger id is only valid for 3 seconds.
    await openDecisionModal(context, readButtonClick(body, action), editModal).catch((error) =>
      context.logger.error({ err: error }, "Could not open the edit modal"),
    );
  };
}
