/**
 * Whether a person should take a customer's message instead of an FAQ answer: the escalation scorer's own text
 * signals (anger, legal threats, security incidents, in every language it reads) and a customer asking for a
 * person, plus the older anger / legal / security / lost-money word list the FAQ flow started with. A match
 * means a person answers, whatever the knowledge base says.
 */
import { foldText } from "../../kb/analyze.js";
import { ALL_WANTS_A_PERSON } from "../escalation/all-lexicons.js";
import { fold } from "../escalation/clean-text.js";
import { judgeText } from "../escalation/judge-text.js";
import type { TextReason } from "../escalation/lexicons.js";

const SIGNALS: readonly [string, RegExp][] = [
  ["legal", /\b(lawyer|solicitor|attorney|legal action|sue|suing|lawsuit|court|ombudsman|regulator|gdpr request|small claims)\b/],
  ["security", /\b(hacked|fraud|fraudulent|scam|scammed|phishing|stolen|unauthori[sz]ed|identity theft|breach|someone (else )?(used|accessed))\b/],
  ["anger", /\b(furious|disgusted|outraged|unacceptable|ridiculous|worst|useless|pathetic|scandal|fed up|sick of|angry|terrible service)\b/],
  ["money lost", /\b(lost (my )?money|money (is )?gone|missing money|charged twice|double charged)\b/],
];

/**
 * The escalation reasons that stop an answer. Churn and payment-dispute phrases are also the how-to questions a
 * help center answers ("how do I cancel my subscription?", "how do I dispute a payment?"), so they do not.
 */
const PERSON_REASONS: Partial<Record<TextReason, string>> = {
  legal_threat: "legal",
  security_or_data_incident: "security",
  angry_customer: "anger",
};

export interface PersonSignal {
  needed: boolean;
  reason?: string;
}

export function defaultNeedsPerson(text: string): PersonSignal {
  for (const hit of judgeText(text)) {
    const reason = PERSON_REASONS[hit.reason];
    if (reason) return { needed: true, reason };
  }
  if (ALL_WANTS_A_PERSON.some((pattern) => pattern.test(fold(text)))) return { needed: true, reason: "asked for a person" };
  const folded = foldText(text);
  for (const [reason, pattern] of SIGNALS) if (pattern.test(folded)) return { needed: true, reason };
  // Several exclamation marks or a shouted sentence read as anger even without the words.
  if (/!{3,}/.test(text) || /\b[A-Z]{4,}\b(?:\s+\b[A-Z]{4,}\b){2,}/.test(text)) return { needed: true, reason: "anger" };
  return { needed: false };
}

/**
 * The signal over the whole conversation: the new message, then each earlier turn (the subject, earlier customer
 * messages), since a threat made two messages ago still means a person should answer the follow-up.
 */
export function needsPersonIn(gate: (text: string) => PersonSignal, message: string, context: readonly string[]): PersonSignal {
  const own = gate(message);
  if (own.needed) return own;
  for (const turn of context) {
    const earlier = gate(turn);
    if (earlier.needed) return { needed: true, reason: `${earlier.reason ?? "escalation"}, earlier in the conversation` };
  }
  return { needed: false };
}
