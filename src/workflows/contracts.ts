/**
 * What the composition root hands to the three workflows (FAQ, escalation, themes) and to the platform's
 * inbox and jobs. Workflows depend on these shapes only, never on how they are built, so each can be tested
 * with the real parts (emulator, fake Slack Web API over HTTP, a SQLite file) and wired once in src/app.ts.
 */
import type { Persona } from "../agent/personas.js";

/** One piece of inbound work from the durable inbox: a Slack request, an Intercom webhook or a polled change. */
export interface InboxItem {
  id: string;
  /** Where it came from. */
  source: "slack" | "intercom" | "poll";
  /**
   * What it is. For Intercom (webhook or poll): the webhook topic, e.g. "conversation.user.created",
   * "conversation.user.replied", "conversation.admin.replied", "conversation.admin.closed", "ticket.created".
   * For Slack: "slack.event", "slack.command", "slack.action", "slack.view".
   */
  topic: string;
  /**
   * For Intercom topics: the notification's `data.item` (a conversation or ticket object in the 2.16 shape;
   * polled items carry the conversation as returned by search). For Slack: the request body as Bolt parsed it.
   */
  payload: unknown;
  /** Serialises work: items with the same key run in arrival order (e.g. "conversation:123", "slack:C1:171.2"). */
  orderingKey?: string;
  receivedAt: number;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * Runs one inbox item. Throwing means "retry later"; after the configured attempts the item is parked as failed.
 * A note returned is kept on the finished item, for `switchboard inbox` (what happened, when it is not obvious).
 */
export type InboxHandler = (item: InboxItem) => Promise<undefined | { note: string }>;

export interface InboxTopics {
  /** Adds a handler for a topic; several handlers may share a topic (each workflow registers its own). */
  on(topic: string, handler: InboxHandler): void;
}

/** A scheduled job. The platform claims one slot per scheduled time across processes and records each run. */
export interface JobDefinition {
  name: string;
  /** One line for `switchboard jobs list`. */
  description: string;
  /** A node-cron expression, validated at start; runs in SWITCHBOARD_TIMEZONE. */
  cron: string;
  run(context: JobContext): Promise<JobResult>;
}

export interface JobContext {
  /** The scheduled time this run is for (Unix ms); on-demand runs use the time they were asked for. */
  slot: number;
  /** "schedule", "catch-up" or "manual" (switchboard jobs run, /switchboard jobs). */
  trigger: "schedule" | "catch-up" | "manual";
  signal: AbortSignal;
}

export interface JobResult {
  /** One plain line: "posted 3 alerts", "synced 47 articles (2 changed)". */
  summary: string;
}

/** Who a write is for and who allowed it. */
export type WriteAuthority =
  /** The persona's own policy decides (auto-resolve, triage): refused unless the policy says `auto` for this tool. */
  | { kind: "policy" }
  /** A person clicked a button that says exactly what happens: that click is the approval. */
  | { kind: "person"; slackUserId?: string; source: string; groupIds?: string[] };

export interface GatedWriteRequest {
  /** The tool's name in the catalog (e.g. "reply_to_conversation"). */
  tool: string;
  args: Record<string, unknown>;
  persona: Persona;
  authority: WriteAuthority;
  /** Who or what started it, for the audit log: a Slack user, or "job:faq", "workflow:escalation". */
  requester: { slackUserId?: string; source: string };
  /** What led to the write, for the audit log (the customer's question, the alert). */
  prompt?: string;
  /**
   * The same key never writes twice: a second call returns the first call's outcome (a double click, a
   * redelivered webhook, a restart). E.g. "faq-draft:42:send".
   */
  idempotencyKey: string;
}

/** What happened to a write, as a fact from the executor, never from a model's wording. */
export type WriteOutcome =
  | { status: "sent"; tool: string; result: unknown; summary: string }
  | { status: "failed"; tool: string; reason: string }
  /** Sent, but the answer never came back (timeout, crash): it may or may not have been applied. */
  | { status: "uncertain"; tool: string; reason: string }
  /** Not allowed: outside the persona's scope, refused by policy, or the person may not approve it. */
  | { status: "refused"; tool: string; reason: string };

export interface GatedWrites {
  run(request: GatedWriteRequest): Promise<WriteOutcome>;
}

/** The Intercom teammate a Slack user acts as: matched by email (cached, refreshed), else the configured default. */
export interface TeammateDirectory {
  /** undefined when neither an email match nor INTERCOM_DEFAULT_ADMIN_ID gives an admin. */
  adminFor(slackUserId: string): Promise<{ adminId: string; name: string; matchedBy: "email" | "default" } | undefined>;
}
