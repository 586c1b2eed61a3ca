/** /tickets (create, read, update, delete, search, reply, tags) and the enqueue-job endpoints. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { runSearch } from "../search/run-search.js";
import { ticketSearchSchema } from "../search/schemas.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef, type WebhookSink } from "../types.js";
import { applyFields, publicDoc, requireDoc, requireString, wrapParagraph } from "./common.js";
import { findContactBy } from "./conversations.js";

type Author = { type: "admin" | "bot" | "team" | "user"; id: string; name: string | null; email: string };

export function ticketTypeView(type: Doc): Doc {
  return publicDoc(type);
}

export function statesOf(state: EmulatorState, ticketType: Doc): Doc[] {
  const own = (ticketType.ticket_states?.data ?? []) as Doc[];
  return own.length > 0
    ? own
    : state
        .all("ticket_states")
        .map((s) => ({ type: "ticket_state", id: s.id, category: s.category, internal_label: s.internal_label, external_label: s.external_label }));
}

export function newTicket(state: EmulatorState, ticketType: Doc, contacts: Doc[], attributes: Doc, now: number): Doc {
  const initial = statesOf(state, ticketType).find((s) => s.category === "submitted") ?? statesOf(state, ticketType)[0];
  const { ticket_states: _states, ...typeView } = ticketTypeView(ticketType);
  return {
    type: "ticket",
    id: state.nextId("ticket", "numeric", 700000),
    ticket_id: state.nextId("ticket_number", "numeric", 100),
    category: ticketType.category,
    ticket_attributes: { ...attributes },
    ticket_state: initial
      ? { type: "ticket_state", id: initial.id, category: initial.category, internal_label: initial.internal_label, external_label: initial.external_label }
      : undefined,
    ticket_type: { ...typeView, ticket_states: ticketType.ticket_states },
    contacts: { type: "contact.list", contacts: contacts.map((c) => ({ type: "contact", id: c.id, external_id: c.external_id ?? null })) },
    admin_assignee_id: 0,
    team_assignee_id: 0,
    created_at: now,
    updated_at: now,
    open: true,
    linked_objects: { type: "list", total_count: 0, has_more: false, data: [] },
    ticket_parts: { type: "ticket_part.list", ticket_parts: [], total_count: 0 },
    is_shared: ticketType.category === "Customer",
    previous_ticket_state_id: null,
  };
}

function addPart(state: EmulatorState, ticket: Doc, partType: string, author: Author, body: string | null, now: number, previousCategory?: string): Doc {
  const part: Doc = {
    type: "ticket_part",
    id: state.nextId("ticket_part", "numeric", 8_000_000),
    part_type: partType,
    body,
    previous_ticket_state: previousCategory ?? ticket.ticket_state?.category,
    ticket_state: ticket.ticket_state?.category,
    created_at: now,
    updated_at: now,
    author,
    attachments: [],
    external_id: null,
    redacted: false,
    app_package_code: "switchboard-emulator",
  };
  ticket.ticket_parts.ticket_parts.push(part);
  ticket.ticket_parts.total_count = ticket.ticket_parts.ticket_parts.length;
  ticket.updated_at = now;
  return part;
}

function resolveContacts(state: EmulatorState, refs: unknown): Doc[] {
  if (!Array.isArray(refs) || refs.length === 0) throw new ApiError(400, "parameter_not_found", "contacts must list at least one contact", "contacts");
  return refs.map((ref) => {
    const contact = findContactBy(state, (ref ?? {}) as Doc);
    if (!contact) throw notFound("User");
    return contact;
  });
}

/** Creates a ticket from a request body; shared by POST /tickets, the enqueue job and simulate. */
export function createTicket(state: EmulatorState, webhooks: WebhookSink, body: Doc, now: number): Doc {
  const ticketType = requireDoc(state, "ticket_types", requireString(body, "ticket_type_id"), "Ticket type");
  const contacts = resolveContacts(state, body.contacts);
  const ticket = newTicket(state, ticketType, contacts, (body.ticket_attributes ?? {}) as Doc, typeof body.created_at === "number" ? body.created_at : now);
  const assignment = body.assignment as Doc | undefined;
  if (assignment?.admin_assignee_id !== undefined) ticket.admin_assignee_id = Number(assignment.admin_assignee_id) || 0;
  if (assignment?.team_assignee_id !== undefined) ticket.team_assignee_id = Number(assignment.team_assignee_id) || 0;
  state.save("tickets", ticket);
  webhooks.emit("ticket.created", publicDoc(ticket));
  return ticket;
}

function findTicket(state: EmulatorState, id: string): Doc {
  return requireDoc(state, "tickets", id, "Ticket");
}

function adminAuthor(admin: Doc): Author {
  return { type: "admin", id: String(admin.id), name: admin.name ?? null, email: admin.email ?? "" };
}

export const ticketRoutes: RouteDef[] = [
  { method: "POST", path: "/tickets", handler: ({ state, body, nowSeconds, webhooks }) => ok(publicDoc(createTicket(state, webhooks, body, nowSeconds))) },
  {
    method: "POST",
    path: "/tickets/enqueue",
    handler: ({ state, body, nowSeconds, webhooks }) => {
      const ticket = createTicket(state, webhooks, body, nowSeconds);
      const id = state.nextId("job", "numeric", 3000);
      const job = {
        type: "job",
        id,
        url: `/jobs/status/${id}`,
        status: "success",
        resource_type: "ticket",
        resource_id: ticket.id,
        resource_url: `/tickets/${ticket.id}`,
      };
      state.save("jobs", job);
      return ok(job);
    },
  },
  { method: "GET", path: "/jobs/status/{job_id}", handler: ({ state, params }) => ok(publicDoc(requireDoc(state, "jobs", params.job_id, "Job"))) },
  {
    method: "POST",
    path: "/tickets/search",
    handler: ({ state, body }) => {
      const page = runSearch(
        state.values("tickets"),
        body,
        ticketSearchSchema,
        { defaultPerPage: 20, maxPerPage: 150 },
        {
          positionOf: (doc) => state.positionOf("tickets", String(doc.id)),
        },
      );
      return ok({ type: "ticket.list", tickets: page.items.map(publicDoc), total_count: page.totalCount, pages: page.pages });
    },
  },
  { method: "GET", path: "/tickets/{ticket_id}", handler: ({ state, params }) => ok(publicDoc(findTicket(state, params.ticket_id))) },
  {
    method: "PUT",
    path: "/tickets/{ticket_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const ticket = findTicket(state, params.ticket_id);
      const admin = body.admin_id !== undefined ? requireDoc(state, "admins", String(body.admin_id), "Admin") : state.get("admins", state.workspace.meAdminId);
      const author: Author = admin ? adminAuthor(admin) : { type: "bot", id: "0", name: "Operator", email: "" };
      if (body.ticket_attributes && typeof body.ticket_attributes === "object") {
        ticket.ticket_attributes = { ...ticket.ticket_attributes, ...body.ticket_attributes };
        addPart(state, ticket, "ticket_attribute_updated_by_admin", author, null, nowSeconds);
      }
      if (body.ticket_state_id !== undefined) {
        const next = statesOf(state, ticket.ticket_type).find((s) => s.id === String(body.ticket_state_id));
        if (!next) throw badRequest(`ticket_state_id ${body.ticket_state_id} is not a state of this ticket type`, "parameter_invalid", "ticket_state_id");
        const previous = ticket.ticket_state;
        ticket.previous_ticket_state_id = previous?.id ?? null;
        ticket.ticket_state = {
          type: "ticket_state",
          id: next.id,
          category: next.category,
          internal_label: next.internal_label,
          external_label: next.external_label,
        };
        // open follows the state both ways: reopening a resolved ticket makes it open again.
        ticket.open = next.category !== "resolved";
        addPart(state, ticket, "ticket_state_updated_by_admin", author, null, nowSeconds, previous?.category);
      }
      if (body.assignee_id !== undefined) {
        const assigneeId = String(body.assignee_id);
        if (assigneeId !== "0" && !state.get("admins", assigneeId) && !state.get("teams", assigneeId)) throw notFound("Assignee");
        if (state.get("teams", assigneeId)) ticket.team_assignee_id = Number(assigneeId);
        else ticket.admin_assignee_id = Number(assigneeId);
        const part = addPart(state, ticket, "assignment", author, null, nowSeconds);
        part.assigned_to = { type: state.get("teams", assigneeId) ? "team" : "admin", id: assigneeId };
      }
      applyFields(ticket, body, ["open", "is_shared"]);
      if (typeof body.snoozed_until === "number") ticket.snoozed_until = body.snoozed_until;
      ticket.updated_at = nowSeconds;
      return ok(publicDoc(state.save("tickets", ticket)));
    },
  },
  {
    method: "DELETE",
    path: "/tickets/{ticket_id}",
    handler: ({ state, params }) => {
      const ticket = findTicket(state, params.ticket_id);
      state.remove("tickets", ticket.id);
      return ok({ id: ticket.id, object: "ticket", deleted: true });
    },
  },
  {
    method: "POST",
    path: "/tickets/{ticket_id}/reply",
    handler: ({ state, params, body, nowSeconds, webhooks }) => {
      const ticket = findTicket(state, params.ticket_id);
      const text = typeof body.body === "string" ? wrapParagraph(body.body) : null;
      const messageType = body.message_type ?? "comment";
      let author: Author;
      if (body.type === "admin") {
        author = adminAuthor(requireDoc(state, "admins", requireString(body, "admin_id"), "Admin"));
        if (!["comment", "note", "quick_reply"].includes(messageType))
          throw badRequest("message_type must be comment, note or quick_reply", "parameter_invalid", "message_type");
      } else if (body.type === "user") {
        const contact = findContactBy(state, body);
        if (!contact) throw notFound("User");
        author = { type: "user", id: contact.id, name: contact.name ?? null, email: contact.email ?? "" };
        if (messageType !== "comment") throw badRequest("A contact can only reply with message_type comment", "parameter_invalid", "message_type");
      } else throw badRequest("type must be admin or user", "parameter_invalid", "type");
      if (text === null && messageType !== "quick_reply") throw new ApiError(400, "parameter_not_found", "body is required", "body");
      const part = addPart(state, ticket, messageType, author, text, nowSeconds);
      state.save("tickets", ticket);
      webhooks.emit(
        author.type === "admin" ? (messageType === "note" ? "ticket.note.created" : "ticket.admin.replied") : "ticket.contact.replied",
        publicDoc(ticket),
      );
      return ok({
        type: "ticket_part",
        id: part.id,
        part_type: part.part_type,
        body: part.body,
        created_at: part.created_at,
        updated_at: part.updated_at,
        author,
        attachments: [],
        redacted: false,
      });
    },
  },
  {
    method: "POST",
    path: "/tickets/{ticket_id}/tags",
    handler: ({ state, params, body, nowSeconds }) => {
      const ticket = findTicket(state, params.ticket_id);
      const tag = requireDoc(state, "tags", requireString(body, "id"), "Tag");
      requireDoc(state, "admins", requireString(body, "admin_id"), "Admin");
      const tags = (ticket._tags as Doc[] | undefined) ?? [];
      if (!tags.some((t) => t.id === tag.id)) tags.push({ type: "tag", id: tag.id, name: tag.name });
      ticket._tags = tags;
      ticket.updated_at = nowSeconds;
      state.save("tickets", ticket);
      return ok({ type: "tag", id: tag.id, name: tag.name });
    },
  },
  {
    method: "DELETE",
    path: "/tickets/{ticket_id}/tags/{tag_id}",
    handler: ({ state, params }) => {
      const ticket = findTicket(state, params.ticket_id);
      const tag = requireDoc(state, "tags", params.tag_id, "Tag");
      const tags = (ticket._tags as Doc[] | undefined) ?? [];
      if (!tags.some((t) => t.id === tag.id)) throw notFound("Tag");
      ticket._tags = tags.filter((t) => t.id !== tag.id);
      state.save("tickets", ticket);
      return ok({ type: "tag", id: tag.id, name: tag.name });
    },
  },
];
