/**
 * Intercom's objects as they travel over the wire in API version 2.16: conversations with their parts,
 * contacts, articles and help-center content, tickets, admins and teams, tags, companies and segments
 * (`type` fields, string ids, Unix-second timestamps; help-center sections follow the 2.9 spec). Integer-typed
 * references (team_ids, admin_assignee_id, parent_ids...) hold the numeric value of the referenced string id,
 * as Intercom does. The emulator serves these shapes and the app reads them.
 */

export type Timestamp = number;

export interface Reference {
  type: string;
  id: string | null;
}

export interface ContactReference {
  type: "contact";
  id: string;
  external_id: string | null;
}

export interface TagBasic {
  type: "tag";
  id: string;
  name: string;
}

export interface Tag extends TagBasic {
  applied_at?: Timestamp | null;
  applied_by?: Reference | null;
}

export interface TagList {
  type: "tag.list";
  tags: Tag[];
}

export interface AdminRole {
  type: "role";
  id: string;
  name: string;
}

export interface Admin {
  type: "admin";
  id: string;
  name: string;
  email: string;
  job_title: string;
  away_mode_enabled: boolean;
  away_mode_reassign: boolean;
  away_status_reason_id: number | null;
  has_inbox_seat: boolean;
  team_ids: number[];
  avatar: string | null;
  team_priority_level: { primary_team_ids: number[]; secondary_team_ids: number[] };
  role: AdminRole;
}

export interface Team {
  type: "team";
  id: string;
  name: string;
  admin_ids: number[];
  admin_priority_level: { primary_admin_ids: number[]; secondary_admin_ids: number[] };
  assignment_limit: number | null;
  distribution_method: string | null;
}

export interface AwayStatusReason {
  type: "away_status_reason";
  id: string;
  label: string;
  emoji: string;
  order: number;
  deleted: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HelpCenter {
  id: string;
  workspace_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  identifier: string;
  website_turned_on: boolean;
  display_name: string;
  url: string;
  custom_domain: string | null;
  default: boolean;
  locales: string[];
}

export interface GroupContent {
  type: "group_content";
  name: string;
  description: string;
}

export interface GroupTranslatedContent {
  type: "group_translated_content";
  en: GroupContent;
}

/** A top-level help-center collection (2.16 `collection`; `parent_id` is null). */
export interface Collection {
  type: "collection";
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  url: string | null;
  icon: string | null;
  order: number;
  default_locale: string;
  translated_content: GroupTranslatedContent;
  parent_id: string | null;
  help_center_id: number | null;
}

/** A section inside a collection (2.9 `section`; `parent_id` is the collection's id as an integer). */
export interface Section {
  type: "section";
  id: string;
  workspace_id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  url: string | null;
  icon: string | null;
  order: number;
  parent_id: number;
  default_locale: string;
  translated_content: GroupTranslatedContent;
}

export interface ArticleContent {
  type: "article_content";
  title: string;
  description: string;
  body: string;
  body_markdown: string | null;
  author_id: number;
  state: "published" | "draft";
  created_at: Timestamp;
  updated_at: Timestamp;
  has_unpublished_changes: boolean;
  draft_updated_at: Timestamp | null;
  url: string;
  audience_ids: number[];
  ai_chatbot_availability: boolean;
  ai_copilot_availability: boolean;
  ai_sales_agent_availability: boolean;
  created_by_id: number | null;
  updated_by_id: number | null;
}

export interface ArticleStatistics {
  type: "article_statistics";
  views: number;
  conversions: number;
  reactions: number;
  happy_reaction_percentage: number;
  neutral_reaction_percentage: number;
  sad_reaction_percentage: number;
  fin_involvements: number;
  fin_resolutions: number;
  fin_resolution_rate: number;
}

export interface Article {
  type: "article";
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  body: string | null;
  body_markdown: string | null;
  author_id: number;
  state: "published" | "draft";
  created_at: Timestamp;
  updated_at: Timestamp;
  has_unpublished_changes: boolean;
  draft_updated_at: Timestamp | null;
  url: string | null;
  /** Numeric ids of the collection or section the article sits in. */
  parent_ids: number[];
  ai_chatbot_availability: boolean;
  ai_copilot_availability: boolean;
  ai_sales_agent_availability: boolean;
  created_by_id: number | null;
  updated_by_id: number | null;
  exclude_from_article_suggestions: boolean;
  help_center_audience: "everyone";
  scheduled_publish_at: Timestamp | null;
  scheduled_unpublish_at: Timestamp | null;
  default_locale: string;
  translated_content: { type: "article_translated_content"; en: ArticleContent };
  tags: TagList;
  statistics: ArticleStatistics | null;
}

export interface InternalArticle {
  type: "internal_article";
  id: string;
  title: string;
  body: string | null;
  body_markdown: string | null;
  owner_id: number;
  author_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  locale: string;
  audience_ids: number[];
  ai_chatbot_availability: boolean;
  ai_copilot_availability: boolean;
  ai_sales_agent_availability: boolean;
}

export interface Segment {
  type: "segment";
  id: string;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  person_type: "contact" | "user";
  count: number | null;
  /** Who the segment's rule selects (internal: underscore fields never leave the emulator). */
  _member_ids?: string[];
}

export interface CompanyNote {
  type: "note";
  id: string;
  created_at: Timestamp;
  company: { type: "company"; id: string };
  author: Admin;
  body: string;
}

export interface Company {
  type: "company";
  id: string;
  name: string;
  app_id: string;
  plan: { type: "plan"; id: string; name: string };
  company_id: string;
  remote_created_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_request_at: Timestamp;
  size: number;
  website: string;
  industry: string;
  monthly_spend: number;
  session_count: number;
  user_count: number;
  custom_attributes: Record<string, string | number | boolean | null>;
  tags: { type: "tag.list"; tags: TagBasic[] };
  segments: { type: "segment.list"; segments: Segment[] };
  notes: { type: "note.list"; notes: CompanyNote[] };
}

export interface AddressableItem {
  type: string;
  id: string;
  url: string;
}

export interface AddressableList<T = AddressableItem> {
  type: "list";
  data: T[];
  url: string;
  total_count: number;
  has_more: boolean;
}

export interface Contact {
  type: "contact";
  id: string;
  external_id: string | null;
  workspace_id: string;
  role: "user" | "lead";
  email: string;
  email_domain: string;
  phone: string | null;
  name: string | null;
  owner_id: string | null;
  has_hard_bounced: boolean;
  marked_email_as_spam: boolean;
  unsubscribed_from_emails: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  signed_up_at: Timestamp | null;
  last_seen_at: Timestamp | null;
  last_replied_at: Timestamp | null;
  last_contacted_at: Timestamp | null;
  last_email_opened_at: Timestamp | null;
  last_email_clicked_at: Timestamp | null;
  language_override: string | null;
  browser: string | null;
  browser_version: string | null;
  browser_language: string | null;
  os: string | null;
  android_app_name: string | null;
  android_app_version: string | null;
  android_device: string | null;
  android_os_version: string | null;
  android_sdk_version: string | null;
  android_last_seen_at: Timestamp | null;
  ios_app_name: string | null;
  ios_app_version: string | null;
  ios_device: string | null;
  ios_os_version: string | null;
  ios_sdk_version: string | null;
  ios_last_seen_at: Timestamp | null;
  /** Includes `plan` ("basic" | "plus" | "premium" | "vip") and `tier` for users. */
  custom_attributes: Record<string, string | number | boolean | null>;
  avatar: { type: "avatar"; image_url: string | null };
  tags: AddressableList;
  notes: AddressableList;
  companies: AddressableList;
  location: { type: "location"; country: string | null; region: string | null; city: string | null };
  social_profiles: { type: "list"; data: { type: "social_profile"; name: string; url: string }[] };
}

export interface ConversationPartAuthor {
  type: "admin" | "user" | "lead" | "bot" | "team";
  id: string;
  name: string | null;
  email: string;
  from_ai_agent: boolean;
  is_ai_answer: boolean;
}

export type ConversationPartType = "comment" | "note" | "assignment" | "close" | "open" | "snoozed" | "unsnoozed";

export interface ConversationPart {
  type: "conversation_part";
  id: string;
  part_type: ConversationPartType;
  body: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  notified_at: Timestamp;
  /** Only on assignment parts. */
  assigned_to?: Reference;
  author: ConversationPartAuthor;
  attachments: unknown[];
  external_id: string | null;
  redacted: boolean;
  /** The conversation's state after this part. */
  state: "open" | "closed" | "snoozed";
  tags: TagBasic[];
}

export interface ConversationParts {
  type: "conversation_part.list";
  conversation_parts: ConversationPart[];
  total_count: number;
}

export interface ConversationSource {
  type: "conversation" | "email" | "chat" | "facebook" | "twitter" | "push";
  id: string;
  delivered_as: "customer_initiated" | "operator_initiated" | "automated";
  subject: string;
  body: string;
  author: { type: "user" | "lead" | "admin"; id: string; name: string | null; email: string | null };
  attachments: unknown[];
  url: string | null;
  redacted: boolean;
}

/** Fields that do not apply yet (no admin reply, never closed...) are omitted, not null. */
export interface ConversationStatistics {
  type: "conversation_statistics";
  time_to_assignment?: number;
  time_to_admin_reply?: number;
  time_to_first_close?: number;
  time_to_last_close?: number;
  median_time_to_reply?: number;
  first_contact_reply_at?: Timestamp;
  first_assignment_at?: Timestamp;
  first_admin_reply_at?: Timestamp;
  first_close_at?: Timestamp;
  last_assignment_at?: Timestamp;
  last_assignment_admin_reply_at?: Timestamp;
  last_contact_reply_at?: Timestamp;
  last_admin_reply_at?: Timestamp;
  last_close_at?: Timestamp;
  last_closed_by_id?: string;
  count_reopens: number;
  count_assignments: number;
  count_conversation_parts: number;
}

export interface ConversationRating {
  rating: number;
  remark: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  contact: ContactReference;
  teammate: Reference;
}

/**
 * Demo-only custom attributes, recorded so clustering and escalation can be evaluated against ground truth:
 * `topic` is the banking77 intent of the first customer message, `mood` is "angry" or "calm".
 */
export type ConversationCustomAttributes = Record<string, string | number | boolean | null> & {
  topic: string;
  mood: "angry" | "calm";
};

export interface Conversation {
  type: "conversation";
  id: string;
  title: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  waiting_since: Timestamp | null;
  snoozed_until: Timestamp | null;
  open: boolean;
  state: "open" | "closed" | "snoozed";
  read: boolean;
  priority: "none" | "low" | "medium" | "high" | "urgent";
  /** 0 when unassigned, as the spec says. */
  admin_assignee_id: number;
  team_assignee_id: number;
  tags: TagList;
  /** Omitted (not null) when absent: the spec does not mark these nullable. */
  conversation_rating?: ConversationRating;
  source: ConversationSource;
  contacts: { type: "contact.list"; contacts: ContactReference[] };
  teammates: { type: "admin.list"; teammates: Reference[] };
  custom_attributes: ConversationCustomAttributes;
  first_contact_reply?: { created_at: Timestamp; type: string; url: string | null };
  sla_applied?: { type: "conversation_sla_summary"; sla_name: string; sla_status: "hit" | "missed" | "active" };
  statistics: ConversationStatistics;
  conversation_parts: ConversationParts;
  linked_objects: { type: "list"; total_count: number; has_more: boolean; data: unknown[] };
  ai_agent_participated: boolean;
}

export type TicketStateCategory = "submitted" | "in_progress" | "waiting_on_customer" | "resolved";

export interface TicketState {
  type: "ticket_state";
  id: string;
  category: TicketStateCategory;
  internal_label: string;
  external_label: string;
}

export interface TicketTypeAttribute {
  type: "ticket_type_attribute";
  id: string;
  workspace_id: string;
  name: string;
  description: string;
  data_type: "string" | "list" | "integer" | "decimal" | "boolean" | "datetime" | "files";
  input_options: Record<string, unknown>;
  order: number;
  required_to_create: boolean;
  required_to_create_for_contacts: boolean;
  visible_on_create: boolean;
  visible_to_contacts: boolean;
  default: boolean;
  ticket_type_id: number;
  archived: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketType {
  type: "ticket_type";
  id: string;
  category: "Customer" | "Back-office" | "Tracker";
  name: string;
  description: string;
  icon: string;
  workspace_id: string;
  ticket_type_attributes: { type: "list"; data: TicketTypeAttribute[] };
  ticket_states: { type: "list"; data: TicketState[] };
  archived: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketPart {
  type: "ticket_part";
  id: string;
  part_type: string;
  body: string | null;
  previous_ticket_state: TicketStateCategory;
  ticket_state: TicketStateCategory;
  created_at: Timestamp;
  updated_at: Timestamp;
  assigned_to?: Reference;
  author: { type: "admin" | "bot" | "team" | "user"; id: string; name: string | null; email: string };
  attachments: unknown[];
  external_id: string | null;
  redacted: boolean;
  app_package_code?: string;
}

export interface Ticket {
  type: "ticket";
  id: string;
  ticket_id: string;
  category: "Customer" | "Back-office" | "Tracker";
  /** `_default_title_` and `_default_description_` plus the type's own attributes; `topic` for evaluation. */
  ticket_attributes: Record<string, string | number | boolean | null>;
  ticket_state: TicketState;
  ticket_type: TicketType;
  contacts: { type: "contact.list"; contacts: ContactReference[] };
  admin_assignee_id: number;
  team_assignee_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  open: boolean;
  snoozed_until?: Timestamp;
  linked_objects: { type: "list"; total_count: number; has_more: boolean; data: unknown[] };
  ticket_parts: { type: "ticket_part.list"; ticket_parts: TicketPart[]; total_count: number };
  is_shared: boolean;
  previous_ticket_state_id: string | null;
}
