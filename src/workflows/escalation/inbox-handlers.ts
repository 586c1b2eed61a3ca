/**
 * Inbox topics the escalation flow listens to. Each handler re-reads the conversation and applies the score,
 * so a redelivered or out-of-order notification changes nothing twice (one alert per episode is kept in
 * SQLite). Throwing asks the inbox to retry later.
 */
import type { InboxHandler, InboxItem, InboxTopics } from "../contracts.js";
import type { EscalationWorkflow } from "./escalation-workflow.js";

type Doc = Record<string, unknown>;

/** Topics after which a conversation may have started or ended an episode. */
export const ESCALATION_CONVERSATION_TOPICS = [
  "conversation.user.created",
  "conversation.user.replied",
  "conversation.admin.replied",
  "conversation.admin.closed",
  "conversation.admin.assigned",
  "conversation.admin.opened",
] as const;
export const ESCALATION_TICKET_TOPICS = ["ticket.created", "ticket.state.updated", "ticket.contact.replied"] as const;

const conversationIdOf = (payload: unknown): string | undefined => {
  const doc = payload as Doc | undefined;
  if (!doc || typeof doc !== "object") return undefined;
  if (doc.type === "conversation" && (typeof doc.id === "string" || typeof doc.id === "number")) return String(doc.id);
  return undefined;
};

/** A ticket is judged through the conversation it is linked to, when it has one. */
const linkedConversationOf = (payload: unknown): string | undefined => {
  const links = ((payload as Doc | undefined)?.linked_objects as Doc | undefined)?.data;
  if (!Array.isArray(links)) return undefined;
  const link = (links as Doc[]).find((l) => l.type === "conversation" && l.id !== undefined);
  return link ? String(link.id) : undefined;
};

export function escalationConversationHandler(workflow: Pick<EscalationWorkflow, "evaluate">): InboxHandler {
  return async (item: InboxItem) => {
    const id = conversationIdOf(item.payload);
    if (!id) return;
    await workflow.evaluate(id, `escalation check after ${item.topic}`);
  };
}

export function escalationTicketHandler(workflow: Pick<EscalationWorkflow, "evaluate">): InboxHandler {
  return async (item: InboxItem) => {
    const id = linkedConversationOf(item.payload);
    if (!id) return;
    await workflow.evaluate(id, `escalation check after ${item.topic}`);
  };
}

export function registerEscalationInbox(topics: InboxTopics, deps: { workflow: Pick<EscalationWorkflow, "evaluate"> }): void {
  const onConversation = escalationConversationHandler(deps.workflow);
  const onTicket = escalationTicketHandler(deps.workflow);
  for (const topic of ESCALATION_CONVERSATION_TOPICS) topics.on(topic, onConversation);
  for (const topic of ESCALATION_TICKET_TOPICS) topics.on(topic, onTicket);
}
