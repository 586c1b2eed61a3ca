/** /conversations: create, list, read, search, reply, manage (parts), attach customers, tags. */
import { ApiError, notFound } from "../api-error.js";
import { cursorPage, parsePerPage } from "../pagination.js";
import { runSearch } from "../search/run-search.js";
import { conversationSearchSchema } from "../search/schemas.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc, requireString, stripHtml, wrapParagraph } from "./common.js";
import { act, actorFromContact, manageAction, replyAction } from "./conversation-actions.js";

/** Finds a contact by any of the identifiers Intercom accepts in request bodies. */
export function findContactBy(state: EmulatorState, ref: Doc): Doc | undefined {
  const id = ref.intercom_user_id ?? ref.id;
  if (id !== undefined) {
    const contact = state.get("contacts", String(id));
    return contact && !contact._merged_into ? contact : undefined;
  }
  for (const contact of state.values("contacts")) {
    if (contact._merged_into) continue;
    if (ref.user_id !== undefined && contact.external_id === String(ref.user_id)) return contact;
    if (ref.email !== undefined && contact.email === String(ref.email)) return contact;
  }
  return undefined;
}

export function newConversation(state: EmulatorState, contact: Doc, body: string, now: number, subject = ""): Doc {
  const id = state.nextId("conversation", "numeric", 100000);
  const author = actorFromContact(contact);
  return {
    type: "conversation",
    id,
    title: null,
    created_at: now,
    updated_at: now,
    waiting_since: now,
    snoozed_until: null,
    open: true,
    state: "open",
    read: false,
    priority: "none",
    admin_assignee_id: 0,
    team_assignee_id: 0,
    tags: { type: "tag.list", tags: [] },
    source: {
      type: "conversation",
      id: state.nextId("message", "numeric", 500000),
      delivered_as: "customer_initiated",
      subject,
      body: wrapParagraph(body),
      author: { type: author.type, id: author.id, name: author.name, email: author.email },
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: [{ type: "contact", id: contact.id, external_id: contact.external_id ?? null }] },
    teammates: { type: "admin.list", teammates: [] },
    custom_attributes: {},
    first_contact_reply: { created_at: now, type: "conversation", url: null },
    statistics: {
      type: "conversation_statistics",
      first_contact_reply_at: now,
      last_contact_reply_at: now,
      count_reopens: 0,
      count_assignments: 0,
      count_conversation_parts: 1,
    },
    conversation_parts: { type: "conversation_part.list", conversation_parts: [], total_count: 0 },
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ai_agent_participated: false,
  };
}

export function conversationView(conversation: Doc, plaintext = false): Doc {
  const view = publicDoc(conversation);
  if (!plaintext) return view;
  return {
    ...view,
    source: { ...view.source, body: stripHtml(view.source?.body ?? "") },
    conversation_parts: {
      ...view.conversation_parts,
      conversation_parts: (view.conversation_parts?.conversation_parts ?? []).map((p: Doc) => ({ ...p, body: p.body === null ? null : stripHtml(p.body) })),
    },
  };
}

export function listItemView(conversation: Doc): Doc {
  const { conversation_parts: _parts, ...rest } = publicDoc(conversation);
  return rest;
}

export function findConversation(state: EmulatorState, id: string): Doc {
  return requireDoc(state, "conversations", id, "Conversation");
}

export const conversationRoutes: RouteDef[] = [
  {
    method: "POST",
    path: "/conversations",
    handler: ({ state, body, nowSeconds, webhooks }) => {
      const from = body.from as Doc | undefined;
      if (!from || typeof from !== "object") throw new ApiError(400, "parameter_not_found", "from is required", "from");
      const text = requireString(body, "body");
      const contact = findContactBy(state, from);
      if (!contact) throw notFound("User");
      const created = typeof body.created_at === "number" ? body.created_at : nowSeconds;
      const conversation = state.save("conversations", newConversation(state, contact, text, created));
      webhooks.emit("conversation.user.created", conversationView(conversation));
      return ok({
        type: "user_message",
        id: conversation.source.id,
        created_at: created,
        body: conversation.source.body,
        message_type: "inapp",
        conversation_id: conversation.id,
      });
    },
  },
  {
    method: "GET",
    path: "/conversations",
    handler: ({ state, query }) => {
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 20, maxPerPage: 150 });
      const page = cursorPage(state.all("conversations"), perPage, query.get("starting_after"), (doc) => state.positionOf("conversations", String(doc.id)));
      return ok({ type: "conversation.list", conversations: page.items.map(listItemView), total_count: page.totalCount, pages: page.pages });
    },
  },
  {
    method: "POST",
    path: "/conversations/search",
    handler: ({ state, body }) => {
      const page = runSearch(
        state.values("conversations"),
        body,
        conversationSearchSchema,
        { defaultPerPage: 20, maxPerPage: 150 },
        {
          positionOf: (doc) => state.positionOf("conversations", String(doc.id)),
        },
      );
      return ok({ type: "conversation.list", conversations: page.items.map(listItemView), total_count: page.totalCount, pages: page.pages });
    },
  },
  {
    method: "GET",
    path: "/conversations/{conversation_id}",
    handler: ({ state, params, query }) => ok(conversationView(findConversation(state, params.conversation_id), query.get("display_as") === "plaintext")),
  },
  {
    method: "POST",
    path: "/conversations/{conversation_id}/reply",
    handler: ({ state, params, body, nowSeconds, webhooks }) => {
      const action = replyAction(state, body);
      let conversation: Doc | undefined;
      if (params.conversation_id === "last") {
        // "last" means the contact's most recent conversation.
        for (const candidate of state.values("conversations")) {
          if (candidate.contacts?.contacts?.some((c: Doc) => c.id === action.actor.id) && (!conversation || candidate.created_at >= conversation.created_at))
            conversation = candidate;
        }
        if (!conversation) throw notFound("Conversation");
      } else conversation = findConversation(state, params.conversation_id);
      return ok(conversationView(act(state, webhooks, conversation, action, nowSeconds)));
    },
  },
  {
    method: "POST",
    path: "/conversations/{conversation_id}/parts",
    handler: ({ state, params, body, nowSeconds, webhooks }) => {
      const conversation = findConversation(state, params.conversation_id);
      return ok(conversationView(act(state, webhooks, conversation, manageAction(state, body), nowSeconds)));
    },
  },
  {
    method: "POST",
    path: "/conversations/{conversation_id}/customers",
    handler: ({ state, params, body, nowSeconds }) => {
      const conversation = findConversation(state, params.conversation_id);
      const customer = body.customer as Doc | undefined;
      if (!customer || typeof customer !== "object") throw new ApiError(400, "parameter_not_found", "customer is required", "customer");
      const contact = findContactBy(state, customer);
      if (!contact) throw notFound("User");
      const contacts = conversation.contacts.contacts as Doc[];
      if (contacts.length >= 10) throw new ApiError(422, "too_many_participants", "A conversation can have at most 10 participants");
      if (!contacts.some((c) => c.id === contact.id)) contacts.push({ type: "contact", id: contact.id, external_id: contact.external_id ?? null });
      conversation.updated_at = nowSeconds;
      return ok(conversationView(state.save("conversations", conversation)));
    },
  },
  {
    method: "POST",
    path: "/conversations/{conversation_id}/tags",
    handler: ({ state, params, body, nowSeconds }) => {
      const conversation = findConversation(state, params.conversation_id);
      const tag = requireDoc(state, "tags", requireString(body, "id"), "Tag");
      const admin = requireDoc(state, "admins", requireString(body, "admin_id"), "Admin");
      const tags = conversation.tags.tags as Doc[];
      if (!tags.some((t) => t.id === tag.id))
        tags.push({ type: "tag", id: tag.id, name: tag.name, applied_at: nowSeconds, applied_by: { type: "admin", id: String(admin.id) } });
      conversation.updated_at = nowSeconds;
      state.save("conversations", conversation);
      return ok({ type: "tag", id: tag.id, name: tag.name });
    },
  },
  {
    method: "DELETE",
    path: "/conversations/{conversation_id}/tags/{tag_id}",
    handler: ({ state, params, nowSeconds }) => {
      const conversation = findConversation(state, params.conversation_id);
      const tag = requireDoc(state, "tags", params.tag_id, "Tag");
      const tags = conversation.tags.tags as Doc[];
      if (!tags.some((t) => t.id === tag.id)) throw notFound("Tag");
      conversation.tags.tags = tags.filter((t) => t.id !== tag.id);
      conversation.updated_at = nowSeconds;
      state.save("conversations", conversation);
      return ok({ type: "tag", id: tag.id, name: tag.name });
    },
  },
];
