/**
 * One labelled case as a GET /conversations/{id} object in the 2.16 shape, with the two extra keys the score
 * command reads (`contact`, `now`) and the label (`label`).
 */
import type { LabelledCase, Part } from "./cases.js";

/** A fixed "now" so the set never drifts: 2025-11-24T16:00:00Z. */
export const SET_NOW = 1764000000;
const HOUR = 3600;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Email-ish text into Intercom HTML; quotes become <blockquote> in some cases and stay as "> " text in others. */
function toHtml(text: string, blockquotes: boolean): string {
  const paragraphs = text.split(/\n\n+/);
  return paragraphs
    .map((paragraph) => {
      const lines = paragraph.split("\n");
      if (blockquotes && lines.every((line) => line.startsWith(">") || /wrote:|escribió:|a écrit :|schrieb|escreveu:/.test(line))) {
        const header = lines.filter((line) => !line.startsWith(">"));
        const quoted = lines.filter((line) => line.startsWith(">")).map((line) => escapeHtml(line.replace(/^>\s?/, "")));
        return `${header.map((h) => `<p>${escapeHtml(h)}</p>`).join("")}<blockquote>${quoted.join("<br>")}</blockquote>`;
      }
      return `<p>${lines.map(escapeHtml).join("<br>")}</p>`;
    })
    .join("");
}

function author(kind: Part[0], c: LabelledCase, index: number) {
  if (kind === "u" || kind === "l" || kind === "o")
    return { type: kind === "l" ? "lead" : "user", id: `contact-${c.id}`, name: c.name ?? "Alex Morgan", email: `${c.id}@example.com` };
  if (kind === "b") return { type: "bot", id: "bot-1", name: "Operator", email: "operator+bot@example.com" };
  return { type: "admin", id: String(1000 + (index % 3)), name: ["Priya Shah", "Tom Becker", "Ana Ruiz"][index % 3], email: "team@example.com" };
}

export function buildConversation(c: LabelledCase, index: number) {
  const [first, ...rest] = c.parts;
  if (!first || (first[0] !== "u" && first[0] !== "l")) throw new Error(`${c.id}: the first part must be the customer's`);
  const at = (hoursAgo: number) => Math.round(SET_NOW - hoursAgo * HOUR);
  const blockquotes = index % 2 === 0;
  let state: "open" | "closed" | "snoozed" = "open";
  const parts = rest.map(([kind, hoursAgo, text], i) => {
    const partType = kind === "n" ? "note" : kind === "c" ? "close" : kind === "o" ? "open" : "comment";
    if (kind === "c") state = "closed";
    if (kind === "o") state = "open";
    return {
      type: "conversation_part",
      id: `${c.id}-p${i + 1}`,
      part_type: partType,
      body: text ? toHtml(text, blockquotes) : null,
      created_at: at(hoursAgo),
      updated_at: at(hoursAgo),
      notified_at: at(hoursAgo),
      assigned_to: null,
      author: author(kind, c, i),
      attachments: [],
      external_id: null,
      redacted: false,
      state,
      tags: [],
    };
  });
  const finalState = c.state ?? state;
  const customerTimes = c.parts.filter(([k]) => k === "u" || k === "l" || k === "o").map(([, h]) => at(h));
  const adminReplies = c.parts.filter(([k]) => k === "a").map(([, h]) => at(h));
  const lastAdmin = adminReplies.length ? Math.max(...adminReplies) : undefined;
  const unanswered = customerTimes.filter((t) => lastAdmin === undefined || t > lastAdmin);
  const snoozedUntil = c.snoozedFor !== undefined ? at(-c.snoozedFor) : null;
  return {
    type: "conversation",
    id: String(700000 + index),
    title: null,
    created_at: at(first[1]),
    updated_at: at(Math.min(...c.parts.map(([, h]) => h))),
    waiting_since: finalState !== "closed" && unanswered.length ? Math.min(...unanswered) : null,
    snoozed_until: snoozedUntil,
    open: finalState !== "closed",
    state: finalState,
    read: true,
    priority: "none",
    admin_assignee_id: null,
    team_assignee_id: null,
    tags: { type: "tag.list", tags: [] },
    source: {
      type: "conversation",
      id: `${c.id}-source`,
      delivered_as: "customer_initiated",
      subject: "",
      body: toHtml(first[2], blockquotes),
      author: author(first[0], c, 0),
      attachments: [],
      url: null,
      redacted: false,
    },
    contacts: { type: "contact.list", contacts: [{ type: "contact", id: `contact-${c.id}`, external_id: null }] },
    teammates: { type: "admin.list", teammates: [] },
    custom_attributes: {},
    statistics: {
      type: "conversation_statistics",
      first_contact_reply_at: at(first[1]),
      last_contact_reply_at: customerTimes.length ? Math.max(...customerTimes) : null,
      last_admin_reply_at: lastAdmin ?? null,
      count_reopens: c.reopens ?? c.parts.filter(([k]) => k === "o").length,
      count_assignments: 0,
      count_conversation_parts: parts.length + 1,
    },
    conversation_parts: { type: "conversation_part.list", conversation_parts: parts, total_count: parts.length },
    contact: {
      type: "contact",
      id: `contact-${c.id}`,
      role: first[0] === "l" ? "lead" : "user",
      name: c.name ?? "Alex Morgan",
      email: `${c.id}@example.com`,
      custom_attributes: { plan: c.plan ?? "standard", vip: c.vip === true },
    },
    now: SET_NOW,
    label: { escalate: c.escalate, reasons: c.reasons, kind: c.kind, lang: c.lang, case: c.id },
  };
}

/** 40% held out, spread over every group of cases because the groups are contiguous in cases.ts. */
export const isHeldOut = (index: number) => index % 5 === 1 || index % 5 === 3;
