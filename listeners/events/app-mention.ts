/** @-mentions: answered in a thread (the mention's own thread when it is in one). */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { handleIncomingMessage } from "../../src/slack/flows/incoming-message.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";

export function appMention(context: SlackAppContext) {
  return async ({ event, body, context: bolt }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs): Promise<void> => {
    handleIncomingMessage(
      context,
      {
        teamId: body.team_id,
        channel: event.channel,
        ts: event.ts,
        threadTs: event.thread_ts,
        user: event.user,
        text: event.text ?? "",
        botId: event.bot_id,
        subtype: (event as { subtype?: string }).subtype,
        mention: true,
      },
      bolt.botUserId,
    );
  };
}
