import type { App } from "@slack/bolt";
import { EDIT_VIEW, REJECT_VIEW } from "../../src/slack/blocks/approval-modals.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { editSubmitted } from "./edit-submitted.js";
import { rejectSubmitted } from "./reject-submitted.js";

export function registerViews(app: App, context: SlackAppContext): void {
  app.view(EDIT_VIEW, editSubmitted(context));
  app.view(REJECT_VIEW, rejectSubmitted(context));
}
