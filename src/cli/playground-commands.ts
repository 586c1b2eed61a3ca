/** `switchboard playground`: the whole product in a browser, with no Slack app and no Intercom account. */
import type { Command } from "commander";
import { AppError } from "../errors.js";
import { type CliContext, explainListenError } from "./context.js";

export function registerPlaygroundCommands(program: Command, context: CliContext): void {
  program
    .command("playground")
    .description("Run the local Slack-like demo page over the built-in Intercom emulator (no accounts needed)")
    .option("--port <port>", "the page's port (default: PORT, 3000; 0 picks a free one)")
    .action(async (options: { port?: string }) => {
      const config = context.loadConfig();
      const port = options.port === undefined ? config.port : Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new AppError("USAGE", `--port must be a whole number from 0 to 65535, got ${options.port}`);
      const { runPlayground } = await import("../playground/run-playground.js");
      try {
        await runPlayground(config, { port });
      } catch (error) {
        throw explainListenError(error, options.port === undefined ? "PORT" : "--port", port);
      }
      process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
    });
}
