/**
 * What a conversation or ticket contributes to the themes: the customer's own messages (the opening one and
 * their replies), never teammates', bots' or notes. Pure: takes Intercom 2.16 objects, returns documents.
 */
import { cleanCustomerText } from "./clean-text.js";

export interface ThemeDocument {
  /** "conversation:123" or "ticket:456". */
  key: string;
  kind: "conversation" | "ticket";
  id: string;
  createdAt: number;
  /** The cleaned, masked customer text that is clustered. */
  text: string;
  /** The opening customer message, cleaned and masked, for examples. */
  opening: string;
  /** The demo workspace's ground-truth intent, when present (evaluation only). */
  topic?: string;
}

const CUSTOMER = new Set(["user", "lead", "contact"]);
type Part = { part_type?: string; body?: string | null; author?: { type?: string } };

function customerParts(parts: Part[] | undefined): string[] {
  return (parts ?? [])
    .filter((p) => p.part_type === "comment" && CUSTOMER.has(p.author?.type ?? ""))
    .map((p) => cleanCustomerText(p.body))
    .filter(Boolean);
}

/** Below this many words an opening message says too little on its own, and the first customer reply joins it. */
const SHORT_OPENING_WORDS = 4;

/**
 * Whether a conversation's document needs its parts (the customer's replies): only when the opening is not a
 * customer message or is too short. Search results carry the opening but no parts, and fetching every
 * conversation one by one would cost a request each (10,000 a week is six minutes of Intercom's rate limit).
 */
export function needsReplies(conversation: Record<string, unknown>): boolean {
  const source = (conversation.source ?? {}) as { body?: string; author?: { type?: string } };
  if (!CUSTOMER.has(source.author?.type ?? "")) return true;
  return cleanCustomerText(source.body).split(" ").length < SHORT_OPENING_WORDS;
}

export function conversationDocument(conversation: Record<string, unknown>): ThemeDocument | undefined {
  const source = (conversation.source ?? {}) as { body?: string; author?: { type?: string }; subject?: string };
  const opening = CUSTOMER.has(source.author?.type ?? "") ? cleanCustomerText(source.body) : "";
  const parts = (conversation.conversation_parts as { conversation_parts?: Part[] } | undefined)?.conversation_parts;
  const replies = customerParts(parts);
  const first = opening || replies[0] || "";
  if (!first) return undefined;
  const attributes = (conversation.custom_attributes ?? {}) as Record<string, unknown>;
  return {
    key: `conversation:${conversation.id}`,
    kind: "conversation",
    id: String(conversation.id),
    createdAt: Number(conversation.created_at ?? 0),
    // The opening message carries the reason for writing; later replies are mostly "still not fixed",
    // so only the first reply joins it, and only when the opening alone is too short to say much.
    text: first.split(" ").length >= SHORT_OPENING_WORDS || replies.length === 0 ? first : `${first} ${replies.find((r) => r !== first) ?? ""}`.trim(),
    opening: first,
    topic: typeof attributes.topic === "string" ? attributes.topic : undefined,
  };
}

export function ticketDocument(ticket: Record<string, unknown>): ThemeDocument | undefined {
  const attributes = (ticket.ticket_attributes ?? {}) as Record<string, unknown>;
  const title = typeof attributes._default_title_ === "string" ? attributes._default_title_ : "";
  const description = typeof attributes._default_description_ === "string" ? attributes._default_description_ : "";
  const parts = (ticket.ticket_parts as { ticket_parts?: Part[] } | undefined)?.ticket_parts;
  const replies = customerParts(parts);
  const opening = cleanCustomerText([title, description].filter(Boolean).join(". ")) || replies[0] || "";
  if (!opening) return undefined;
  return {
    key: `ticket:${ticket.id}`,
    kind: "ticket",
    id: String(ticket.id),
    createdAt: Number(ticket.created_at ?? 0),
    text: opening,
    opening,
    topic: typeof attributes.topic === "string" ? attributes.topic : undefined,
  };
}
