/**
 * Dedupe and ordering keys for Intercom changes, shared by the webhook route and the polling job so that one
 * change seen both ways is handled once: a new conversation is `conversation:<id>:created`, anything after is
 * keyed by the conversation part that caused it, `conversation:<id>:part:<part id>`.
 */

export interface ConversationLike {
  id?: unknown;
  updated_at?: unknown;
  conversation_parts?: { conversation_parts?: readonly PartLike[] };
}

export interface PartLike {
  id?: unknown;
  part_type?: unknown;
  created_at?: unknown;
  author?: { type?: unknown };
}

export const notificationKey = (notificationId: string) => `intercom:notification:${notificationId}`;
export const conversationOrderingKey = (conversationId: string) => `conversation:${conversationId}`;
export const createdKey = (conversationId: string) => `conversation:${conversationId}:created`;
export const partKey = (conversationId: string, partId: string) => `conversation:${conversationId}:part:${partId}`;

export function partsOf(conversation: ConversationLike): readonly PartLike[] {
  const parts = conversation.conversation_parts?.conversation_parts;
  return Array.isArray(parts) ? parts : [];
}

/**
 * The key for the change a conversation webhook announces: its topic says "created", or the newest part is the
 * change (Intercom sends the conversation as it is right after that part). Without parts, the update time.
 */
export function conversationChangeKey(topic: string, conversation: ConversationLike): string | undefined {
  if (conversation.id === undefined || conversation.id === null) return undefined;
  const id = String(conversation.id);
  if (topic === "conversation.user.created") return createdKey(id);
  const last = partsOf(conversation).at(-1);
  if (last?.id !== undefined && last.id !== null) return partKey(id, String(last.id));
  if (conversation.updated_at !== undefined) return `conversation:${id}:updated:${String(conversation.updated_at)}`;
  return undefined;
}

const CUSTOMER = new Set(["user", "lead", "contact"]);

/** The webhook topic a conversation part corresponds to, for the parts the workflows care about. */
export function topicForPart(part: PartLike): string | undefined {
  const type = String(part.part_type ?? "");
  const author = String(part.author?.type ?? "");
  if (type === "comment") return CUSTOMER.has(author) ? "conversation.user.replied" : "conversation.admin.replied";
  if (type === "close") return "conversation.admin.closed";
  return undefined;
}
