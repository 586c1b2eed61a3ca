/**
 * Intercom reopens a snoozed conversation by itself once snoozed_until passes. The emulator does the same
 * lazily, before serving a request: one scan finds the earliest wake-up time, and later requests skip the scan
 * until that time comes (or a new snooze moves it earlier).
 */
import type { EmulatorState } from "./state.js";
import type { Doc } from "./types.js";

const WAKE_KEY = "snoozeWakeAt";

/** Tells the waker about a new snooze, so a wake-up earlier than the one it knows of is not missed. */
export function noteSnooze(state: EmulatorState, until: number): void {
  const known = state.runtime[WAKE_KEY];
  if (typeof known === "number") state.runtime[WAKE_KEY] = Math.min(known, until);
}

/** Reopens every conversation whose snooze ended at or before `now`; returns how many. */
export function wakeExpiredSnoozes(state: EmulatorState, now: number): number {
  const known = state.runtime[WAKE_KEY];
  if (typeof known === "number" && now < known) return 0;
  let next = Number.POSITIVE_INFINITY;
  const due: Doc[] = [];
  for (const conversation of state.values("conversations")) {
    if (conversation.state !== "snoozed" || typeof conversation.snoozed_until !== "number") continue;
    if (conversation.snoozed_until <= now) due.push(conversation);
    else next = Math.min(next, conversation.snoozed_until);
  }
  for (const conversation of due) {
    wake(state, conversation);
    state.save("conversations", conversation);
  }
  state.runtime[WAKE_KEY] = next;
  return due.length;
}

function wake(state: EmulatorState, conversation: Doc): void {
  const at = conversation.snoozed_until as number;
  conversation.conversation_parts ??= { type: "conversation_part.list", conversation_parts: [], total_count: 0 };
  const list = conversation.conversation_parts as Doc;
  const parts = list.conversation_parts as Doc[];
  // The teammate who snoozed it is shown as the author of the wake-up, as in the generated history.
  const snoozer = [...parts].reverse().find((part) => part.part_type === "snoozed")?.author;
  parts.push({
    type: "conversation_part",
    id: state.nextId("part", "numeric", 9_000_000),
    part_type: "unsnoozed",
    body: null,
    created_at: at,
    updated_at: at,
    notified_at: at,
    author: snoozer ?? workspaceAdmin(state),
    attachments: [],
    external_id: null,
    redacted: false,
    state: "open",
    tags: [],
  });
  list.total_count = (list.total_count ?? parts.length - 1) + 1;
  conversation.state = "open";
  conversation.open = true;
  conversation.snoozed_until = null;
  conversation.updated_at = Math.max(conversation.updated_at ?? at, at);
  if (conversation.statistics) conversation.statistics.count_conversation_parts = (conversation.statistics.count_conversation_parts ?? 0) + 1;
}

/** Author of last resort: the workspace's own admin (the one GET /me answers with). */
function workspaceAdmin(state: EmulatorState): Doc {
  const admin = state.get("admins", state.workspace.meAdminId);
  return { type: "admin", id: state.workspace.meAdminId, name: admin?.name ?? null, email: admin?.email ?? "", from_ai_agent: false, is_ai_answer: false };
}
