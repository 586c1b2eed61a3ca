/** Registers every Bolt listener. Routing only: each listener lives in its own file. */
import type { App } from "@slack/bolt";
import type { SlackAppContext } from "../src/slack/slack-app-context.js";
import { registerActions } from "./actions/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerViews } from "./views/index.js";

export function registerListeners(app: App, context: SlackAppContext): void {
  registerCommands(app, context);
  registerEvents(app, context);
  registerActions(app, context);
  registerViews(app, context);
}
