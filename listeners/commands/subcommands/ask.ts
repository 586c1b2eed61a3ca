/**
 * `/switchboard ask <text>`: acks at once, posts the question in the channel and answers in its thread. If the
 * bot cannot post there (not invited), the person is told privately how to fix it.
 */
import { newErrorReference, toUserMessage } from "../../../src/errors.js";
import { escapeMrkdwn, fallbackText, truncate } from "../../../src/slack/blocks/mrkdwn.js";
import { usageHelp } from "../../../src/slack/blocks/usage-help.js";
import { askInThread } from "../../../src/slack/flows/run-presenter.js";
import { personaForChannel } from "../../../src/slack/slack-app-context.js";
import { ephemeral, type Subcommand } from "../subcommand.js";

function postFailure(error: unknown, reference: string): string {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code === "not_in_channel" || code === "channel_not_found") {
    return "I can't post in this channel yet. Invite me with `/invite @Switchboard` and ask again, or ask me in a direct message.";
  }
  return toUserMessage(error, reference);
}

export const askSubcommand: Subcommand = async (input) => {
  const { context, args, rest } = input;
  if (!rest) {
    await ephemeral(input, usageHelp("`ask` needs a question, e.g. `/switchboard ask what is open for Acme?`"));
    return;
  }
  await args.ack();
  const { command } = args;
  const persona = personaForChannel(context, command.channel_id);
  context.work.start("ask command", async () => {
    let rootTs: string;
    try {
      rootTs = await context.poster.post(command.channel_id, {
        text: `<@${command.user_id}> asked: ${fallbackText(rest, 200)}`,
        blocks: [
          {
            type: "section",
            text: {
              type: "mrkdwn",
              text: `<@${command.user_id}> asked (persona *${escapeMrkdwn(persona)}*):\n>${escapeMrkdwn(truncate(rest, 2800)).replace(/\n/g, "\n>")}`,
            },
          },
        ],
      });
    } catch (error) {
      const reference = newErrorReference();
      context.logger.warn({ err: error, reference }, "Could not post the question");
      await args.respond({ response_type: "ephemeral", text: postFailure(error, reference) });
      return;
    }
    await askInThread(context, {
      target: { teamId: command.team_id, channel: command.channel_id, threadTs: rootTs },
      persona,
      userId: command.user_id,
      text: rest,
    });
  });
};
