/**
 * The stand-in escalation signal until the escalation scorer is wired: obvious anger, legal, security and
 * lost-money words. A match means a person answers, whatever the knowledge base says.
 */
import { foldText } from "../../kb/analyze.js";

const SIGNALS: readonly [string, RegExp][] = [
  ["legal", /\b(lawyer|solicitor|attorney|legal action|sue|suing|lawsuit|court|ombudsman|regulator|gdpr request|small claims)\b/],
  ["security", /\b(hacked|fraud|fraudulent|scam|scammed|phishing|stolen|unauthori[sz]ed|identity theft|breach|someone (else )?(used|accessed))\b/],
  ["anger", /\b(furious|disgusted|outraged|unacceptable|ridiculous|worst|useless|pathetic|scandal|fed up|sick of|angry|terrible service)\b/],
  ["money lost", /\b(lost (my )?money|money (is )?gone|missing money|charged twice|double charged)\b/],
];

export interface PersonSignal {
  needed: boolean;
  reason?: string;
}

export function defaultNeedsPerson(text: string): PersonSignal {
  const folded = foldText(text);
  for (const [reason, pattern] of SIGNALS) if (pattern.test(folded)) return { needed: true, reason };
  // Several exclamation marks or a shouted sentence read as anger even without the words.
  if (/!{3,}/.test(text) || /\b[A-Z]{4,}\b(?:\s+\b[A-Z]{4,}\b){2,}/.test(text)) return { needed: true, reason: "anger" };
  return { needed: false };
}
