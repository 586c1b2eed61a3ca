/**
 * What the FAQ flow needs from an inbound Intercom item: which conversation or ticket, the customer's newest
 * message (as text), the conversation before it, and a key that is the same on every redelivery.
 */
import { htmlToPlainText } from "../../kb/html-text.js";
import { type TeammateReply, teammateRepliesAfter } from "./draft-staleness.js";

type Doc = Record<string, unknown>;

export interface InboundMessage {
  kind: "conversation" | "ticket";
  /** The conversation or ticket id. */
  id: string;
  /** conversation id + the part that carries the message: the same on a redelivered webhook. */
  messageKey: string;
  text: string;
  /** Oldest first: the subject and earlier customer messages. */
  context: string[];
  customerName?: string;
  contactId?: string;
  /** The teammate the conversation is assigned to, when it is assigned to a person (not a team, not nobody). */
  assigneeId?: string;
  /** For a reply: the conversation part that carries the message. */
  partId?: string;
  /** The newest teammate reply the customer can see, written after this message (from the conversation as read now). */
  teammateReplied?: TeammateReply;
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const asDoc = (v: unknown): Doc => (v && typeof v === "object" ? (v as Doc) : {});
const isCustomer = (author: Doc) => ["user", "lead", "contact"].includes(str(author.type));

/** The customer's own messages among a conversation's parts, oldest first (not notes, not teammates). */
function customerParts(conversation: Doc): Doc[] {
  return ((asDoc(conversation.conversation_parts).conversation_parts as Doc[] | undefined) ?? []).filter(
    (p) => isCustomer(asDoc(p.author)) && str(p.body) && ["comment", "open"].includes(str(p.part_type) || "comment"),
  );
}

/**
 * A reply's notification may carry only the newest parts; the conversation as Intercom holds it now has the
 * earlier customer messages. Pure. What the customer wrote after this message is not its context, and a
 * conversation that no longer has the part is left as the notification gave it.
 */
export function withConversation(message: InboundMessage, conversation: unknown, own?: ReadonlySet<string>): InboundMessage {
  const now = asDoc(conversation);
  if (message.kind !== "conversation" || !message.partId || str(now.id) !== message.id) return message;
  const parts = customerParts(now);
  const at = parts.findIndex((p) => str(p.id) === message.partId);
  if (at < 0) return message;
  const source = asDoc(now.source);
  const author = asDoc(source.author);
  const opening = !str(author.type) || isCustomer(author) ? htmlToPlainText(str(source.body)) : "";
  const earlier = [opening, ...parts.slice(0, at).map((p) => htmlToPlainText(str(p.body)))].filter(Boolean);
  const subject = htmlToPlainText(str(source.subject));
  const assignee = str(now.admin_assignee_id);
  const teammateReplied = teammateRepliesAfter(now, "conversation", message.partId, undefined, own).at(-1);
  return {
    ...message,
    context: [subject, ...earlier].filter(Boolean),
    assigneeId: assignee && assignee !== "0" ? assignee : undefined,
    ...(teammateReplied ? { teammateReplied } : {}),
  };
}

export function parseInbound(topic: string, payload: unknown): InboundMessage | undefined {
  const item = asDoc(payload);
  if (!str(item.id)) return undefined;
  const contactId = str(asDoc((asDoc(item.contacts).contacts as Doc[] | undefined)?.[0]).id) || undefined;
  if (topic === "ticket.created") {
    const attributes = asDoc(item.ticket_attributes);
    const title = htmlToPlainText(str(attributes._default_title_));
    const description = htmlToPlainText(str(attributes._default_description_));
    const text = description || title;
    if (!text) return undefined;
    return { kind: "ticket", id: str(item.id), messageKey: `ticket:${str(item.id)}`, text, context: description && title ? [title] : [], contactId };
  }
  const source = asDoc(item.source);
  const author = asDoc(source.author);
  const subject = htmlToPlainText(str(source.subject));
  // A conversation a teammate started (an outbound message) opens with the teammate's words, not the customer's.
  const openedByCustomer = !str(author.type) || isCustomer(author);
  const opening = openedByCustomer ? htmlToPlainText(str(source.body)) : "";
  const assignee = str(item.admin_assignee_id);
  const assigneeId = assignee && assignee !== "0" ? assignee : undefined;
  const parts = customerParts(item);
  const context = [subject].filter(Boolean);
  if (topic === "conversation.user.replied" && parts.length > 0) {
    const last = parts[parts.length - 1] as Doc;
    const customerName = str((openedByCustomer ? author : asDoc(last.author)).name) || undefined;
    const earlier = [opening, ...parts.slice(0, -1).map((p) => htmlToPlainText(str(p.body)))].filter(Boolean);
    return {
      kind: "conversation",
      id: str(item.id),
      messageKey: `conversation:${str(item.id)}:${str(last.id)}`,
      text: htmlToPlainText(str(last.body)),
      context: [...context, ...earlier],
      customerName,
      contactId,
      assigneeId,
      partId: str(last.id) || undefined,
    };
  }
  if (!opening) return undefined;
  return {
    kind: "conversation",
    id: str(item.id),
    messageKey: `conversation:${str(item.id)}:${str(source.id) || "source"}`,
    text: opening,
    context,
    customerName: str(author.name) || undefined,
    contactId,
    assigneeId,
  };
}
