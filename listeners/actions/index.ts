import type { App } from "@slack/bolt";
import { APPROVE_ACTION, EDIT_ACTION, REJECT_ACTION } from "../../src/slack/blocks/approval-card.js";
import { CLOSE_CONVERSATION_ACTION } from "../../src/slack/blocks/close-button.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { approveClicked } from "./approve.js";
import { closeConversationClicked } from "./close-conversation.js";
import { editClicked } from "./edit.js";
import { rejectClicked } from "./reject.js";

export function registerActions(app: App, context: SlackAppContext): void {
  app.action(APPROVE_ACTION, approveClicked(context));
  app.action(EDIT_ACTION, editClicked(context));
  app.action(REJECT_ACTION, rejectClicked(context));
  app.action(CLOSE_CONVERSATION_ACTION, closeConversationClicked(context));
}
