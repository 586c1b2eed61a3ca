/**
 * Decides whether a Slack message is for the bot and, if so, starts one run for it. An @-mention arrives both
 * as `app_mention` and as `message`; whichever claims (team, channel, ts) first handles it, the other does
 * nothing. Follow-ups in a thread the bot owns continue from its stored copy of the thread. A message delivered
 * again after its answer was posted (a replay after a crash) is not answered again.
 */
import { messageKey } from "../../store/processed-events-repo.js";
import { personaForChannel, type SlackAppContext } from "../slack-app-context.js";
import { askInThread } from "./run-presenter.js";

export interface IncomingMessage {
  teamId?: string;
  channel: string;
  channelType?: string;
  ts: string;
  threadTs?: string;
  user?: string;
  text: string;
  botId?: string;
  subtype?: string;
  /** True for app_mention events. */
  mention: boolean;
}

const HANDLED_SUBTYPES = new Set([undefined, "file_share", "thread_broadcast"]);

export function stripMention(text: string, botUserId: string | undefined): string {
  const withoutBot = botUserId ? text.replaceAll(`<@${botUserId}>`, " ") : text;
  return withoutBot.replace(/\s+/g, " ").trim();
}

/** Why a message is ignored, or undefined when it is for the bot. Pure, so the rules are easy to test. */
export function ignoreReason(message: IncomingMessage, botUserId: string | undefined, ownsThread: boolean): string | undefined {
  if (message.botId || message.subtype === "bot_message") return "from a bot";
  if (!HANDLED_SUBTYPES.has(message.subtype)) return `subtype ${message.subtype}`;
  if (!message.user || message.user === botUserId) return "no person";
  if (message.mention) return undefined;
  if (ownsThread) return undefined;
  if (message.channelType === "im") return undefined;
  return "not addressed to the bot";
}

/** Returns true when a run was started. */
export function handleIncomingMessage(context: SlackAppContext, message: IncomingMessage, botUserId: string | undefined): boolean {
  const thread = message.threadTs ? context.threads.get(message.channel, message.threadTs) : undefined;
  if (ignoreReason(message, botUserId, thread?.owned === true)) return false;
  const key = messageKey(message.teamId, message.channel, message.ts);
  if (!context.events.claim(key)) return false;
  const text = stripMention(message.text, botUserId);
  const target = { teamId: message.teamId, channel: message.channel, threadTs: message.threadTs ?? message.ts };
  const user = message.user!;
  if (!text) {
    context.work.start("empty mention", () =>
      context.poster
        .ephemeral(message.channel, user, { text: "Ask me something after the mention, e.g. “@Switchboard what is open for Acme?”", threadTs: target.threadTs })
        .then(() => undefined),
    );
    return false;
  }
  const persona = thread?.persona ?? personaForChannel(context, message.channel);
  // A mention inside someone else's thread is answered there, but later chatter in that thread is not.
  const owned = thread?.owned ?? message.threadTs === undefined;
  // Keyed by the message, so a replay of it after a crash does not answer it a second time.
  context.work.start("message run", () => askInThread(context, { target, persona, userId: user, text, owned, replyKey: key }));
  return true;
}
