/** The searchable fields of contacts, conversations and tickets, with their types and how to read them. */
import type { Doc } from "../types.js";
import type { FieldSpec, FieldType, Operator, SearchSchema } from "./query-dsl.js";

function path(dotted: string): (doc: Doc) => unknown {
  const keys = dotted.split(".");
  if (keys.length === 1) return (doc) => doc[keys[0]];
  return (doc) => {
    let current: unknown = doc;
    for (const key of keys) {
      if (current === null || typeof current !== "object") return undefined;
      current = (current as Doc)[key];
    }
    return current;
  };
}

function fields(types: Record<string, FieldType>): Record<string, FieldSpec> {
  return Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type, read: path(name) }]));
}

const CONTACT_OPERATORS: Record<FieldType, readonly Operator[]> = {
  string: ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"],
  boolean: ["=", "!=", "IN", "NIN"],
  integer: ["=", "!=", "IN", "NIN", "<", ">", "<=", ">="],
  date: ["=", "<", ">"],
};

const CONVERSATION_OPERATORS: Record<FieldType, readonly Operator[]> = {
  string: ["=", "!=", "IN", "NIN", "~", "!~", "^", "$"],
  boolean: ["=", "!=", "IN", "NIN"],
  integer: ["=", "!=", "IN", "NIN", "<", ">", "<=", ">="],
  date: ["=", "!=", "<", ">", "<=", ">="],
};

const s = "string" as const;
const d = "date" as const;
const i = "integer" as const;
const b = "boolean" as const;

export const contactSearchSchema: SearchSchema = {
  resource: "contacts",
  operatorsByType: CONTACT_OPERATORS,
  datesByDay: true,
  dynamicPrefixes: { "custom_attributes.": (doc) => doc.custom_attributes },
  fields: {
    ...fields({
      id: s,
      role: s,
      name: s,
      owner_id: s,
      email: s,
      email_domain: s,
      phone: s,
      formatted_phone: s,
      external_id: s,
      created_at: d,
      signed_up_at: d,
      updated_at: d,
      last_seen_at: d,
      last_contacted_at: d,
      last_replied_at: d,
      last_email_opened_at: d,
      last_email_clicked_at: d,
      language_override: s,
      browser: s,
      browser_language: s,
      os: s,
      "location.country": s,
      "location.region": s,
      "location.city": s,
      unsubscribed_from_emails: b,
      marked_email_as_spam: b,
      has_hard_bounced: b,
      ios_last_seen_at: d,
      ios_app_version: s,
      ios_device: s,
      ios_os_version: s,
      ios_app_name: s,
      ios_sdk_version: s,
      android_last_seen_at: d,
      android_app_version: s,
      android_device: s,
      android_app_name: s,
      android_sdk_version: s,
    }),
    avatar: { type: s, read: (doc) => doc.avatar?.image_url },
    segment_id: { type: s, read: (doc) => (doc._segment_ids as string[] | undefined) ?? [] },
    tag_id: { type: s, read: (doc) => ((doc.tags?.data ?? []) as Doc[]).map((t) => t.id), operators: ["=", "!="] },
    company_id: { type: s, read: (doc) => ((doc.companies?.data ?? []) as Doc[]).map((c) => c.id) },
  },
};

export const conversationSearchSchema: SearchSchema = {
  resource: "conversations",
  operatorsByType: CONVERSATION_OPERATORS,
  datesByDay: false,
  dynamicPrefixes: { "custom_attributes.": (doc) => doc.custom_attributes },
  fields: {
    ...fields({
      id: s,
      created_at: d,
      updated_at: d,
      title: s,
      "source.type": s,
      "source.id": s,
      "source.delivered_as": s,
      "source.subject": s,
      "source.author.id": s,
      "source.author.type": s,
      "source.author.name": s,
      "source.author.email": s,
      "source.url": s,
      admin_assignee_id: i,
      team_assignee_id: i,
      open: b,
      read: b,
      state: s,
      waiting_since: d,
      snoozed_until: d,
      priority: s,
      "statistics.time_to_assignment": i,
      "statistics.time_to_admin_reply": i,
      "statistics.time_to_first_close": i,
      "statistics.time_to_last_close": i,
      "statistics.median_time_to_reply": i,
      "statistics.first_contact_reply_at": d,
      "statistics.first_assignment_at": d,
      "statistics.first_admin_reply_at": d,
      "statistics.first_close_at": d,
      "statistics.last_assignment_at": d,
      "statistics.last_assignment_admin_reply_at": d,
      "statistics.last_contact_reply_at": d,
      "statistics.last_admin_reply_at": d,
      "statistics.last_close_at": d,
      "statistics.last_closed_by_id": s,
      "statistics.count_reopens": i,
      "statistics.count_assignments": i,
      "statistics.count_conversation_parts": i,
      "conversation_rating.remark": s,
      ai_agent_participated: b,
      "ai_agent.resolution_state": s,
      "ai_agent.last_answer_type": s,
      "ai_agent.rating": i,
      "ai_agent.rating_remark": s,
      "ai_agent.source_type": s,
      "ai_agent.source_title": s,
    }),
    // The search names of rating fields differ from the stored conversation_rating object (rating, created_at,
    // contact, teammate); Intercom asks for the rating when the conversation closes.
    "conversation_rating.score": { type: i, read: path("conversation_rating.rating") },
    "conversation_rating.replied_at": { type: d, read: path("conversation_rating.created_at") },
    "conversation_rating.requested_at": { type: d, read: (doc) => (doc.conversation_rating ? doc.statistics?.last_close_at : undefined) },
    "conversation_rating.contact_id": { type: s, read: path("conversation_rating.contact.id") },
    "conversation_rating.admin_id": { type: s, read: path("conversation_rating.teammate.id") },
    "source.body": { type: s, read: path("source.body"), wordMatch: true },
    channel_initiated: { type: s, read: (doc) => doc.source?.type },
    contact_ids: { type: s, read: (doc) => ((doc.contacts?.contacts ?? []) as Doc[]).map((c) => c.id) },
    teammate_ids: { type: s, read: (doc) => ((doc.teammates?.teammates ?? []) as Doc[]).map((a) => a.id) },
    tag_ids: { type: s, read: (doc) => ((doc.tags?.tags ?? []) as Doc[]).map((t) => t.id) },
  },
};

export const ticketSearchSchema: SearchSchema = {
  resource: "tickets",
  operatorsByType: CONVERSATION_OPERATORS,
  datesByDay: false,
  dynamicPrefixes: { "ticket_attributes.": (doc) => doc.ticket_attributes, "ticket_attribute.": (doc) => doc.ticket_attributes },
  valueAliases: { category: { request: "Customer", task: "Back-office", tracker: "Tracker" } },
  fields: {
    ...fields({ id: s, created_at: d, updated_at: d, category: s, open: b, snoozed_until: d }),
    title: { type: s, read: (doc) => doc.ticket_attributes?._default_title_ },
    description: { type: s, read: (doc) => doc.ticket_attributes?._default_description_ },
    ticket_type_id: { type: s, read: (doc) => doc.ticket_type?.id },
    contact_ids: { type: s, read: (doc) => ((doc.contacts?.contacts ?? []) as Doc[]).map((c) => c.id) },
    teammate_ids: { type: s, read: (doc) => (doc.admin_assignee_id ? [String(doc.admin_assignee_id)] : []) },
    admin_assignee_id: { type: s, read: (doc) => (doc.admin_assignee_id === undefined ? undefined : String(doc.admin_assignee_id)) },
    team_assignee_id: { type: s, read: (doc) => (doc.team_assignee_id === undefined ? undefined : String(doc.team_assignee_id)) },
    state: { type: s, read: (doc) => doc.ticket_state?.category },
    "ticket_state.id": { type: s, read: (doc) => doc.ticket_state?.id },
  },
};
