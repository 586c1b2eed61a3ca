/** `switchboard start` (what `npm start` runs). */
import type { Command } from "commander";
import { runStart } from "../main.js";
import type { CliContext } from "./context.js";

export function registerStartCommand(program: Command, context: CliContext): void {
  program
    .command("start")
    .description("Start the Slack app (Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on PORT)")
    .action(async () => {
      await runStart(context.loadConfig());
    });
}
