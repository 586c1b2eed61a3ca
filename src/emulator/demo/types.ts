/**
 * Shapes of the seeded demo workspace the emulator serves. Each object is already in its Intercom 2.16 wire form
 * (`type` fields, string ids, Unix-second timestamps), so the emulator can return it as is; help-center sections
 * follow the 2.9 spec. Integer-typed references (team_ids, admin_assignee_id, parent_ids...) hold the numeric value
 * of the referenced string id, as Intercom does.
 */

import type {
  Admin,
  Article,
  AwayStatusReason,
  Collection,
  Company,
  Contact,
  Conversation,
  HelpCenter,
  InternalArticle,
  Section,
  Segment,
  TagBasic,
  Team,
  Ticket,
  TicketState,
  TicketType,
  Timestamp,
} from "../../intercom/wire-types.js";

export type * from "../../intercom/wire-types.js";

export interface DemoOptions {
  seed: number;
  /** How many conversations to generate (tickets, contacts and companies scale with it). */
  conversations: number;
  /** The workspace's "now", in Unix seconds; every timestamp is at or before it. */
  now: number;
}

export interface DataAttribute {
  type: "data_attribute";
  /** Built-in attributes have no id in Intercom; here every attribute has one so it can be addressed. */
  id: number;
  model: "contact" | "company" | "conversation";
  name: string;
  full_name: string;
  label: string;
  description: string;
  data_type: "string" | "integer" | "float" | "boolean" | "date";
  options?: string[];
  api_writable: boolean;
  messenger_writable: boolean;
  ui_writable: boolean;
  custom: boolean;
  archived: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
  admin_id?: string;
}

export interface Translation {
  name: string;
  description: string;
  locale: string;
}

export interface SubscriptionType {
  type: "subscription";
  id: string;
  state: "live" | "draft" | "archived";
  default_translation: Translation;
  translations: Translation[];
  consent_type: "opt_out" | "opt_in";
  content_types: ("email" | "sms_message")[];
}

export interface Newsfeed {
  id: string;
  type: "newsfeed";
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NewsItem {
  type: "news-item";
  id: string;
  workspace_id: string;
  title: string;
  body: string;
  sender_id: number;
  state: "draft" | "live";
  newsfeed_assignments: { newsfeed_id: number; published_at: Timestamp }[];
  labels: string[];
  cover_image_url: string | null;
  reactions: string[];
  deliver_silently: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Macro {
  type: "macro";
  id: string;
  name: string;
  body: string;
  body_text: string;
  /** ISO 8601 strings: the one resource whose spec uses them. */
  created_at: string;
  updated_at: string;
  visible_to: "everyone" | "specific_teams";
  visible_to_team_ids: string[];
  available_on: ("inbox" | "messenger")[];
}

export interface ContentImportSource {
  type: "content_import_source";
  id: number;
  last_synced_at: Timestamp;
  sync_behavior: "api" | "automatic" | "manual";
  status: "active" | "deactivated";
  url: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  audience_ids: number[];
}

export interface ExternalPage {
  type: "external_page";
  id: string;
  title: string;
  html: string;
  url: string;
  ai_agent_availability: boolean;
  ai_copilot_availability: boolean;
  ai_sales_agent_availability: boolean;
  fin_availability: boolean;
  locale: "en";
  source_id: number;
  external_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_ingested_at: Timestamp;
}

export interface Note {
  type: "note";
  id: string;
  created_at: Timestamp;
  contact: { type: "contact"; id: string };
  author: Admin;
  body: string;
}

export interface DataEvent {
  type: "event";
  id: string;
  event_name: string;
  created_at: Timestamp;
  user_id: string | null;
  intercom_user_id: string;
  email: string;
  /** The spec types metadata values as strings. */
  metadata: Record<string, string>;
}

/** Ground truth about the generated data, for tests and evaluation; not served by the API. */
export interface DemoMeta {
  seed: number;
  now: Timestamp;
  workspaceId: string;
  /** banking77 intents that at least one published article answers. */
  coveredIntents: string[];
  /** banking77 intents with no article: the deliberate knowledge gaps. */
  uncoveredIntents: string[];
  /** Article id → the intents it answers. */
  articleIntents: Record<string, string[]>;
  /** An intent whose volume jumps in the last 7 days, so theme digests have a trend to report. */
  trendingIntent: string;
}

export interface DemoWorkspace {
  meta: DemoMeta;
  admins: Admin[];
  teams: Team[];
  awayStatusReasons: AwayStatusReason[];
  helpCenters: HelpCenter[];
  collections: Collection[];
  sections: Section[];
  articles: Article[];
  internalArticles: InternalArticle[];
  tags: TagBasic[];
  segments: Segment[];
  companies: Company[];
  /** Users and leads (`role`). */
  contacts: Contact[];
  conversations: Conversation[];
  ticketTypes: TicketType[];
  /** Every state used by any ticket type (ids unique across types). */
  ticketStates: TicketState[];
  tickets: Ticket[];
  dataAttributes: DataAttribute[];
  subscriptionTypes: SubscriptionType[];
  newsfeeds: Newsfeed[];
  newsItems: NewsItem[];
  macros: Macro[];
  contentImportSources: ContentImportSource[];
  externalPages: ExternalPage[];
  notes: Note[];
  dataEvents: DataEvent[];
}
