/** `switchboard start` (what `npm start` runs). */
import type { Command } from "commander";
import { type CliContext, explainListenError } from "./context.js";

export function registerStartCommand(program: Command, context: CliContext): void {
  program
    .command("start")
    .description("Start the Slack app (Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on PORT)")
    .action(async () => {
      const config = context.loadConfig();
      // The whole app (Bolt, LangChain) loads only for this command, so the rest of the CLI starts fast.
      const { runStart } = await import("../main.js");
      try {
        await runStart(config);
      } catch (error) {
        throw explainListenError(error, "PORT", config.port);
      }
      // Stopped cleanly: leave now rather than wait on timers a library still holds (the Slack client keeps
      // retrying an unreachable API for minutes), so a process manager sees the stop it asked for.
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
}
