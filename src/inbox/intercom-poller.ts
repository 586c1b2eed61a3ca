/**
 * The polling fallback for installs Intercom cannot reach (Socket Mode, no public URL): search conversations
 * updated since a stored cursor, read each one, and feed the inbox the same items, with the same dedupe keys, a
 * webhook would have produced, so a change seen by both paths is handled once.
 */
import { IntercomApiError } from "../intercom/errors.js";
import type { IntercomTransport } from "../intercom/types.js";
import { type ConversationLike, conversationOrderingKey, createdKey, type PartLike, partKey, partsOf, topicForPart } from "./intercom-keys.js";
import type { Inbox } from "./types.js";

export interface PollCursor {
  /** Unix seconds: conversations updated at or after this were not all seen yet. */
  get(): number | undefined;
  set(seconds: number): void;
}

export interface IntercomPollOptions {
  transport: IntercomTransport;
  inbox: Pick<Inbox, "accept">;
  cursor: PollCursor;
  now?: () => number;
  /** With no cursor yet (first start), how far back to look; default 15 minutes, not the whole history. */
  initialLookbackSeconds?: number;
  /** At most this many conversations per poll; the rest wait for the next one. Default 200. */
  maxConversations?: number;
  signal?: AbortSignal;
}

export interface PollReport {
  from: number;
  cursor: number;
  conversations: number;
  accepted: number;
  duplicates: number;
  /** Conversations that were gone by the time they were read (deleted). */
  missing: number;
  /** More changes were waiting than one poll takes. */
  truncated: boolean;
}

interface SearchPage {
  conversations?: (ConversationLike & { created_at?: unknown })[];
  pages?: { next?: { starting_after?: string | null } | null };
}

interface FullConversation extends ConversationLike {
  created_at?: unknown;
  source?: { author?: { type?: unknown } };
}

const CUSTOMER = new Set(["user", "lead", "contact"]);
const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** The inbox items one conversation contributes: its creation (when new) and each relevant part since `from`. */
export function changesSince(conversation: FullConversation, from: number): { topic: string; key: string; at: number; part?: PartLike }[] {
  const id = String(conversation.id);
  const changes: { topic: string; key: string; at: number; part?: PartLike }[] = [];
  const createdAt = num(conversation.created_at);
  if (createdAt >= from && CUSTOMER.has(String(conversation.source?.author?.type ?? "user")))
    changes.push({ topic: "conversation.user.created", key: createdKey(id), at: createdAt });
  for (const part of partsOf(conversation)) {
    const topic = topicForPart(part);
    if (!topic || part.id === undefined || part.id === null || num(part.created_at) < from) continue;
    changes.push({ topic, key: partKey(id, String(part.id)), at: num(part.created_at), part });
  }
  return changes;
}

export async function pollIntercomOnce(options: IntercomPollOptions): Promise<PollReport> {
  const now = options.now ?? Date.now;
  const limit = options.maxConversations ?? 200;
  const from = options.cursor.get() ?? Math.floor(now() / 1000) - (options.initialLookbackSeconds ?? 900);
  const report: PollReport = { from, cursor: from, conversations: 0, accepted: 0, duplicates: 0, missing: 0, truncated: false };
  let startingAfter: string | undefined;
  let newest = from;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await options.transport.request<SearchPage>({
      method: "POST",
      path: "/conversations/search",
      // Intercom's search has no >=: "> from - 1" keeps changes made in the same second as the last poll.
      body: {
        query: { field: "updated_at", operator: ">", value: from - 1 },
        sort: { field: "updated_at", order: "ascending" },
        pagination: { per_page: 50, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      },
      signal: options.signal,
    });
    for (const listed of page.data.conversations ?? []) {
      if (report.conversations >= limit) {
        report.truncated = true;
        break;
      }
      options.signal?.throwIfAborted();
      report.conversations += 1;
      const conversation = await readConversation(options, String(listed.id));
      if (!conversation) report.missing += 1;
      else {
        for (const change of changesSince(conversation, from)) {
          const result = await options.inbox.accept(
            { source: "poll", topic: change.topic, payload: conversation, orderingKey: conversationOrderingKey(String(conversation.id)) },
            [change.key],
          );
          if (result.accepted) report.accepted += 1;
          else report.duplicates += 1;
        }
      }
      newest = Math.max(newest, num(listed.updated_at));
    }
    startingAfter = page.data.pages?.next?.starting_after ?? undefined;
    if (report.truncated || !startingAfter) break;
  }
  // Sorted by update time, so everything before `newest` was seen; same-second stragglers come again and dedupe.
  report.cursor = newest;
  options.cursor.set(newest);
  return report;
}

async function readConversation(options: IntercomPollOptions, id: string): Promise<FullConversation | undefined> {
  try {
    const response = await options.transport.request<FullConversation>({
      method: "GET",
      path: `/conversations/${encodeURIComponent(id)}`,
      pathTemplate: "/conversations/{conversation_id}",
      signal: options.signal,
    });
    return response.data;
  } catch (error) {
    if (error instanceof IntercomApiError && error.status === 404) return undefined;
    throw error;
  }
}

export function describePoll(report: PollReport): string {
  if (report.conversations === 0) return "no conversation changed";
  const parts = [`${report.conversations} conversation${report.conversations === 1 ? "" : "s"} changed`, `${report.accepted} new to the inbox`];
  if (report.duplicates > 0) parts.push(`${report.duplicates} already there`);
  if (report.missing > 0) parts.push(`${report.missing} gone`);
  if (report.truncated) parts.push("more next time");
  return parts.join(", ");
}
