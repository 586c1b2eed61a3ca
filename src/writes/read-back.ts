/**
 * How to tell, after a crash, whether a write reached Intercom: which object to read back and what in it
 * shows the write was applied (a reply's body among the conversation's parts, a tag on the conversation, the
 * assignee, the state). Pure: a plan is a request plus a judgement over the answer. Writes with no plan
 * cannot be checked and stay uncertain.
 *
 * A plan exists only where "not applied" is safe to act on, because reconciliation then sends the write once
 * more: either the evidence is an append-only record (a part or note with our body, stamped after our start,
 * which a later change cannot remove), or the write sets a state (a tag, an assignee, open/closed), so applying
 * it again would change nothing had the first attempt landed after all.
 */
import type { IntercomRequest } from "../intercom/types.js";
import { sameText } from "./same-text.js";

export interface ReadBackVerdict {
  applied: boolean;
  /** Plain words for the person: what Intercom shows. */
  evidence: string;
}

export interface ReadBackPlan {
  request: IntercomRequest;
  judge(data: unknown, startedAtMs: number): ReadBackVerdict;
}

type Doc = Record<string, unknown>;
type Args = Record<string, unknown>;

/** Intercom's clock and ours differ a little; a part stamped slightly before our start still counts. */
const CLOCK_SKEW_S = 120;

const asDoc = (value: unknown): Doc => (value && typeof value === "object" && !Array.isArray(value) ? (value as Doc) : {});
const asList = (value: unknown): Doc[] => (Array.isArray(value) ? value.map(asDoc) : []);
const id = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined);
const enc = encodeURIComponent;

function after(part: Doc, startedAtMs: number): boolean {
  const created = typeof part.created_at === "number" ? part.created_at : Number.POSITIVE_INFINITY;
  return created >= Math.floor(startedAtMs / 1000) - CLOCK_SKEW_S;
}

function bodyAmong(parts: Doc[], body: string, startedAtMs: number): boolean {
  return parts.some((part) => typeof part.body === "string" && after(part, startedAtMs) && sameText(part.body, body));
}

const conversationParts = (data: unknown) => asList(asDoc(asDoc(data).conversation_parts).conversation_parts);
const tagIds = (list: Doc[]) => list.map((t) => id(t.id));
const getConversation = (conversationId: string): IntercomRequest => ({
  method: "GET",
  path: `/conversations/${enc(conversationId)}`,
  pathTemplate: "/conversations/{conversation_id}",
});

function replyToConversation(args: Args): ReadBackPlan | undefined {
  const conversationId = id(args.conversation_id);
  const body = typeof args.body === "string" ? args.body : undefined;
  // "last" names whichever conversation was newest then; reading it back now could look at another one.
  if (!conversationId || conversationId === "last" || !body) return undefined;
  return {
    request: getConversation(conversationId),
    judge: (data, startedAtMs) =>
      bodyAmong(conversationParts(data), body, startedAtMs)
        ? { applied: true, evidence: `the message is on conversation ${conversationId}` }
        : { applied: false, evidence: `conversation ${conversationId} has no such message` },
  };
}

function replyToTicket(args: Args): ReadBackPlan | undefined {
  const ticketId = id(args.ticket_id);
  const body = typeof args.body === "string" ? args.body : undefined;
  if (!ticketId || !body) return undefined;
  return {
    request: { method: "GET", path: `/tickets/${enc(ticketId)}`, pathTemplate: "/tickets/{ticket_id}" },
    judge: (data, startedAtMs) =>
      bodyAmong(asList(asDoc(asDoc(data).ticket_parts).ticket_parts), body, startedAtMs)
        ? { applied: true, evidence: `the message is on ticket ${ticketId}` }
        : { applied: false, evidence: `ticket ${ticketId} has no such message` },
  };
}

function contactNote(args: Args): ReadBackPlan | undefined {
  const contactId = id(args.contact_id);
  const body = typeof args.body === "string" ? args.body : undefined;
  if (!contactId || !body) return undefined;
  return {
    request: { method: "GET", path: `/contacts/${enc(contactId)}/notes`, pathTemplate: "/contacts/{contact_id}/notes" },
    judge: (data, startedAtMs) =>
      bodyAmong(asList(asDoc(data).data), body, startedAtMs)
        ? { applied: true, evidence: `the note is on contact ${contactId}` }
        : { applied: false, evidence: `contact ${contactId} has no such note` },
  };
}

function assignment(args: Args): ReadBackPlan | undefined {
  const conversationId = id(args.conversation_id);
  const assignee = id(args.assignee_id);
  if (!conversationId || !assignee) return undefined;
  const field = args.type === "team" ? "team_assignee_id" : "admin_assignee_id";
  const unassign = assignee === "0";
  return {
    request: getConversation(conversationId),
    judge: (data) => {
      const current = id(asDoc(data)[field]);
      const applied = unassign ? current === undefined || current === "0" : current === assignee;
      const now = current === undefined || current === "0" ? "unassigned" : `assigned to ${args.type === "team" ? "team" : "admin"} ${current}`;
      return { applied, evidence: `conversation ${conversationId} is ${now}` };
    },
  };
}

function conversationState(args: Args, target: "closed" | "open", partType: "close" | "open"): ReadBackPlan | undefined {
  const conversationId = id(args.conversation_id);
  if (!conversationId) return undefined;
  return {
    request: getConversation(conversationId),
    judge: (data, startedAtMs) => {
      const doc = asDoc(data);
      // A part of that kind after our start shows it happened even if the state has moved on since.
      const applied = doc.state === target || conversationParts(data).some((p) => p.part_type === partType && after(p, startedAtMs));
      return { applied, evidence: `conversation ${conversationId} is ${String(doc.state ?? "in an unknown state")}` };
    },
  };
}

function conversationTag(args: Args, attach: boolean): ReadBackPlan | undefined {
  const conversationId = id(args.conversation_id);
  const tagId = id(attach ? args.id : args.tag_id);
  if (!conversationId || !tagId) return undefined;
  return {
    request: getConversation(conversationId),
    judge: (data) => {
      const has = tagIds(asList(asDoc(asDoc(data).tags).tags)).includes(tagId);
      return { applied: attach ? has : !has, evidence: `conversation ${conversationId} ${has ? "has" : "does not have"} tag ${tagId}` };
    },
  };
}

function contactTag(args: Args, attach: boolean): ReadBackPlan | undefined {
  const contactId = id(args.contact_id);
  const tagId = id(attach ? args.id : args.tag_id);
  if (!contactId || !tagId) return undefined;
  return {
    request: { method: "GET", path: `/contacts/${enc(contactId)}/tags`, pathTemplate: "/contacts/{contact_id}/tags" },
    judge: (data) => {
      const has = tagIds(asList(asDoc(data).data)).includes(tagId);
      return { applied: attach ? has : !has, evidence: `contact ${contactId} ${has ? "has" : "does not have"} tag ${tagId}` };
    },
  };
}

const PLANS: Record<string, (args: Args) => ReadBackPlan | undefined> = {
  INTERCOM_REPLY_TO_CONVERSATION: replyToConversation,
  INTERCOM_REPLY_TO_TICKET: replyToTicket,
  INTERCOM_CREATE_A_NOTE: contactNote,
  INTERCOM_ASSIGN_CONVERSATION: assignment,
  INTERCOM_CLOSE_CONVERSATION: (args) => conversationState(args, "closed", "close"),
  INTERCOM_REOPEN_CONVERSATION: (args) => conversationState(args, "open", "open"),
  INTERCOM_ATTACH_TAG_TO_CONVERSATION: (args) => conversationTag(args, true),
  INTERCOM_DETACH_TAG_FROM_CONVERSATION: (args) => conversationTag(args, false),
  INTERCOM_ADD_TAG_TO_CONTACT: (args) => contactTag(args, true),
  INTERCOM_DETACH_A_CONTACT_FROM_TAG: (args) => contactTag(args, false),
  INTERCOM_REMOVE_TAG_FROM_A_CONTACT: (args) => contactTag(args, false),
};

/** The tools whose writes can be checked after a crash. */
export const CHECKABLE_TOOLS: readonly string[] = Object.keys(PLANS);

export function readBackPlan(tool: string, args: Args): ReadBackPlan | undefined {
  return PLANS[tool]?.(args);
}
