import type { App } from "@slack/bolt";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appMention } from "./app-mention.js";
import { message } from "./message.js";

export function registerEvents(app: App, context: SlackAppContext): void {
  app.event("app_mention", appMention(context));
  app.event("message", message(context));
  app.event("app_home_opened", appHomeOpened(context));
}
