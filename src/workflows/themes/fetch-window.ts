/**
 * Fetches every conversation and ticket created or updated in the window through the tools' executor
 * (audited reads): search, page through with the cursor, and fetch a conversation's parts only when its
 * document needs the customer's replies (see needsReplies). A few requests run at once; the Intercom client
 * itself waits out 429s.
 */
import { needsReplies } from "../../domain/themes/documents.js";
import type { AuditedReads } from "../audited-reads.js";

export type FetchProgress = (done: number, total: number, what: "conversations" | "tickets" | "parts") => void;

export interface FetchedWindow {
  conversations: Record<string, unknown>[];
  tickets: Record<string, unknown>[];
}

const PER_PAGE = 150;
const PARALLEL = 6;

function windowQuery(fromSeconds: number, toSeconds: number) {
  const within = (field: string) => ({
    operator: "AND",
    value: [
      { field, operator: ">", value: fromSeconds - 1 },
      { field, operator: "<", value: toSeconds + 1 },
    ],
  });
  return { operator: "OR", value: [within("created_at"), within("updated_at")] };
}

async function searchAll(
  reads: AuditedReads,
  tool: string,
  listKey: "conversations" | "tickets",
  query: unknown,
  progress?: FetchProgress,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await reads.read<{ total_count?: number; pages?: { next?: { starting_after?: string } } } & Record<string, unknown>>(
      tool,
      { query, pagination: { per_page: PER_PAGE, ...(cursor ? { starting_after: cursor } : {}) } },
      "weekly themes digest: the window's conversations and tickets",
    );
    if (!result.ok) throw new Error(`Intercom search failed (${tool}): ${result.message}`);
    const batch = (result.data[listKey] as Record<string, unknown>[] | undefined) ?? [];
    items.push(...batch);
    progress?.(items.length, Math.max(items.length, result.data.total_count ?? items.length), listKey);
    cursor = result.data.pages?.next?.starting_after;
    if (!cursor || batch.length === 0) break;
  }
  return items;
}

export async function fetchWindow(reads: AuditedReads, from: number, to: number, progress?: FetchProgress): Promise<FetchedWindow> {
  const query = windowQuery(Math.floor(from / 1000), Math.floor(to / 1000));
  const conversations = await searchAll(reads, "INTERCOM_SEARCH_CONVERSATIONS", "conversations", query, progress);
  // Ticket search has no OR across created and updated in every workspace; the same query shape works on the emulator and Intercom.
  const tickets = await searchAll(reads, "INTERCOM_SEARCH_TICKETS", "tickets", query, progress);
  const needParts = conversations.filter(
    (c) => !(c.conversation_parts as { conversation_parts?: unknown[] } | undefined)?.conversation_parts && needsReplies(c),
  );
  let done = 0;
  let next = 0;
  const worker = async () => {
    while (next < needParts.length) {
      const conversation = needParts[next++];
      const full = await reads.read<Record<string, unknown>>("INTERCOM_GET_CONVERSATION", {
        conversation_id: String(conversation.id),
        display_as: "plaintext",
      });
      if (full.ok) conversation.conversation_parts = full.data.conversation_parts;
      progress?.(++done, needParts.length, "parts");
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, needParts.length) }, worker));
  return { conversations, tickets };
}
