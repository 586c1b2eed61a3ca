import type { App } from "@slack/bolt";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { switchboardCommand } from "./switchboard.js";

export const COMMAND_NAME = "/switchboard";

export function registerCommands(app: App, context: SlackAppContext): void {
  app.command(COMMAND_NAME, switchboardCommand(context));
}
