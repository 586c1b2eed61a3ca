/**
 * Derives a conversation's statistics and waiting_since from its parts, so both always agree with the timeline.
 * Exported for the emulator's lifecycle endpoints, which must keep the same invariants after each new part.
 */
import type { ConversationPart, ConversationStatistics } from "./types.js";

const isContactAuthor = (part: ConversationPart): boolean => part.author.type === "user" || part.author.type === "lead";
const isAdminReply = (part: ConversationPart): boolean => part.part_type === "comment" && part.author.type === "admin";

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/**
 * Rules: the opening message (the source) is the first contact reply; an admin reply is an admin `comment` (notes
 * do not count); a reopen is any part that moves the state from closed to open; a reply time is measured from the
 * first unanswered contact message to the next admin reply.
 */
export function computeConversationStatistics(createdAt: number, parts: readonly ConversationPart[]): ConversationStatistics {
  let lastContact = createdAt;
  let firstAdminReply: number | undefined;
  let lastAdminReply: number | undefined;
  let firstAssignment: number | undefined;
  let lastAssignment: number | undefined;
  let lastAssignmentAdminReply: number | undefined;
  let firstClose: number | undefined;
  let lastClose: number | undefined;
  let lastClosedBy: string | undefined;
  let reopens = 0;
  let assignments = 0;
  let state: ConversationPart["state"] = "open";
  let unansweredSince: number | undefined = createdAt;
  const replyTimes: number[] = [];
  for (const part of parts) {
    const t = part.created_at;
    if (isContactAuthor(part) && part.part_type === "comment") {
      lastContact = t;
      if (unansweredSince === undefined) unansweredSince = t;
    } else if (isAdminReply(part)) {
      firstAdminReply ??= t;
      lastAdminReply = t;
      if (lastAssignment !== undefined) lastAssignmentAdminReply ??= t;
      if (unansweredSince !== undefined) replyTimes.push(t - unansweredSince);
      unansweredSince = undefined;
    } else if (part.part_type === "assignment") {
      assignments++;
      firstAssignment ??= t;
      lastAssignment = t;
      lastAssignmentAdminReply = undefined;
    } else if (part.part_type === "close") {
      firstClose ??= t;
      lastClose = t;
      lastClosedBy = part.author.id;
      unansweredSince = undefined;
    }
    if (state === "closed" && part.state === "open") reopens++;
    state = part.state;
  }
  const stats: ConversationStatistics = {
    type: "conversation_statistics",
    count_reopens: reopens,
    count_assignments: assignments,
    count_conversation_parts: parts.length,
  };
  if (firstAssignment !== undefined) stats.time_to_assignment = firstAssignment - createdAt;
  if (firstAdminReply !== undefined) stats.time_to_admin_reply = firstAdminReply - createdAt;
  if (firstClose !== undefined) stats.time_to_first_close = firstClose - createdAt;
  if (lastClose !== undefined) stats.time_to_last_close = lastClose - createdAt;
  const med = median(replyTimes);
  if (med !== undefined) stats.median_time_to_reply = med;
  stats.first_contact_reply_at = createdAt;
  if (firstAssignment !== undefined) stats.first_assignment_at = firstAssignment;
  if (firstAdminReply !== undefined) stats.first_admin_reply_at = firstAdminReply;
  if (firstClose !== undefined) stats.first_close_at = firstClose;
  if (lastAssignment !== undefined) stats.last_assignment_at = lastAssignment;
  if (lastAssignmentAdminReply !== undefined) stats.last_assignment_admin_reply_at = lastAssignmentAdminReply;
  stats.last_contact_reply_at = lastContact;
  if (lastAdminReply !== undefined) stats.last_admin_reply_at = lastAdminReply;
  if (lastClose !== undefined) stats.last_close_at = lastClose;
  if (lastClosedBy !== undefined) stats.last_closed_by_id = lastClosedBy;
  return stats;
}

/**
 * When the customer started waiting: the first contact message not yet followed by an admin reply, while the
 * conversation is open. Null when closed, snoozed, or when the last word was the team's.
 */
export function computeWaitingSince(createdAt: number, parts: readonly ConversationPart[]): number | null {
  let waiting: number | null = createdAt;
  let state: ConversationPart["state"] = "open";
  for (const part of parts) {
    if (isContactAuthor(part) && part.part_type === "comment") waiting ??= part.created_at;
    else if (isAdminReply(part) || part.part_type === "close") waiting = null;
    state = part.state;
  }
  return state === "open" ? waiting : null;
}
