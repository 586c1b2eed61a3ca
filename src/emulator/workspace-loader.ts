/** Turns a generated DemoWorkspace into emulator state, adding the few resources the generator does not make. */
import type { DemoWorkspace } from "./demo/types.js";
import { type CollectionName, EmulatorState } from "./state.js";
import type { Doc } from "./types.js";

const DAY = 86_400;

export function stateFromWorkspace(workspace: DemoWorkspace, name = "Switchboard Demo"): EmulatorState {
  const state = new EmulatorState({ id: workspace.meta.workspaceId, name, meAdminId: workspace.admins[0]?.id ?? "1" });
  const put = (collection: CollectionName, docs: readonly object[]) => {
    for (const doc of docs) state.load(collection, doc as Doc);
  };
  put("admins", workspace.admins);
  put("teams", workspace.teams);
  put("away_status_reasons", workspace.awayStatusReasons);
  put("help_centers", workspace.helpCenters);
  put("collections", workspace.collections);
  put("sections", workspace.sections);
  put("articles", workspace.articles);
  put("internal_articles", workspace.internalArticles);
  put("tags", workspace.tags);
  put("segments", workspace.segments);
  put("companies", workspace.companies);
  put("contacts", workspace.contacts);
  put("conversations", workspace.conversations);
  put("ticket_types", workspace.ticketTypes);
  put("ticket_states", workspace.ticketStates);
  put("tickets", workspace.tickets);
  put("data_attributes", workspace.dataAttributes);
  put("subscription_types", workspace.subscriptionTypes);
  put("news_items", workspace.newsItems);
  put("macros", workspace.macros);
  put("content_import_sources", workspace.contentImportSources);
  put("external_pages", workspace.externalPages);
  put("notes", workspace.notes);
  put("events", workspace.dataEvents);
  assignSegments(state);
  addExtras(state, workspace.meta.now);
  return state;
}

/**
 * Segment membership follows each generated segment's rule (its member list); a segment without one falls back
 * to its person type: "user" segments hold users, "contact" segments hold everyone.
 */
function assignSegments(state: EmulatorState): void {
  const segments = state.all("segments");
  const members = new Map(segments.map((s) => [s.id as string, Array.isArray(s._member_ids) ? new Set(s._member_ids as string[]) : undefined]));
  for (const contact of state.values("contacts")) {
    contact._segment_ids = segments
      .filter((s) => {
        const rule = members.get(s.id);
        return rule ? rule.has(contact.id) : s.person_type === "contact" || contact.role === "user";
      })
      .map((s) => s.id);
  }
}

/** Calls, visitors, custom object instances and activity logs: a handful each, derived from the data. */
function addExtras(state: EmulatorState, now: number): void {
  const conversations = state.all("conversations").slice(0, 5);
  const adminId = state.workspace.meAdminId;
  conversations.forEach((conversation, i) => {
    const at = conversation.created_at;
    const contactId = conversation.contacts?.contacts?.[0]?.id ?? null;
    state.load("calls", {
      type: "call",
      id: String(40_000 + i),
      conversation_id: conversation.id,
      admin_id: adminId,
      contact_id: contactId,
      state: "completed",
      initiated_at: at,
      answered_at: at + 20,
      ended_at: at + 320,
      created_at: at,
      updated_at: at + 320,
      recording_url: null,
      transcription_url: null,
      call_type: "phone",
      direction: "inbound",
      ended_reason: "completed",
      phone: `+1555010${String(i).padStart(4, "0")}`,
      _transcript: [
        { speaker: "customer", text: "Hi, I am calling about my account." },
        { speaker: "agent", text: "Thanks for calling, let me take a look." },
      ],
    });
  });
  for (let i = 0; i < 3; i++) {
    const created = now - (i + 1) * DAY;
    state.load("visitors", {
      type: "visitor",
      id: `5f0000000000000000000${100 + i}`,
      user_id: `visitor-${i + 1}`,
      anonymous: true,
      phone: null,
      name: null,
      pseudonym: `Visitor ${i + 1}`,
      avatar: { type: "avatar", image_url: null },
      app_id: state.workspace.id,
      companies: { type: "company.list", companies: [] },
      location_data: { type: "location_data", country_name: "Ireland", city_name: "Dublin" },
      las_request_at: created,
      created_at: created,
      remote_created_at: created,
      signed_up_at: created,
      updated_at: created,
      session_count: 1,
      social_profiles: { type: "social_profile.list", social_profiles: [] },
      owner_id: null,
      unsubscribed_from_emails: false,
      marked_email_as_spam: false,
      has_hard_bounced: false,
      tags: { type: "tag.list", tags: [] },
      segments: { type: "segment.list", segments: [] },
      custom_attributes: {},
      referrer: null,
      utm_campaign: null,
      utm_content: null,
      utm_medium: null,
      utm_source: null,
      utm_term: null,
      do_not_track: null,
    });
  }
  for (let i = 0; i < 5; i++) {
    const created = now - (10 - i) * DAY;
    state.load("custom_object_instances", {
      id: String(90_000 + i),
      external_id: `order-${1000 + i}`,
      external_created_at: created,
      external_updated_at: created,
      created_at: created,
      updated_at: created,
      type: "Order",
      custom_attributes: { amount: String(25 * (i + 1)), currency: "EUR" },
    });
  }
  const admins = state.all("admins").slice(0, 3);
  admins.forEach((admin, i) => {
    state.load("activity_logs", {
      id: String(70_000 + i),
      performed_by: { type: "admin", id: String(admin.id), email: admin.email, ip: "127.0.0.1" },
      metadata: {},
      created_at: now - (i + 1) * 3600,
      activity_type: "admin_login_success",
      activity_description: `${admin.name} signed in`,
    });
  });
}
