/** /contacts: create, read, update, delete, search, merge, archive/block. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { cursorPage, parsePerPage } from "../pagination.js";
import { runSearch } from "../search/run-search.js";
import { contactSearchSchema } from "../search/schemas.js";
import type { EmulatorState } from "../state.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { applyFields, optionalString, publicDoc } from "./common.js";

const WRITABLE = ["role", "external_id", "email", "phone", "name", "avatar", "signed_up_at", "last_seen_at", "owner_id", "unsubscribed_from_emails"] as const;

const emptyList = (url: string): Doc => ({ type: "list", data: [], url, total_count: 0, has_more: false });

export function newContact(state: EmulatorState, body: Doc, now: number): Doc {
  const id = state.nextId("contact", "hex");
  const email = optionalString(body, "email") ?? "";
  const contact: Doc = {
    type: "contact",
    id,
    external_id: optionalString(body, "external_id") ?? null,
    workspace_id: state.workspace.id,
    role: body.role === "lead" ? "lead" : "user",
    email,
    email_domain: email.includes("@") ? email.split("@")[1] : "",
    phone: optionalString(body, "phone") ?? null,
    name: optionalString(body, "name") ?? null,
    owner_id: optionalString(body, "owner_id") ?? null,
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: body.unsubscribed_from_emails === true,
    created_at: now,
    updated_at: now,
    signed_up_at: typeof body.signed_up_at === "number" ? body.signed_up_at : null,
    last_seen_at: typeof body.last_seen_at === "number" ? body.last_seen_at : null,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    custom_attributes: body.custom_attributes && typeof body.custom_attributes === "object" ? { ...body.custom_attributes } : {},
    avatar: { type: "avatar", image_url: typeof body.avatar === "string" ? body.avatar : null },
    tags: emptyList(`/contacts/${id}/tags`),
    notes: emptyList(`/contacts/${id}/notes`),
    companies: emptyList(`/contacts/${id}/companies`),
    location: { type: "location", country: null, region: null, city: null },
    social_profiles: { type: "list", data: [] },
  };
  return contact;
}

export function findContact(state: EmulatorState, id: string): Doc {
  const contact = state.get("contacts", id);
  if (!contact || contact._merged_into) throw notFound("User");
  return contact;
}

function contactView(contact: Doc): Doc {
  return { ...publicDoc(contact), enabled_push_messaging: null };
}

function searchable(state: EmulatorState): Iterable<Doc> {
  return (function* () {
    for (const contact of state.values("contacts")) if (!contact._merged_into) yield contact;
  })();
}

export function listRef(type: string, id: string, url: string): Doc {
  return { type, id, url };
}

export function addToList(list: Doc, item: Doc): void {
  if (!list.data.some((existing: Doc) => existing.id === item.id)) list.data.push(item);
  list.total_count = list.data.length;
}

export function removeFromList(list: Doc, id: string): void {
  list.data = list.data.filter((item: Doc) => item.id !== id);
  list.total_count = list.data.length;
}

/** A contact is a user or a lead; anything else would be stored as given and break searches by role. */
function checkRole(body: Doc): void {
  if (body.role !== undefined && body.role !== "user" && body.role !== "lead")
    throw badRequest(`role must be user or lead, got ${JSON.stringify(body.role)}`, "parameter_invalid", "role");
}

export const contactRoutes: RouteDef[] = [
  {
    method: "POST",
    path: "/contacts",
    handler: ({ state, body, nowSeconds }) => {
      if (!body.email && !body.external_id && !body.role) throw badRequest("A contact needs at least one of email, external_id or role", "parameter_not_found");
      checkRole(body);
      if (body.email && [...searchable(state)].some((c) => c.email === body.email && c.role === (body.role ?? "user"))) {
        throw new ApiError(409, "conflict", "A contact matching those details already exists");
      }
      if (body.external_id && [...searchable(state)].some((c) => c.external_id === String(body.external_id))) {
        throw new ApiError(409, "conflict", "A contact matching those details already exists");
      }
      return ok(contactView(state.save("contacts", newContact(state, body, nowSeconds))));
    },
  },
  {
    method: "GET",
    path: "/contacts",
    handler: ({ state, query }) => {
      const perPage = parsePerPage(query.get("per_page"), { defaultPerPage: 50, maxPerPage: 150 });
      const page = cursorPage([...searchable(state)], perPage, query.get("starting_after"), (doc) => state.positionOf("contacts", String(doc.id)));
      return ok({ type: "list", data: page.items.map(contactView), total_count: page.totalCount, pages: page.pages });
    },
  },
  {
    method: "POST",
    path: "/contacts/search",
    handler: ({ state, body }) => {
      const page = runSearch(
        searchable(state),
        body,
        contactSearchSchema,
        { defaultPerPage: 50, maxPerPage: 150 },
        {
          positionOf: (doc) => state.positionOf("contacts", String(doc.id)),
          sortable: true,
        },
      );
      return ok({ type: "list", data: page.items.map(contactView), total_count: page.totalCount, pages: page.pages });
    },
  },
  { method: "GET", path: "/contacts/{contact_id}", handler: ({ state, params }) => ok(contactView(findContact(state, params.contact_id))) },
  {
    method: "GET",
    path: "/contacts/find_by_external_id/{external_id}",
    handler: ({ state, params }) => {
      for (const contact of searchable(state)) if (contact.external_id === params.external_id) return ok(contactView(contact));
      throw notFound("User");
    },
  },
  {
    method: "PUT",
    path: "/contacts/{contact_id}",
    handler: ({ state, params, body, nowSeconds }) => {
      const contact = findContact(state, params.contact_id);
      checkRole(body);
      applyFields(contact, body, WRITABLE);
      if (typeof body.avatar === "string") contact.avatar = { type: "avatar", image_url: body.avatar };
      if (typeof body.email === "string") contact.email_domain = body.email.split("@")[1] ?? "";
      if (body.custom_attributes && typeof body.custom_attributes === "object")
        contact.custom_attributes = { ...contact.custom_attributes, ...body.custom_attributes };
      contact.updated_at = nowSeconds;
      return ok(contactView(state.save("contacts", contact)));
    },
  },
  {
    method: "DELETE",
    path: "/contacts/{contact_id}",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      state.remove("contacts", contact.id);
      return ok({ type: "contact", id: contact.id, external_id: contact.external_id, deleted: true });
    },
  },
  {
    method: "POST",
    path: "/contacts/merge",
    handler: ({ state, body, nowSeconds }) => {
      const from = findContact(state, String(body.from ?? ""));
      const into = findContact(state, String(body.into ?? ""));
      if (from.role !== "lead") throw badRequest("Only a lead can be merged into a user", "parameter_invalid", "from");
      if (into.role !== "user") throw badRequest("A lead can only be merged into a user", "parameter_invalid", "into");
      from._merged_into = into.id;
      state.save("contacts", from);
      into.custom_attributes = { ...from.custom_attributes, ...into.custom_attributes };
      into.updated_at = nowSeconds;
      return ok(contactView(state.save("contacts", into)));
    },
  },
  ...(["archive", "unarchive", "block"] as const).map(
    (action): RouteDef => ({
      method: "POST",
      path: `/contacts/{contact_id}/${action}`,
      handler: ({ state, params }) => {
        const contact = findContact(state, params.contact_id);
        if (action === "archive") contact._archived = true;
        if (action === "unarchive") contact._archived = false;
        if (action === "block") contact._blocked = true;
        state.save("contacts", contact);
        const body: Doc = { id: contact.id, external_id: contact.external_id, type: "contact" };
        if (action === "archive") body.archived = true;
        if (action === "unarchive") body.archived = false;
        if (action === "block") body.blocked = true;
        return ok(body);
      },
    }),
  ),
];

export function countCompanyContacts(state: EmulatorState, companyId: string): number {
  let count = 0;
  for (const contact of state.values("contacts")) if (contact.companies?.data?.some((ref: Doc) => ref.id === companyId)) count += 1;
  return count;
}
