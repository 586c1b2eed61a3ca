/**
 * Conversation state machine: every reply, note, assignment, close, open and snooze appends a part and keeps
 * state, waiting_since and statistics consistent. Mutates the given conversation document in place.
 */
import { badRequest } from "./api-error.js";
import type { Doc } from "./types.js";

export type Actor = { type: "admin" | "user" | "lead" | "bot" | "team"; id: string; name: string | null; email: string };

export type LifecycleAction =
  | { kind: "comment"; actor: Actor; body: string }
  | { kind: "note"; actor: Actor; body: string }
  | { kind: "assignment"; actor: Actor; assignee: { type: "admin" | "team"; id: string }; body?: string }
  | { kind: "close"; actor: Actor; body?: string }
  | { kind: "open"; actor: Actor }
  | { kind: "snooze"; actor: Actor; until: number };

const PART_LIMIT = 500;

export function applyAction(conversation: Doc, action: LifecycleAction, now: number, partId: string): Doc {
  conversation.statistics ??= { type: "conversation_statistics", count_reopens: 0, count_assignments: 0, count_conversation_parts: 0 };
  const stats = conversation.statistics as Doc;
  const isCustomer = action.actor.type === "user" || action.actor.type === "lead";
  let partType: string = action.kind;
  let assignedTo: Doc | undefined;

  switch (action.kind) {
    case "comment":
      if (isCustomer) customerReplied(conversation, stats, now);
      else adminReplied(conversation, stats, now);
      break;
    case "note":
      break;
    case "assignment": {
      const assigneeId = Number.parseInt(action.assignee.id, 10);
      if (action.assignee.type === "team") conversation.team_assignee_id = Number.isFinite(assigneeId) ? assigneeId : 0;
      else conversation.admin_assignee_id = Number.isFinite(assigneeId) ? assigneeId : 0;
      stats.count_assignments = (stats.count_assignments ?? 0) + 1;
      stats.first_assignment_at ??= now;
      stats.time_to_assignment ??= now - conversation.created_at;
      stats.last_assignment_at = now;
      assignedTo = { type: action.assignee.type, id: action.assignee.id };
      if (action.assignee.type === "admin") addTeammate(conversation, action.assignee.id);
      break;
    }
    case "close":
      if (conversation.state === "closed") throw badRequest("The conversation is already closed", "conversation_already_closed");
      setState(conversation, "closed");
      conversation.waiting_since = null;
      stats.first_close_at ??= now;
      stats.time_to_first_close ??= now - conversation.created_at;
      stats.last_close_at = now;
      stats.time_to_last_close = now - conversation.created_at;
      stats.last_closed_by_id = action.actor.id;
      break;
    case "open":
      if (conversation.state === "open") throw badRequest("The conversation is already open", "conversation_already_open");
      if (conversation.state === "closed") stats.count_reopens = (stats.count_reopens ?? 0) + 1;
      setState(conversation, "open");
      break;
    case "snooze":
      if (!Number.isInteger(action.until) || action.until <= now)
        throw badRequest("snoozed_until must be a future UNIX timestamp", "parameter_invalid", "snoozed_until");
      setState(conversation, "snoozed");
      conversation.snoozed_until = action.until;
      partType = "snoozed";
      break;
  }

  const body = "body" in action && action.body !== undefined ? action.body : null;
  const part: Doc = {
    type: "conversation_part",
    id: partId,
    part_type: partType,
    body,
    created_at: now,
    updated_at: now,
    notified_at: now,
    author: { ...action.actor, from_ai_agent: false, is_ai_answer: false },
    attachments: [],
    external_id: null,
    redacted: false,
    state: conversation.state,
    tags: [],
  };
  if (assignedTo) part.assigned_to = assignedTo;
  conversation.conversation_parts ??= { type: "conversation_part.list", conversation_parts: [], total_count: 0 };
  const parts = conversation.conversation_parts as Doc;
  parts.conversation_parts.push(part);
  if (parts.conversation_parts.length > PART_LIMIT) parts.conversation_parts.splice(0, parts.conversation_parts.length - PART_LIMIT);
  parts.total_count = (parts.total_count ?? 0) + 1;
  stats.count_conversation_parts = (stats.count_conversation_parts ?? 0) + 1;
  conversation.updated_at = now;
  return part;
}

function customerReplied(conversation: Doc, stats: Doc, now: number): void {
  // A customer writing into a closed or snoozed conversation brings it back to the inbox.
  if (conversation.state === "closed") stats.count_reopens = (stats.count_reopens ?? 0) + 1;
  if (conversation.state !== "open") setState(conversation, "open");
  stats.first_contact_reply_at ??= now;
  stats.last_contact_reply_at = now;
  conversation.waiting_since ??= now;
  conversation.read = false;
}

function adminReplied(conversation: Doc, stats: Doc, now: number): void {
  stats.first_admin_reply_at ??= now;
  stats.time_to_admin_reply ??= now - conversation.created_at;
  stats.last_admin_reply_at = now;
  if (stats.last_assignment_at !== undefined) stats.last_assignment_admin_reply_at = now;
  if (typeof conversation.waiting_since === "number") {
    const times = ((conversation._reply_times as number[] | undefined) ?? []).concat(now - conversation.waiting_since);
    conversation._reply_times = times;
    stats.median_time_to_reply = median(times);
  }
  conversation.waiting_since = null;
  conversation.read = true;
}

function setState(conversation: Doc, state: "open" | "closed" | "snoozed"): void {
  conversation.state = state;
  conversation.open = state !== "closed";
  if (state !== "snoozed") conversation.snoozed_until = null;
}

function addTeammate(conversation: Doc, adminId: string): void {
  conversation.teammates ??= { type: "admin.list", teammates: [] };
  conversation.teammates.teammates ??= [];
  const list = conversation.teammates.teammates as Doc[];
  if (!list.some((t) => t.id === adminId)) list.push({ type: "admin", id: adminId });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}
