/** Plain messages: only follow-ups in threads the bot owns, and direct messages, start a run. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { handleIncomingMessage } from "../../src/slack/flows/incoming-message.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

interface MessageFields {
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
}

export function message(context: SlackAppContext) {
  return async ({ event, body, context: bolt }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs): Promise<void> => {
    const m = event as unknown as MessageFields;
    handleIncomingMessage(
      context,
      {
        teamId: body.team_id,
        channel: m.channel,
        channelType: m.channel_type,
        ts: m.ts,
        threadTs: m.thread_ts,
        user: m.user,
        text: m.text ?? "",
        botId: m.bot_id,
        subtype: m.subtype,
        // A mention outside the bot's threads is the app_mention listener's job; here it counts as a plain message.
        mention: false,
      },
      bolt.botUserId,
    );
  };
}
