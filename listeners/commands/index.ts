import type { App } from "@slack/bolt";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import type { Subcommand } from "./subcommand.js";
import { switchboardCommand } from "./switchboard.js";

export const COMMAND_NAME = "/switchboard";

export function registerCommands(app: App, context: SlackAppContext, extra: Record<string, Subcommand> = {}): void {
  app.command(COMMAND_NAME, switchboardCommand(context, extra));
}
