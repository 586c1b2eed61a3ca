/**
 * Everything a person needs before taking over, pulled through audited reads (the same executor and audit
 * log as an agent's reads): the conversation with its transcript, the contact, their companies, tags,
 * segments, notes, recent events, and their conversations and tickets of the last 90 days. A read that fails
 * leaves its part empty and is named in `gaps`, so the briefing says what it could not see.
 */
import type { HistoryLike } from "../../domain/escalation/briefing-facts.js";
import type { AuditedReads } from "../audited-reads.js";

type Doc = Record<string, unknown>;
const DAY = 86_400;

/** The pure briefing reads exactly this shape, so it is defined once, beside it. */
export type EscalationHistory = HistoryLike;

const list = (value: unknown, key: string): Doc[] => {
  const inner = (value as Doc | undefined)?.[key];
  return Array.isArray(inner) ? (inner as Doc[]) : [];
};

export async function pullHistory(reads: AuditedReads, conversationId: string, nowSeconds: number, prompt?: string): Promise<EscalationHistory | undefined> {
  const why = prompt ?? `escalation briefing for conversation ${conversationId}`;
  const conversation = await reads.read<Doc>("INTERCOM_GET_CONVERSATION", { conversation_id: conversationId }, why);
  if (!conversation.ok) return undefined;
  const gaps: string[] = [];
  const history: EscalationHistory = {
    conversation: conversation.data,
    companies: [],
    tags: [],
    segments: [],
    notes: [],
    events: [],
    recentConversations: [],
    tickets: [],
    gaps,
  };
  const contactId = String(list(conversation.data.contacts, "contacts")[0]?.id ?? "");
  if (!contactId) return history;

  const since = nowSeconds - 90 * DAY;
  const byContact = (extra: Doc[]) => ({ operator: "AND", value: [{ field: "contact_ids", operator: "=", value: contactId }, ...extra] });
  const [contact, companies, tags, segments, notes, conversations, tickets] = await Promise.all([
    reads.read<Doc>("INTERCOM_GET_A_CONTACT", { contact_id: contactId }, why),
    reads.read<Doc>("INTERCOM_LIST_ATTACHED_COMPANIES_FOR_CONTACT", { contact_id: contactId }, why),
    reads.read<Doc>("INTERCOM_LIST_TAGS_ATTACHED_TO_A_CONTACT", { contact_id: contactId }, why),
    reads.read<Doc>("INTERCOM_LIST_ATTACHED_SEGMENTS_FOR_CONTACT", { contact_id: contactId }, why),
    reads.read<Doc>("INTERCOM_LIST_ALL_NOTES", { contact_id: contactId }, why),
    reads.read<Doc>(
      "INTERCOM_SEARCH_CONVERSATIONS",
      { query: byContact([{ field: "created_at", operator: ">", value: since }]), pagination: { per_page: 50 } },
      why,
    ),
    reads.read<Doc>("INTERCOM_SEARCH_TICKETS", { query: byContact([{ field: "created_at", operator: ">", value: since }]), pagination: { per_page: 50 } }, why),
  ]);
  if (contact.ok) history.contact = contact.data;
  else gaps.push("the contact");
  if (companies.ok) history.companies = list(companies.data, "data");
  else gaps.push("their company");
  if (tags.ok) history.tags = list(tags.data, "data").map((t) => String(t.name ?? ""));
  else gaps.push("their tags");
  if (segments.ok) history.segments = list(segments.data, "data").map((s) => String(s.name ?? ""));
  else gaps.push("their segments");
  if (notes.ok) history.notes = list(notes.data, "data");
  else gaps.push("their notes");
  if (conversations.ok) history.recentConversations = list(conversations.data, "conversations").filter((c) => String(c.id) !== conversationId);
  else gaps.push("their other conversations");
  if (tickets.ok) history.tickets = list(tickets.data, "tickets");
  else gaps.push("their tickets");

  const email = typeof history.contact?.email === "string" ? history.contact.email : undefined;
  const events = await reads.read<Doc>(
    "INTERCOM_LIST_DATA_EVENTS",
    { type: "user", filter: email ? { email } : { intercom_user_id: contactId }, per_page: 20 },
    why,
  );
  if (events.ok) history.events = list(events.data, "events");
  else gaps.push("their recent events");
  return history;
}
