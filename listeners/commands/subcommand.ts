/** What every `/switchboard` subcommand handler receives. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

export interface SubcommandInput {
  context: SlackAppContext;
  args: SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  /** The text after the subcommand name, trimmed. */
  rest: string;
}

export type Subcommand = (input: SubcommandInput) => Promise<void>;

/** Replies only to the person who typed the command, as the HTTP response (no Web API call needed). */
export function ephemeral(input: SubcommandInput, message: { text: string; blocks?: unknown[] }): Promise<void> {
  return input.args.ack({ response_type: "ephemeral", text: message.text, blocks: message.blocks as never });
}
