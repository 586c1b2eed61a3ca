/** Which text-judged reasons one customer message shows, with the words that show it. */
import { ALL_TEXT_LEXICONS } from "./all-lexicons.js";
import { fold } from "./clean-text.js";
import { ACRONYMS, CONSULTED_LAWYER, HYPOTHETICAL, LAWYER_REQUEST, OWN_LAWYER, POSITIVE, type TextReason } from "./lexicons.js";
import { insideSpans, reportedSpans } from "./reported-speech.js";
import { sarcasm } from "./sarcasm.js";

export interface TextHit {
  reason: TextReason;
  /** The words that matched, as the customer wrote them (folded). */
  words: string;
}

// Japanese, Chinese, Arabic and Hindi end sentences with their own marks and often no space after them.
const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?¡¿\n])\s+|(?<=[。！？؟।])|\n+/)
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

const globalCopies = new WeakMap<RegExp, RegExp>();
const globalCopy = (pattern: RegExp) => {
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`);
    globalCopies.set(pattern, copy);
  }
  return copy;
};

/** The first match that is the customer's own words, not inside a report of someone else's. */
function ownMatch(pattern: RegExp, folded: string, reported: readonly [number, number][]): string | undefined {
  if (reported.length === 0) return pattern.exec(folded)?.[0];
  const all = globalCopy(pattern);
  all.lastIndex = 0;
  for (let match = all.exec(folded); match; match = all.exec(folded)) {
    if (!insideSpans(match.index, reported)) return match[0];
    if (match[0] === "") all.lastIndex++;
  }
  return undefined;
}

export function judgeText(text: string): TextHit[] {
  const hits = new Map<TextReason, string>();
  for (const sentence of sentencesOf(text)) {
    const folded = fold(sentence);
    if (HYPOTHETICAL.some((pattern) => pattern.test(folded))) continue;
    const reported = reportedSpans(folded);
    for (const [reason, patterns] of Object.entries(ALL_TEXT_LEXICONS) as [TextReason, RegExp[]][]) {
      if (hits.has(reason)) continue;
      for (const pattern of patterns) {
        const words = ownMatch(pattern, folded, reported);
        if (words) {
          hits.set(reason, words);
          break;
        }
      }
    }
    if (!hits.has("legal_threat")) {
      const own = ownMatch(OWN_LAWYER, folded, reported);
      if (own && !LAWYER_REQUEST.test(folded)) hits.set("legal_threat", own);
      const consulted = ownMatch(CONSULTED_LAWYER, folded, reported);
      if (consulted) hits.set("legal_threat", consulted);
    }
  }
  if (!hits.has("angry_customer")) {
    const ironic = sarcasm(fold(text));
    if (ironic) hits.set("angry_customer", ironic);
  }
  if (!hits.has("angry_customer") && !POSITIVE.test(fold(text))) {
    const shout = shouting(text);
    if (shout) hits.set("angry_customer", shout);
  }
  return [...hits].map(([reason, words]) => ({ reason, words }));
}
