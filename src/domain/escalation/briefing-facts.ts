/**
 * The facts a briefing may state, taken from the pulled history and the score: nothing else may appear in
 * one. The template fills itself from these; a model is given them as its only source and checked against them.
 */
import { customerWords } from "./clean-text.js";
import { REASON_LABELS, type ReasonCode } from "./reasons.js";
import type { EscalationScore } from "./score.js";
import { timelineOf } from "./timeline.js";

type Doc = Record<string, unknown>;

export interface HistoryLike {
  conversation: Doc;
  contact?: Doc;
  companies: Doc[];
  tags: string[];
  segments: string[];
  notes: Doc[];
  events: Doc[];
  recentConversations: Doc[];
  tickets: Doc[];
  /** Reads that failed, in words ("the contact's notes"). */
  gaps: string[];
}

export interface BriefingFacts {
  conversationId: string;
  customerName: string;
  companyName?: string;
  plan?: string;
  monthlySpend?: number;
  vip: boolean;
  /** The customer's own ask: the first sentence of their opening message, shortened. */
  ask: string;
  /** Their latest words, shortened. */
  latest?: string;
  teammateReplies: number;
  botReplies: number;
  lastTeammateReply?: string;
  waitedText?: string;
  reasons: { code: ReasonCode; label: string; detail: string }[];
  otherConversations: number;
  tickets: number;
  notes: string[];
  tags: string[];
  segments: string[];
  gaps: string[];
}

const clip = (text: string, words: number) => {
  const parts = text.replace(/\s+/g, " ").trim().split(" ");
  return parts.length <= words ? parts.join(" ") : `${parts.slice(0, words).join(" ")}…`;
};
const firstSentence = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .split(/(?<=[.!?])\s/)[0] ?? "";

function waitedInWords(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (seconds < 3600) return unit(Math.max(1, Math.round(seconds / 60)), "minute");
  if (seconds < 2 * 86_400) return unit(Math.round(seconds / 3600), "hour");
  return unit(Math.round(seconds / 86_400), "day");
}

export function briefingFacts(history: HistoryLike, score: EscalationScore, nowSeconds: number, vip: boolean): BriefingFacts {
  const timeline = timelineOf(history.conversation);
  const customer = timeline.filter((m) => m.speaker === "customer" && m.text);
  const teammates = timeline.filter((m) => m.speaker === "teammate");
  const company = history.companies[0];
  const plan = (company?.plan as Doc | undefined)?.name ?? (history.contact?.custom_attributes as Doc | undefined)?.plan;
  const spend = typeof company?.monthly_spend === "number" ? company.monthly_spend : undefined;
  const name = typeof history.contact?.name === "string" && history.contact.name ? history.contact.name : "The customer";
  const lastTeammate = teammates[teammates.length - 1];
  return {
    conversationId: String(history.conversation.id ?? score.id),
    customerName: name,
    companyName: typeof company?.name === "string" ? company.name : undefined,
    plan: typeof plan === "string" ? plan : undefined,
    monthlySpend: spend,
    vip,
    ask: clip(firstSentence(customer[0]?.text ?? ""), 22),
    latest: customer.length > 1 ? clip(firstSentence(customer[customer.length - 1]?.text ?? ""), 18) : undefined,
    teammateReplies: teammates.length,
    botReplies: timeline.filter((m) => m.speaker === "bot").length,
    lastTeammateReply: lastTeammate ? clip(firstSentence(lastTeammate.text), 16) : undefined,
    waitedText: score.waitingSince !== undefined ? waitedInWords(nowSeconds - score.waitingSince) : undefined,
    reasons: score.evidence.map((e) => ({ code: e.reason, label: REASON_LABELS[e.reason], detail: e.detail })),
    otherConversations: history.recentConversations.length,
    tickets: history.tickets.length,
    notes: history.notes
      .map((n) => clip(customerWords(typeof n.body === "string" ? n.body : ""), 14))
      .filter(Boolean)
      .slice(0, 2),
    tags: history.tags.filter(Boolean),
    segments: history.segments.filter(Boolean),
    gaps: history.gaps,
  };
}

/** The facts as lines: the model's only source, and what its briefing is checked against. */
export function factsAsText(facts: BriefingFacts): string {
  const lines = [
    `conversation id: ${facts.conversationId}`,
    `customer: ${facts.customerName}`,
    facts.companyName ? `company: ${facts.companyName}` : "",
    facts.plan ? `plan: ${facts.plan}` : "",
    facts.monthlySpend !== undefined ? `monthly spend (MRR): ${facts.monthlySpend}` : "",
    `VIP: ${facts.vip ? "yes" : "no"}`,
    `what they asked: ${facts.ask}`,
    facts.latest ? `their latest message: ${facts.latest}` : "",
    `teammate replies so far: ${facts.teammateReplies}; bot replies: ${facts.botReplies}`,
    facts.lastTeammateReply ? `last teammate reply: ${facts.lastTeammateReply}` : "",
    facts.waitedText ? `waiting for: ${facts.waitedText}` : "",
    `why it escalated: ${facts.reasons.map((r) => `${r.label} (${r.detail})`).join("; ")}`,
    `other conversations in the last 90 days: ${facts.otherConversations}; tickets: ${facts.tickets}`,
    facts.notes.length ? `teammate notes: ${facts.notes.join(" | ")}` : "",
    facts.tags.length ? `tags: ${facts.tags.join(", ")}` : "",
    facts.segments.length ? `segments: ${facts.segments.join(", ")}` : "",
  ];
  return lines.filter(Boolean).join("\n");
}
