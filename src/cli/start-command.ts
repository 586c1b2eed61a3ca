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
      // Stopped cleanly: leave now rather than wait on timers a library still holds (the Slack client keeps
      // retrying an unreachable API for minutes), so a process manager sees the stop it asked for.
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
}
