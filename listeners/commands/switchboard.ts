/** `/switchboard <subcommand> ...`: parses the first word and hands over; anything else gets usage help. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { newErrorReference, toUserMessage } from "../../src/errors.js";
import { usageHelp } from "../../src/slack/blocks/usage-help.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import { ephemeral, type Subcommand } from "./subcommand.js";
import { askSubcommand } from "./subcommands/ask.js";
import { auditSubcommand } from "./subcommands/audit.js";
import { connectSubcommand } from "./subcommands/connect.js";
import { personaSubcommand } from "./subcommands/persona.js";
import { toolsSubcommand } from "./subcommands/tools.js";

const SUBCOMMANDS: Record<string, Subcommand> = {
  ask: askSubcommand,
  persona: personaSubcommand,
  tools: toolsSubcommand,
  audit: auditSubcommand,
  connect: connectSubcommand,
  help: (input) => ephemeral(input, usageHelp()),
};

export function parseCommandText(text: string): { name: string; rest: string } {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  return match ? { name: match[1].toLowerCase(), rest: match[2].trim() } : { name: "", rest: "" };
}

/** `extra`: the workflows' subcommands (faq, brief, themes, jobs), built by the composition root. */
export function switchboardCommand(context: SlackAppContext, extra: Record<string, Subcommand> = {}) {
  const subcommands: Record<string, Subcommand> = { ...extra, ...SUBCOMMANDS };
  return async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const { name, rest } = parseCommandText(args.command.text ?? "");
    const handler = Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    const input = { context, args, rest };
    if (!handler) {
      await ephemeral(input, usageHelp(name ? `“${name}” is not a Switchboard command.` : undefined));
      return;
    }
    try {
      await handler(input);
    } catch (error) {
      const reference = newErrorReference();
      context.logger.error({ err: error, reference, subcommand: name }, "Slash command failed");
      // The handler may already have acked; a second ack throws, so fall back to the response URL.
      await ephemeral(input, { text: toUserMessage(error, reference) }).catch(() =>
        args.respond({ response_type: "ephemeral", text: toUserMessage(error, reference) }).catch(() => undefined),
      );
    }
  };
}
