/**
 * One planned call per endpoint of vendor/intercom/tools.json (and the two help-center section endpoints from
 * the 2.9 spec): realistic arguments taken from the seeded workspace, with any setup a destructive call needs.
 */
import type { Emulator } from "../../src/emulator/emulator.js";
import type { Doc } from "../../src/emulator/types.js";
import { call, TEST_NOW } from "./helpers.js";

export interface PlannedCall {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

type Plan = (em: Emulator) => PlannedCall | Promise<PlannedCall>;

const first = (em: Emulator, collection: Parameters<Emulator["state"]["all"]>[0], where: (d: Doc) => boolean = () => true): Doc => {
  const doc = em.state.all(collection).find((d) => !d._merged_into && where(d));
  if (!doc) throw new Error(`no ${collection} in the test workspace`);
  return doc;
};
const user = (em: Emulator) => first(em, "contacts", (c) => c.role === "user");
const lead = (em: Emulator) => first(em, "contacts", (c) => c.role === "lead");
const admin = (em: Emulator) => first(em, "admins");
const conversation = (em: Emulator) => first(em, "conversations", (c) => c.state === "open");
const ticket = (em: Emulator) => first(em, "tickets");
const tag = (em: Emulator) => first(em, "tags");
const company = (em: Emulator) => first(em, "companies");

async function fresh(em: Emulator, method: string, path: string, body: unknown): Promise<Doc> {
  const result = await call(em, method, path, body);
  if (result.status !== 200) throw new Error(`setup ${method} ${path} failed: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

export const PLANS: Record<string, Plan> = {
  "GET /me": () => ({ path: "/me" }),
  "GET /admins": () => ({ path: "/admins" }),
  "GET /admins/{admin_id}": (em) => ({ path: `/admins/${admin(em).id}` }),
  "PUT /admins/{admin_id}/away": (em) => ({ path: `/admins/${admin(em).id}/away`, body: { away_mode_enabled: true, away_mode_reassign: false } }),
  "GET /admins/activity_logs": () => ({ path: `/admins/activity_logs?created_at_after=${TEST_NOW - 86400 * 30}` }),
  "GET /away_status_reasons": () => ({ path: "/away_status_reasons" }),
  "GET /teams": () => ({ path: "/teams" }),
  "GET /teams/{team_id}": (em) => ({ path: `/teams/${first(em, "teams").id}` }),

  "POST /contacts": () => ({
    path: "/contacts",
    body: { role: "user", email: "new.person@example.com", name: "New Person", custom_attributes: { plan: "basic" } },
  }),
  "GET /contacts": () => ({ path: "/contacts?per_page=5" }),
  "GET /contacts/{contact_id}": (em) => ({ path: `/contacts/${user(em).id}` }),
  "PUT /contacts/{contact_id}": (em) => ({ path: `/contacts/${user(em).id}`, body: { name: "Renamed Person" } }),
  "DELETE /contacts/{contact_id}": async (em) => ({ path: `/contacts/${(await fresh(em, "POST", "/contacts", { email: "gone@example.com" })).id}` }),
  "POST /contacts/search": () => ({ path: "/contacts/search", body: { query: { field: "role", operator: "=", value: "user" }, pagination: { per_page: 5 } } }),
  "GET /contacts/find_by_external_id/{external_id}": (em) => ({
    path: `/contacts/find_by_external_id/${first(em, "contacts", (c) => Boolean(c.external_id)).external_id}`,
  }),
  "POST /contacts/merge": (em) => ({ path: "/contacts/merge", body: { from: lead(em).id, into: user(em).id } }),
  "POST /contacts/{contact_id}/archive": (em) => ({ path: `/contacts/${user(em).id}/archive` }),
  "POST /contacts/{contact_id}/unarchive": (em) => ({ path: `/contacts/${user(em).id}/unarchive` }),
  "POST /contacts/{contact_id}/block": async (em) => ({
    path: `/contacts/${(await fresh(em, "POST", "/contacts", { email: "blocked@example.com" })).id}/block`,
  }),
  "GET /contacts/{contact_id}/companies": (em) => ({ path: `/contacts/${first(em, "contacts", (c) => c.companies.data.length > 0).id}/companies` }),
  "POST /contacts/{contact_id}/companies": (em) => ({ path: `/contacts/${user(em).id}/companies`, body: { id: company(em).id } }),
  "DELETE /contacts/{contact_id}/companies/{company_id}": (em) => {
    const contact = first(em, "contacts", (c) => c.companies.data.length > 0);
    return { path: `/contacts/${contact.id}/companies/${contact.companies.data[0].id}` };
  },
  "GET /contacts/{contact_id}/notes": (em) => ({ path: `/contacts/${user(em).id}/notes` }),
  "POST /contacts/{contact_id}/notes": (em) => ({
    path: `/contacts/${user(em).id}/notes`,
    body: { body: "Called the customer back.", admin_id: admin(em).id },
  }),
  "GET /contacts/{contact_id}/segments": (em) => ({ path: `/contacts/${user(em).id}/segments` }),
  "GET /contacts/{contact_id}/subscriptions": async (em) => {
    await fresh(em, "POST", `/contacts/${user(em).id}/subscriptions`, { id: first(em, "subscription_types").id, consent_type: "opt_in" });
    return { path: `/contacts/${user(em).id}/subscriptions` };
  },
  "POST /contacts/{contact_id}/subscriptions": (em) => ({
    path: `/contacts/${user(em).id}/subscriptions`,
    body: { id: first(em, "subscription_types").id, consent_type: "opt_in" },
  }),
  "DELETE /contacts/{contact_id}/subscriptions/{subscription_id}": (em) => ({
    path: `/contacts/${user(em).id}/subscriptions/${first(em, "subscription_types").id}`,
  }),
  "GET /contacts/{contact_id}/tags": async (em) => {
    await fresh(em, "POST", `/contacts/${user(em).id}/tags`, { id: tag(em).id });
    return { path: `/contacts/${user(em).id}/tags` };
  },
  "POST /contacts/{contact_id}/tags": (em) => ({ path: `/contacts/${user(em).id}/tags`, body: { id: tag(em).id } }),
  "DELETE /contacts/{contact_id}/tags/{tag_id}": (em) => ({ path: `/contacts/${user(em).id}/tags/${tag(em).id}` }),

  "POST /companies": () => ({ path: "/companies", body: { company_id: "acme-1", name: "Acme", plan: "pro", size: 10, monthly_spend: 99 } }),
  "GET /companies": () => ({ path: "/companies?per_page=5&page=1" }),
  "POST /companies/list": () => ({ path: "/companies/list?per_page=5&page=2" }),
  "GET /companies/scroll": () => ({ path: "/companies/scroll" }),
  "GET /companies/{company_id}": (em) => ({ path: `/companies/${company(em).id}` }),
  "PUT /companies/{company_id}": (em) => ({ path: `/companies/${company(em).id}`, body: { name: "Renamed Co", size: 12 } }),
  "DELETE /companies/{company_id}": async (em) => ({
    path: `/companies/${(await fresh(em, "POST", "/companies", { company_id: "doomed", name: "Doomed" })).id}`,
  }),
  "GET /companies/{company_id}/contacts": (em) => ({ path: `/companies/${company(em).id}/contacts` }),
  "GET /companies/{company_id}/segments": (em) => ({ path: `/companies/${company(em).id}/segments` }),
  "GET /companies/{company_id}/notes": (em) => ({ path: `/companies/${company(em).id}/notes` }),

  "POST /conversations": (em) => ({ path: "/conversations", body: { from: { type: "user", id: user(em).id }, body: "Hello, my card does not work." } }),
  "GET /conversations": () => ({ path: "/conversations?per_page=3" }),
  "POST /conversations/search": () => ({
    path: "/conversations/search",
    body: {
      query: {
        operator: "AND",
        value: [
          { field: "state", operator: "=", value: "open" },
          { field: "statistics.count_reopens", operator: ">=", value: 0 },
        ],
      },
      pagination: { per_page: 3 },
    },
  }),
  "GET /conversations/{conversation_id}": (em) => ({ path: `/conversations/${conversation(em).id}` }),
  "POST /conversations/{conversation_id}/reply": (em) => ({
    path: `/conversations/${conversation(em).id}/reply`,
    body: { message_type: "comment", type: "admin", admin_id: admin(em).id, body: "Thanks, looking into it." },
  }),
  "POST /conversations/{conversation_id}/parts": (em) => ({
    path: `/conversations/${conversation(em).id}/parts`,
    body: { message_type: "assignment", type: "admin", admin_id: admin(em).id, assignee_id: admin(em).id },
  }),
  "POST /conversations/{conversation_id}/customers": (em) => ({
    path: `/conversations/${conversation(em).id}/customers`,
    body: { admin_id: admin(em).id, customer: { intercom_user_id: lead(em).id } },
  }),
  "POST /conversations/{conversation_id}/tags": (em) => ({
    path: `/conversations/${conversation(em).id}/tags`,
    body: { id: tag(em).id, admin_id: admin(em).id },
  }),
  "DELETE /conversations/{conversation_id}/tags/{tag_id}": async (em) => {
    await fresh(em, "POST", `/conversations/${conversation(em).id}/tags`, { id: tag(em).id, admin_id: admin(em).id });
    return { path: `/conversations/${conversation(em).id}/tags/${tag(em).id}`, body: { admin_id: admin(em).id } };
  },

  "POST /tickets": (em) => ({
    path: "/tickets",
    body: {
      ticket_type_id: first(em, "ticket_types").id,
      contacts: [{ id: user(em).id }],
      ticket_attributes: { _default_title_: "Card stuck", _default_description_: "ATM kept it" },
    },
  }),
  "POST /tickets/enqueue": (em) => ({
    path: "/tickets/enqueue",
    body: { ticket_type_id: first(em, "ticket_types").id, contacts: [{ email: user(em).email }] },
  }),
  "GET /jobs/status/{job_id}": async (em) => ({
    path: `/jobs/status/${(await fresh(em, "POST", "/tickets/enqueue", { ticket_type_id: first(em, "ticket_types").id, contacts: [{ id: user(em).id }] })).id}`,
  }),
  "POST /tickets/search": () => ({ path: "/tickets/search", body: { query: { field: "open", operator: "=", value: true }, pagination: { per_page: 3 } } }),
  "GET /tickets/{ticket_id}": (em) => ({ path: `/tickets/${ticket(em).id}` }),
  "PUT /tickets/{ticket_id}": (em) => {
    const t = ticket(em);
    const next = (t.ticket_type.ticket_states?.data ?? []).find((s: Doc) => s.id !== t.ticket_state.id) ?? t.ticket_state;
    return { path: `/tickets/${t.id}`, body: { ticket_state_id: next.id, admin_id: admin(em).id } };
  },
  "DELETE /tickets/{ticket_id}": (em) => ({ path: `/tickets/${em.state.all("tickets").at(-1)!.id}` }),
  "POST /tickets/{ticket_id}/reply": (em) => ({
    path: `/tickets/${ticket(em).id}/reply`,
    body: { message_type: "comment", type: "admin", admin_id: admin(em).id, body: "On it." },
  }),
  "POST /tickets/{ticket_id}/tags": (em) => ({ path: `/tickets/${ticket(em).id}/tags`, body: { id: tag(em).id, admin_id: admin(em).id } }),
  "DELETE /tickets/{ticket_id}/tags/{tag_id}": async (em) => {
    await fresh(em, "POST", `/tickets/${ticket(em).id}/tags`, { id: tag(em).id, admin_id: admin(em).id });
    return { path: `/tickets/${ticket(em).id}/tags/${tag(em).id}`, body: { admin_id: admin(em).id } };
  },
  "GET /ticket_types": () => ({ path: "/ticket_types" }),
  "GET /ticket_types/{ticket_type_id}": (em) => ({ path: `/ticket_types/${first(em, "ticket_types").id}` }),
  "POST /ticket_types": () => ({ path: "/ticket_types", body: { name: "Chargeback", description: "Disputed card payment", category: "Back-office" } }),
  "PUT /ticket_types/{ticket_type_id}": (em) => ({ path: `/ticket_types/${first(em, "ticket_types").id}`, body: { description: "Updated" } }),
  "POST /ticket_types/{ticket_type_id}/attributes": (em) => ({
    path: `/ticket_types/${first(em, "ticket_types").id}/attributes`,
    body: { name: "Disputed amount (conformance)", description: "Disputed amount", data_type: "integer" },
  }),
  "PUT /ticket_types/{ticket_type_id}/attributes/{attribute_id}": (em) => {
    const type = first(em, "ticket_types");
    return { path: `/ticket_types/${type.id}/attributes/${type.ticket_type_attributes.data[0].id}`, body: { description: "Changed" } };
  },
  "GET /ticket_states": () => ({ path: "/ticket_states" }),

  "GET /articles": () => ({ path: "/articles?per_page=5" }),
  "POST /articles": (em) => ({
    path: "/articles",
    body: { title: "Freezing your card", author_id: Number(admin(em).id), body: "<p>Open the app.</p>", state: "published" },
  }),
  "GET /articles/search": () => ({ path: "/articles/search?phrase=card&state=published&highlight=true" }),
  "GET /articles/{article_id}": (em) => ({ path: `/articles/${first(em, "articles").id}` }),
  "PUT /articles/{article_id}": (em) => ({ path: `/articles/${first(em, "articles").id}`, body: { title: "A better title" } }),
  "DELETE /articles/{article_id}": (em) => ({ path: `/articles/${em.state.all("articles").at(-1)!.id}` }),
  "GET /help_center/collections": () => ({ path: "/help_center/collections" }),
  "POST /help_center/collections": () => ({ path: "/help_center/collections", body: { name: "Savings", description: "Saving with us" } }),
  "GET /help_center/collections/{collection_id}": (em) => ({ path: `/help_center/collections/${first(em, "collections").id}` }),
  "PUT /help_center/collections/{collection_id}": (em) => ({
    path: `/help_center/collections/${first(em, "collections").id}`,
    body: { name: "Cards and PINs" },
  }),
  "DELETE /help_center/collections/{collection_id}": async (em) => ({
    path: `/help_center/collections/${(await fresh(em, "POST", "/help_center/collections", { name: "Temp" })).id}`,
  }),
  "GET /help_center/help_centers": () => ({ path: "/help_center/help_centers" }),
  "GET /help_center/help_centers/{help_center_id}": (em) => ({ path: `/help_center/help_centers/${first(em, "help_centers").id}` }),
  "GET /help_center/sections": () => ({ path: "/help_center/sections", headers: { "Intercom-Version": "2.9" } }),
  "POST /help_center/sections": (em) => ({
    path: "/help_center/sections",
    body: { name: "Lost cards", parent_id: Number(first(em, "collections").id) },
    headers: { "Intercom-Version": "2.9" },
  }),
  "GET /internal_articles": () => ({ path: "/internal_articles" }),
  "POST /internal_articles": (em) => ({
    path: "/internal_articles",
    body: { title: "Refund policy", body: "<p>Within 14 days.</p>", author_id: Number(admin(em).id), owner_id: Number(admin(em).id) },
  }),
  "GET /internal_articles/search": () => ({ path: "/internal_articles/search" }),
  "GET /internal_articles/{internal_article_id}": (em) => ({ path: `/internal_articles/${first(em, "internal_articles").id}` }),
  "PUT /internal_articles/{internal_article_id}": (em) => ({
    path: `/internal_articles/${first(em, "internal_articles").id}`,
    body: { title: "Updated policy" },
  }),
  "DELETE /internal_articles/{internal_article_id}": (em) => ({ path: `/internal_articles/${em.state.all("internal_articles").at(-1)!.id}` }),

  "GET /tags": () => ({ path: "/tags" }),
  "POST /tags": () => ({ path: "/tags", body: { name: "needs-follow-up" } }),
  "GET /tags/{tag_id}": (em) => ({ path: `/tags/${tag(em).id}` }),
  "DELETE /tags/{tag_id}": async (em) => ({ path: `/tags/${(await fresh(em, "POST", "/tags", { name: "unused-tag" })).id}` }),
  "GET /segments": () => ({ path: "/segments?include_count=true" }),
  "GET /segments/{segment_id}": (em) => ({ path: `/segments/${first(em, "segments").id}` }),

  "GET /data_attributes": () => ({ path: "/data_attributes?model=contact" }),
  "POST /data_attributes": () => ({
    path: "/data_attributes",
    body: { name: "loyalty_points", model: "contact", data_type: "integer", description: "Points" },
  }),
  "PUT /data_attributes/{data_attribute_id}": (em) => ({
    path: `/data_attributes/${first(em, "data_attributes", (a) => a.custom).id}`,
    body: { description: "Changed" },
  }),
  "POST /events": (em) => ({ path: "/events", body: { event_name: "card-frozen", created_at: TEST_NOW, id: user(em).id } }),
  "GET /events": (em) => ({ path: `/events?type=user&intercom_user_id=${first(em, "events").intercom_user_id}&summary=true` }),
  "POST /events/summaries": (em) => ({
    path: "/events/summaries",
    body: { user_id: user(em).id, event_summaries: { event_name: "card-frozen", count: 1, first: TEST_NOW, last: TEST_NOW } },
  }),
  "POST /export/content/data": () => ({ path: "/export/content/data", body: { created_at_after: TEST_NOW - 86400 * 60, created_at_before: TEST_NOW } }),
  "GET /export/content/data/{job_identifier}": async (em) => ({
    path: `/export/content/data/${(await fresh(em, "POST", "/export/content/data", { created_at_after: 0, created_at_before: TEST_NOW })).job_identifier}`,
  }),
  "POST /export/cancel/{job_identifier}": async (em) => {
    const pending = em.state.all("data_exports").find((j) => j.status === "pending");
    const job = pending ?? (await fresh(em, "POST", "/export/content/data", { created_at_after: 0, created_at_before: TEST_NOW }));
    return { path: `/export/cancel/${job.job_identifier}` };
  },
  "GET /download/content/data/{job_identifier}": async (em) => {
    const job = await fresh(em, "POST", "/export/content/data", { created_at_after: 0, created_at_before: TEST_NOW });
    await fresh(em, "GET", `/export/content/data/${job.job_identifier}`, undefined);
    return { path: `/download/content/data/${job.job_identifier}`, headers: { Accept: "application/octet-stream" } };
  },

  "GET /ai/content_import_sources": () => ({ path: "/ai/content_import_sources" }),
  "POST /ai/content_import_sources": () => ({ path: "/ai/content_import_sources", body: { sync_behavior: "api", url: "https://docs.example.com" } }),
  "GET /ai/content_import_sources/{source_id}": (em) => ({ path: `/ai/content_import_sources/${first(em, "content_import_sources").id}` }),
  "PUT /ai/content_import_sources/{source_id}": (em) => ({
    path: `/ai/content_import_sources/${first(em, "content_import_sources").id}`,
    body: { sync_behavior: "api", url: "https://docs2.example.com" },
  }),
  "DELETE /ai/content_import_sources/{source_id}": async (em) => ({
    path: `/ai/content_import_sources/${(await fresh(em, "POST", "/ai/content_import_sources", { sync_behavior: "api", url: "https://x.example.com" })).id}`,
  }),
  "GET /ai/external_pages": () => ({ path: "/ai/external_pages" }),
  "POST /ai/external_pages": (em) => ({
    path: "/ai/external_pages",
    body: {
      title: "Fees",
      html: "<p>No fees.</p>",
      url: "https://docs.example.com/fees",
      locale: "en",
      source_id: first(em, "content_import_sources").id,
      external_id: "fees-1",
    },
  }),
  "GET /ai/external_pages/{page_id}": (em) => ({ path: `/ai/external_pages/${first(em, "external_pages").id}` }),
  "PUT /ai/external_pages/{page_id}": (em) => ({
    path: `/ai/external_pages/${first(em, "external_pages").id}`,
    body: {
      title: "Fees (new)",
      html: "<p>Still none.</p>",
      url: "https://docs.example.com/fees",
      locale: "en",
      source_id: first(em, "content_import_sources").id,
    },
  }),
  "DELETE /ai/external_pages/{page_id}": (em) => ({ path: `/ai/external_pages/${em.state.all("external_pages").at(-1)!.id}` }),

  "GET /calls": () => ({ path: "/calls" }),
  "POST /calls/search": (em) => ({ path: "/calls/search", body: { conversation_ids: [first(em, "calls").conversation_id] } }),
  "GET /calls/{call_id}": (em) => ({ path: `/calls/${first(em, "calls").id}` }),
  "GET /calls/{call_id}/transcript": (em) => ({ path: `/calls/${first(em, "calls").id}/transcript` }),
  "GET /macros": () => ({ path: "/macros?per_page=2" }),
  "GET /macros/{id}": (em) => ({ path: `/macros/${first(em, "macros").id}` }),
  "GET /news/news_items": () => ({ path: "/news/news_items" }),
  "GET /subscription_types": () => ({ path: "/subscription_types" }),
  "GET /visitors": (em) => ({ path: `/visitors?user_id=${first(em, "visitors").user_id}` }),
  "GET /custom_object_instances/{custom_object_type_identifier}": (em) => ({
    path: `/custom_object_instances/Order?external_id=${first(em, "custom_object_instances").external_id}`,
  }),
  "POST /fin_voice/register": () => ({ path: "/fin_voice/register", body: { phone_number: "+15550100999", call_id: "ext-call-1" } }),
  "GET /notes/{note_id}": (em) => ({ path: `/notes/${first(em, "notes").id}` }),
};
