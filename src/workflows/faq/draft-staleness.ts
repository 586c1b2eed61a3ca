/**
 * Whether an answer the knowledge base wrote still fits the conversation as Intercom holds it now. A teammate who
 * answered the customer, or a conversation that was closed, makes a second answer from the bot talk over a person.
 * Pure: an Intercom conversation or ticket in, the reason (or nothing) out.
 */

import { htmlToPlainText } from "../../kb/html-text.js";

type Doc = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const asDoc = (v: unknown): Doc => (v && typeof v === "object" ? (v as Doc) : {});
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** Part types a customer reads: a note or an assignment is for teammates only. */
const VISIBLE_REPLY_TYPES = new Set(["comment", "quick_reply"]);

export interface TeammateReply {
  name: string;
  /** Unix seconds; undefined when Intercom gave the part no time (the card then names no time). */
  at?: number;
}

export type StaleReason =
  | { kind: "teammate_replied"; name: string; at?: number; afterDraft: boolean; closed: boolean; what: "conversation" | "ticket" }
  | { kind: "closed"; at?: number; afterDraft: boolean; what: "conversation" | "ticket" };

export interface DraftRef {
  kind: "conversation" | "ticket";
  /** conversation:{id}:{part or source id} or ticket:{id}: names the customer message the draft answers. */
  messageKey: string;
  /** Milliseconds. */
  createdAt: number;
}

function partsOf(doc: Doc, kind: DraftRef["kind"]): Doc[] {
  const list = kind === "ticket" ? asDoc(doc.ticket_parts).ticket_parts : asDoc(doc.conversation_parts).conversation_parts;
  return Array.isArray(list) ? (list as Doc[]) : [];
}

const isTeammateReply = (part: Doc) => str(asDoc(part.author).type) === "admin" && VISIBLE_REPLY_TYPES.has(str(part.part_type) || "comment");

/**
 * A reply's words without markup, links or punctuation: how an answer Switchboard sent is told apart from a
 * teammate's own in Intercom, where both are admin parts. Links are dropped because Intercom may rewrite them.
 */
export function replyFingerprint(html: string): string {
  return htmlToPlainText(html)
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

/** Fingerprints of the answers Switchboard itself sent into one conversation: those replies are not a teammate's. */
export const ownReplies = (answersHtml: readonly string[]): ReadonlySet<string> => new Set(answersHtml.map(replyFingerprint).filter(Boolean));

/**
 * Teammate replies the customer can see (not the answers Switchboard sent, `own`), written after the given message part (its position in the thread) or at
 * or after `sinceSeconds`. The opening message (`undefined` part) comes before every part. A part id that is not
 * in the list (the oldest parts drop off a long thread) leaves only the time to go by.
 */
export function teammateRepliesAfter(
  doc: unknown,
  kind: DraftRef["kind"],
  messagePartId: string | undefined,
  sinceSeconds?: number,
  own: ReadonlySet<string> = new Set(),
): TeammateReply[] {
  const parts = partsOf(asDoc(doc), kind);
  const position = messagePartId === undefined ? -1 : parts.findIndex((p) => str(p.id) === messagePartId);
  const known = messagePartId === undefined || position >= 0;
  return parts.flatMap((part, index) => {
    if (!isTeammateReply(part) || own.has(replyFingerprint(str(part.body)))) return [];
    const at = num(part.created_at);
    const afterMessage = known && index > position;
    const afterTime = sinceSeconds !== undefined && at !== undefined && at >= sinceSeconds;
    if (!afterMessage && !afterTime) return [];
    const name = str(asDoc(part.author).name).trim() || "A teammate";
    return [{ name, ...(at !== undefined ? { at } : {}) }];
  });
}

/** The conversation part a draft answers; undefined for the opening message (the source) or a ticket's description. */
export function messagePartOf(doc: unknown, draft: Pick<DraftRef, "kind" | "messageKey">): string | undefined {
  if (draft.kind === "ticket") return undefined;
  const part = draft.messageKey.split(":")[2];
  if (!part || part === "source" || part === str(asDoc(asDoc(doc).source).id)) return undefined;
  return part;
}

function closedAt(doc: Doc, kind: DraftRef["kind"]): { closed: boolean; at?: number } {
  if (kind === "ticket") {
    const category = str(asDoc(doc.ticket_state).category);
    return { closed: doc.open === false || category === "resolved" };
  }
  const closed = str(doc.state) === "closed" || (doc.state === undefined && doc.open === false);
  if (!closed) return { closed };
  const lastClosePart = partsOf(doc, kind)
    .filter((p) => str(p.part_type) === "close")
    .at(-1);
  return { closed, at: num(asDoc(doc.statistics).last_close_at) ?? num(lastClosePart?.created_at) };
}

/** Why this draft must not be sent now, or undefined when nothing happened in Intercom that it would talk over. */
export function staleReason(doc: unknown, draft: DraftRef, own?: ReadonlySet<string>): StaleReason | undefined {
  const now = asDoc(doc);
  // Intercom keeps whole seconds: a reply in the same second as the draft counts as after it.
  const since = Math.floor(draft.createdAt / 1000);
  const close = closedAt(now, draft.kind);
  const replies = teammateRepliesAfter(now, draft.kind, messagePartOf(now, draft), since, own);
  const latest = replies.at(-1);
  if (latest) return { kind: "teammate_replied", ...latest, afterDraft: latest.at !== undefined && latest.at >= since, closed: close.closed, what: draft.kind };
  if (close.closed) return { kind: "closed", at: close.at, afterDraft: close.at !== undefined && close.at >= since, what: draft.kind };
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "on 2025-06-03 at 14:05 UTC": one time zone for everyone who reads the card, with the day so it is never ambiguous. */
export function utcWords(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `on ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} at ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** The sentence the card and the clicker read. */
export function staleWords(reason: StaleReason): string {
  if (reason.kind === "teammate_replied") {
    const when = reason.afterDraft ? "after this draft was written" : "after the customer's message";
    const closed = reason.closed ? ` The ${reason.what} is also closed.` : "";
    const time = reason.at !== undefined ? ` ${utcWords(reason.at)},` : "";
    return `Not sent: ${reason.name} replied in Intercom${time} ${when}.${closed}`;
  }
  if (reason.at === undefined) return `Not sent: the ${reason.what} is closed in Intercom.`;
  return `Not sent: the ${reason.what} was closed in Intercom ${utcWords(reason.at)}${reason.afterDraft ? ", after this draft was written" : ""}.`;
}
