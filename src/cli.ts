/**
 * The `switchboard` command line. Each command loads the config, builds only what it needs through the
 * composition root, and reports failures in one plain line (exit 1) instead of a stack trace.
 */
import { Command } from "commander";
import { registerAskCommand } from "./cli/ask-command.js";
import { registerAuditCommands } from "./cli/audit-commands.js";
import { registerEmulatorCommands } from "./cli/emulator-commands.js";
import { registerSecretCommands } from "./cli/secrets-commands.js";
import { registerStartCommand } from "./cli/start-command.js";
import { registerToolsCommands } from "./cli/tools-commands.js";
import { registerToolsSelectCommand } from "./cli/tools-select-command.js";
import { loadConfig } from "./config.js";
import { isAppError, newErrorReference, toUserMessage } from "./errors.js";
import { redactString } from "./redact.js";

export function buildCli(): Command {
  const program = new Command("switchboard")
    .description("An AI support agent for teams that work in Intercom and talk in Slack.")
    .showHelpAfterError("(run switchboard --help for the commands)")
    .configureOutput({ outputError: (text, write) => write(text) });
  const context = { loadConfig: () => loadConfig() };
  registerStartCommand(program, context);
  registerEmulatorCommands(program, context);
  registerSecretCommands(program, context);
  registerToolsCommands(program, context);
  registerToolsSelectCommand(program, context);
  registerAskCommand(program, context);
  registerAuditCommands(program, context);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`switchboard: ${error.message}\n`);
      return 1;
    }
    // An unexpected error is a bug: the plain line first, then what a bug report needs, secrets scrubbed.
    const reference = newErrorReference();
    process.stderr.write(`switchboard: ${toUserMessage(error, reference)}\n`);
    process.stderr.write(`details (reference ${reference}): ${redactString((error as Error)?.stack ?? String(error))}\n`);
    return 1;
  }
}

const code = await runCli(process.argv);
process.exitCode = code;
