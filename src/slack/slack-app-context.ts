/** Everything a listener needs: built once by the composition root (src/app.ts) and handed to registerListeners. */
import type { WebClient } from "@slack/web-api";
import type { IntercomConnection } from "../connections/intercom-connection.js";
import type { Logger } from "../logger.js";
import type { ApprovalCardsRepo } from "../store/approval-cards-repo.js";
import type { ChannelSettingsRepo } from "../store/channel-settings-repo.js";
import type { ProcessedEventsRepo } from "../store/processed-events-repo.js";
import type { SlackThreadsRepo } from "../store/slack-threads-repo.js";
import type { BackgroundWork } from "./background-work.js";
import type { KeyedLock } from "./keyed-lock.js";
import type { SlackPoster } from "./slack-poster.js";
import type { SlackServices } from "./slack-services.js";

export interface SlackAppContext {
  services: SlackServices;
  poster: SlackPoster;
  client: WebClient;
  /** Claims of Slack deliveries (see createSlackApp: with the inbox, scoped to the item being worked on). */
  events: Pick<ProcessedEventsRepo, "claim" | "has">;
  channels: ChannelSettingsRepo;
  threads: SlackThreadsRepo;
  /** Where approval cards were posted, so expired ones can be updated. */
  cards: ApprovalCardsRepo;
  intercom: IntercomConnection;
  /** Serializes work per Intercom conversation: a reply always lands before a close. */
  conversationLock: KeyedLock;
  work: BackgroundWork;
  logger: Logger;
  mode: "socket" | "http";
  now: () => number;
}

/** The persona that answers in a channel: the one set with `/switchboard persona`, else the default. */
export function personaForChannel(context: SlackAppContext, channel: string): string {
  const chosen = context.channels.get(channel)?.persona;
  if (chosen && context.services.personas.get(chosen)) return chosen;
  return context.services.personas.defaultPersona;
}

/** Stable id for the agent's memory of a Slack thread. */
export const threadIdFor = (teamId: string | undefined, channel: string, threadTs: string) => `slack:${teamId ?? "-"}:${channel}:${threadTs}`;
