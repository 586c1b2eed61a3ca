/** Which text-judged reasons one customer message shows, with the words that show it. */
import { fold } from "./clean-text.js";
import { ACRONYMS, CONSULTED_LAWYER, HYPOTHETICAL, LAWYER_REQUEST, OWN_LAWYER, POSITIVE, TEXT_LEXICONS, type TextReason } from "./lexicons.js";

export interface TextHit {
  reason: TextReason;
  /** The words that matched, as the customer wrote them (folded). */
  words: string;
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?¡¿\n])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Shouting: most letters capitalised over several real words, or a few capitalised words with "!!!". */
function shouting(text: string): string | undefined {
  const words = text.match(/\p{Lu}{3,}/gu)?.filter((w) => !ACRONYMS.has(w)) ?? [];
  const letters = text.match(/\p{L}/gu) ?? [];
  const capitals = text.match(/\p{Lu}/gu) ?? [];
  if (words.length >= 3 && letters.length >= 12 && capitals.length / letters.length >= 0.6) return words.slice(0, 4).join(" ");
  const repeated = /[!?]{3,}|\?!|!\?/.test(text);
  if (repeated && words.length >= 2) return `${words.slice(0, 3).join(" ")} ${text.match(/[!?]{2,}/)?.[0] ?? ""}`.trim();
  return undefined;
}

export function judgeText(text: string): TextHit[] {
  const hits = new Map<TextReason, string>();
  for (const sentence of sentencesOf(text)) {
    const folded = fold(sentence);
    if (HYPOTHETICAL.some((pattern) => pattern.test(folded))) continue;
    for (const [reason, patterns] of Object.entries(TEXT_LEXICONS) as [TextReason, RegExp[]][]) {
      if (hits.has(reason)) continue;
      for (const pattern of patterns) {
        const match = pattern.exec(folded);
        if (match) {
          hits.set(reason, match[0]);
          break;
        }
      }
    }
    if (!hits.has("legal_threat")) {
      const own = OWN_LAWYER.exec(folded);
      if (own && !LAWYER_REQUEST.test(folded)) hits.set("legal_threat", own[0]);
      const consulted = CONSULTED_LAWYER.exec(folded);
      if (consulted) hits.set("legal_threat", consulted[0]);
    }
  }
  if (!hits.has("angry_customer") && !POSITIVE.test(fold(text))) {
    const shout = shouting(text);
    if (shout) hits.set("angry_customer", shout);
  }
  return [...hits].map(([reason, words]) => ({ reason, words }));
}
