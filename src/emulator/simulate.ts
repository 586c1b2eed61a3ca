/**
 * Inbound activity on demand, for demos and end-to-end tests: a new customer conversation, a customer reply,
 * or a new ticket. Each goes through the same code as the API, so webhooks fire exactly as they would.
 */
import { badRequest, notFound } from "./api-error.js";
import { publicDoc } from "./resources/common.js";
import { act, actorFromContact } from "./resources/conversation-actions.js";
import { conversationView, findContactBy, newConversation } from "./resources/conversations.js";
import { createTicket } from "./resources/tickets.js";
import type { EmulatorState } from "./state.js";
import type { Doc, WebhookSink } from "./types.js";

export type SimulateKind = "conversation" | "reply" | "ticket";
export const SIMULATE_KINDS: readonly SimulateKind[] = ["conversation", "reply", "ticket"];

export interface SimulateOptions {
  /** Contact id or email; default: a contact picked deterministically. */
  contact?: string;
  /** For "reply": the conversation; default: the most recently updated open one. */
  conversationId?: string;
  body?: string;
  /** For "ticket": the ticket type; default: the first Customer ticket type. */
  ticketTypeId?: string;
  title?: string;
}

const SAMPLE_MESSAGES = [
  "My card payment was declined twice today, what is going on?",
  "I still have not received the refund you promised last week.",
  "How do I change the PIN on my card?",
  "There is a transfer on my account that I do not recognise.",
  "Can I top up my account with cash at a shop?",
];

export function simulate(state: EmulatorState, webhooks: WebhookSink, kind: SimulateKind, options: SimulateOptions, now: number): Doc {
  const pick = (counter: string) => {
    const n = Number.parseInt(state.nextId(`simulate_${counter}`, "numeric", 0), 10);
    return n;
  };
  const contact = resolveContact(state, options.contact, pick("contact"));
  switch (kind) {
    case "conversation": {
      const body = options.body ?? SAMPLE_MESSAGES[pick("message") % SAMPLE_MESSAGES.length];
      const conversation = state.save("conversations", newConversation(state, contact, body, now));
      webhooks.emit("conversation.user.created", conversationView(conversation));
      return conversationView(conversation);
    }
    case "reply": {
      const conversation = options.conversationId
        ? state.get("conversations", options.conversationId)
        : latestOpen(state, options.contact ? contact.id : undefined);
      if (!conversation) throw notFound("Conversation");
      const customerId = options.contact ? contact.id : conversation.contacts?.contacts?.[0]?.id;
      const customer = customerId ? state.get("contacts", customerId) : undefined;
      if (!customer) throw notFound("User");
      const body = options.body ?? "Any update on this? I am still waiting.";
      act(state, webhooks, conversation, { kind: "comment", actor: actorFromContact(customer), body: `<p>${body}</p>` }, now);
      return conversationView(conversation);
    }
    case "ticket": {
      const type = options.ticketTypeId
        ? state.get("ticket_types", options.ticketTypeId)
        : state.all("ticket_types").find((t) => t.category === "Customer" && !t.archived);
      if (!type) throw notFound("Ticket type");
      const ticket = createTicket(
        state,
        webhooks,
        {
          ticket_type_id: type.id,
          contacts: [{ id: contact.id }],
          ticket_attributes: { _default_title_: options.title ?? "Problem reported by a customer", _default_description_: options.body ?? SAMPLE_MESSAGES[0] },
        },
        now,
      );
      return publicDoc(ticket);
    }
    default:
      throw badRequest(`Unknown simulate kind ${String(kind)}; use one of ${SIMULATE_KINDS.join(", ")}`);
  }
}

function resolveContact(state: EmulatorState, ref: string | undefined, counter: number): Doc {
  if (ref) {
    const contact = findContactBy(state, ref.includes("@") ? { email: ref } : { id: ref });
    if (!contact) throw notFound("User");
    return contact;
  }
  const users = state.all("contacts").filter((c) => !c._merged_into);
  if (users.length === 0) throw notFound("User");
  return users[(counter * 7919) % users.length];
}

function latestOpen(state: EmulatorState, contactId?: string): Doc | undefined {
  let best: Doc | undefined;
  for (const c of state.values("conversations")) {
    if (c.state === "closed") continue;
    if (contactId && !c.contacts?.contacts?.some((ref: Doc) => ref.id === contactId)) continue;
    if (!best || c.updated_at > best.updated_at) best = c;
  }
  return best;
}
