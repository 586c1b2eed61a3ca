/** A contact's attached lists: companies, tags, segments, subscriptions and notes. */
import { ApiError, badRequest, notFound } from "../api-error.js";
import { type Doc, ok, type RouteDef } from "../types.js";
import { publicDoc, requireDoc } from "./common.js";
import { addToList, countCompanyContacts, findContact, listRef, removeFromList } from "./contacts.js";

export const contactRelationRoutes: RouteDef[] = [
  {
    method: "GET",
    path: "/contacts/{contact_id}/companies",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const companies = (contact.companies.data as Doc[]).map((ref) => state.get("companies", ref.id)).filter(Boolean) as Doc[];
      return ok({
        type: "list",
        data: companies.map(publicDoc),
        total_count: companies.length,
        pages: { type: "pages", page: 1, per_page: 50, total_pages: 1 },
      });
    },
  },
  {
    method: "POST",
    path: "/contacts/{contact_id}/companies",
    handler: ({ state, params, body, nowSeconds }) => {
      const contact = findContact(state, params.contact_id);
      const company = requireDoc(state, "companies", body.id === undefined ? undefined : String(body.id), "Company");
      addToList(contact.companies, listRef("company", company.id, `/companies/${company.id}`));
      contact.updated_at = nowSeconds;
      state.save("contacts", contact);
      company.user_count = countCompanyContacts(state, company.id);
      return ok(publicDoc(state.save("companies", company)));
    },
  },
  {
    method: "DELETE",
    path: "/contacts/{contact_id}/companies/{company_id}",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const company = requireDoc(state, "companies", params.company_id, "Company");
      if (!contact.companies.data.some((ref: Doc) => ref.id === company.id)) throw notFound("Company");
      removeFromList(contact.companies, company.id);
      state.save("contacts", contact);
      company.user_count = countCompanyContacts(state, company.id);
      return ok(publicDoc(state.save("companies", company)));
    },
  },
  {
    method: "GET",
    path: "/contacts/{contact_id}/segments",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const ids = (contact._segment_ids as string[] | undefined) ?? [];
      const segments = ids.map((id) => state.get("segments", id)).filter((segment): segment is Doc => segment !== undefined);
      return ok({ type: "list", data: segments.map(publicDoc) });
    },
  },
  {
    method: "GET",
    path: "/contacts/{contact_id}/tags",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const tags = (contact.tags.data as Doc[]).map((ref) => state.get("tags", ref.id)).filter(Boolean) as Doc[];
      return ok({ type: "list", data: tags.map(publicDoc) });
    },
  },
  {
    method: "POST",
    path: "/contacts/{contact_id}/tags",
    handler: ({ state, params, body, nowSeconds }) => {
      const contact = findContact(state, params.contact_id);
      const tag = requireDoc(state, "tags", body.id === undefined ? undefined : String(body.id), "Tag");
      addToList(contact.tags, listRef("tag", tag.id, `/tags/${tag.id}`));
      contact.updated_at = nowSeconds;
      state.save("contacts", contact);
      return ok(publicDoc(tag));
    },
  },
  {
    method: "DELETE",
    path: "/contacts/{contact_id}/tags/{tag_id}",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const tag = requireDoc(state, "tags", params.tag_id, "Tag");
      removeFromList(contact.tags, tag.id);
      state.save("contacts", contact);
      return ok(publicDoc(tag));
    },
  },
  {
    method: "GET",
    path: "/contacts/{contact_id}/subscriptions",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const chosen = (contact._subscriptions as Record<string, string> | undefined) ?? {};
      const data = Object.keys(chosen)
        .map((id) => state.get("subscription_types", id))
        .filter(Boolean)
        .map((sub) => publicDoc(sub as Doc));
      return ok({ type: "list", data });
    },
  },
  {
    method: "POST",
    path: "/contacts/{contact_id}/subscriptions",
    handler: ({ state, params, body }) => {
      const contact = findContact(state, params.contact_id);
      const subscription = requireDoc(state, "subscription_types", body.id === undefined ? undefined : String(body.id), "Subscription");
      if (body.consent_type !== "opt_in" && body.consent_type !== "opt_out")
        throw badRequest("consent_type must be opt_in or opt_out", "parameter_invalid", "consent_type");
      contact._subscriptions = { ...(contact._subscriptions ?? {}), [subscription.id]: body.consent_type };
      state.save("contacts", contact);
      return ok(publicDoc(subscription));
    },
  },
  {
    method: "DELETE",
    path: "/contacts/{contact_id}/subscriptions/{subscription_id}",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const subscription = requireDoc(state, "subscription_types", params.subscription_id, "Subscription");
      const chosen = { ...(contact._subscriptions ?? {}) };
      delete chosen[subscription.id];
      contact._subscriptions = chosen;
      state.save("contacts", contact);
      return ok(publicDoc(subscription));
    },
  },
  {
    method: "GET",
    path: "/contacts/{contact_id}/notes",
    handler: ({ state, params }) => {
      const contact = findContact(state, params.contact_id);
      const notes = state.all("notes").filter((note) => note.contact?.id === contact.id);
      return ok({
        type: "list",
        data: notes.map(publicDoc),
        total_count: notes.length,
        pages: { type: "pages", page: 1, per_page: Math.max(notes.length, 1), total_pages: 1 },
      });
    },
  },
  {
    method: "POST",
    path: "/contacts/{contact_id}/notes",
    handler: ({ state, params, body, nowSeconds }) => {
      const contact = findContact(state, params.contact_id);
      if (typeof body.body !== "string" || !body.body) throw new ApiError(400, "parameter_not_found", "body is required", "body");
      const admin = body.admin_id !== undefined ? requireDoc(state, "admins", String(body.admin_id), "Admin") : state.get("admins", state.workspace.meAdminId);
      const id = state.nextId("note");
      const note = {
        type: "note",
        id,
        created_at: nowSeconds,
        contact: { type: "contact", id: contact.id },
        author: admin ? publicDoc(admin) : undefined,
        body: body.body,
      };
      addToList(contact.notes, listRef("note", id, `/notes/${id}`));
      state.save("contacts", contact);
      return ok(state.save("notes", note));
    },
  },
];
