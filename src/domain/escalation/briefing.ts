/**
 * The one-paragraph briefing (≤ 120 words): who the customer is and what they are worth, what they want,
 * what has been tried, why this escalated now, and what to do next. The template needs no model; a model's
 * paragraph is used only when every name, number, id and date in it appears in the facts.
 */
import { type BriefingFacts, factsAsText } from "./briefing-facts.js";
import type { ReasonCode } from "./reasons.js";

export const MAX_BRIEFING_WORDS = 120;

const NEXT_STEP: Partial<Record<ReasonCode, string>> = {
  legal_threat: "take it over personally, stay factual, and loop in whoever handles complaints before promising anything",
  security_or_data_incident: "secure the account first (freeze cards, reset access), then follow the incident process",
  payment_dispute: "check the charges in question and tell them plainly what will be refunded or disputed, and when",
  churn_risk: "reply today with a concrete fix or offer; they are deciding whether to stay",
  angry_customer: "reply personally, acknowledge the frustration, and give one clear next step",
  bot_loop: "reply as a person; the bot has not helped",
  repeated_contact: "answer every open question in one reply so they need not chase again",
  repeated_reopen: "find the root cause; the earlier fixes did not hold",
  vip_waiting: "reply within the hour and route to the premium team",
  long_wait: "reply now, even if only to say when the answer will come",
};

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

function clipWords(text: string, max: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length <= max ? text : `${words.slice(0, max - 1).join(" ")} …`;
}

export function templateBriefing(facts: BriefingFacts): string {
  const worth = [
    facts.companyName ? `at ${facts.companyName}` : "",
    facts.plan ? `on the ${facts.plan} plan` : "",
    facts.monthlySpend !== undefined ? `worth ${facts.monthlySpend} a month` : "",
    facts.vip ? "(VIP)" : "",
  ]
    .filter(Boolean)
    .join(", ");
  const who = `${facts.customerName}${worth ? `, ${worth},` : ""}`;
  const waiting = facts.waitedText ? ` and has waited ${facts.waitedText}` : "";
  const quote = (label: string, words: string | undefined) => (words ? ` ${label}: "${words}"${/[.!?…]$/.test(words) ? "" : "."}` : "");
  const wants = quote("They asked", facts.ask);
  const latest = quote("Latest", facts.latest);
  const tried =
    facts.teammateReplies > 0
      ? ` ${facts.teammateReplies} teammate ${facts.teammateReplies === 1 ? "reply" : "replies"} so far${facts.lastTeammateReply ? `, last: "${facts.lastTeammateReply}"` : ""}.`
      : facts.botReplies > 0
        ? ` Only the bot has answered (${facts.botReplies} ${facts.botReplies === 1 ? "reply" : "replies"}).`
        : " No teammate has replied yet.";
  const why = facts.reasons.length ? ` Escalated now: ${facts.reasons.map((r) => `${r.label.toLowerCase()} (${r.detail})`).join("; ")}.` : "";
  const past = ` In the last 90 days: ${facts.otherConversations} other ${facts.otherConversations === 1 ? "conversation" : "conversations"}, ${facts.tickets} ${facts.tickets === 1 ? "ticket" : "tickets"}.`;
  const first = facts.reasons[0]?.code;
  const next = ` Next: ${(first && NEXT_STEP[first]) ?? "reply and take ownership"}.`;
  const gaps = facts.gaps.length ? ` (Could not read ${facts.gaps.join(", ")}.)` : "";
  const paragraph = `${who} wrote in conversation ${facts.conversationId}${waiting}.${wants}${latest}${tried}${why}${past}${next}${gaps}`;
  return clipWords(paragraph.replace(/\s+/g, " ").trim(), MAX_BRIEFING_WORDS);
}

/** Tokens a briefing may not invent: numbers (amounts, ids, dates, times) and capitalised names. */
function claimsIn(text: string): string[] {
  const numbers = text.match(/\d[\d.,:/-]*\d|\d/g) ?? [];
  const names: string[] = [];
  for (const sentence of text.split(/(?<=[.!?:;]["”)]?)\s+/)) {
    const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    // The first word of a sentence is capitalised anyway; a name there is still checked by its later words.
    words.slice(1).forEach((word) => {
      if (/^\p{Lu}/u.test(word) && !["I", "VIP", "MRR"].includes(word)) names.push(word);
    });
  }
  return [...numbers.map((n) => n.replace(/[.,:]$/, "")), ...names];
}

export interface BriefingCheck {
  ok: boolean;
  /** Claims not found in the facts, or why it failed. */
  problems: string[];
}

export function checkBriefing(text: string, facts: BriefingFacts): BriefingCheck {
  const problems: string[] = [];
  const trimmed = text.trim();
  if (!trimmed) problems.push("empty");
  if (wordCount(trimmed) > MAX_BRIEFING_WORDS) problems.push(`longer than ${MAX_BRIEFING_WORDS} words`);
  if (/\n\s*\n/.test(trimmed)) problems.push("more than one paragraph");
  const source = factsAsText(facts).toLowerCase();
  const numbersInSource = new Set(source.match(/\d+/g) ?? []);
  for (const claim of claimsIn(trimmed)) {
    const digits = claim.match(/\d+/g);
    if (digits) {
      if (!digits.every((d) => numbersInSource.has(d))) problems.push(claim);
    } else if (!source.includes(claim.toLowerCase())) problems.push(claim);
  }
  return { ok: problems.length === 0, problems };
}
