/**
 * Turns a customer's words into search terms: lower case, accents folded, stopwords (English, French,
 * Spanish, German) dropped, and a few support-language synonyms added so "dog" finds the pets article.
 * The index's porter tokenizer stems both sides, so terms stay whole words here.
 */

import { SUPPORT_STOPWORDS, supportExpansions } from "./support-lexicon.js";

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does doing for from had has have having he her here hi hello hey " +
    "him his how i i'm im if in into is it its it's just me my myself no not of on or our ours please so some such than thank " +
    "thanks that the their them then there these they this those to too us very was we were what when where which who why will " +
    "with would you your yours yourself also any about get got want need like know tell let am anyone again still there's " +
    "dont don't cant can't should shall may might must one ok okay yes yeah" +
    // French
    " le la les un une des du de et est je j ai il elle nous vous ils pour pas que qui dans sur avec mon ma mes ce cette " +
    "comment est-ce au aux bonjour merci ne se sa son en y a" +
    // Spanish
    " el los las unos unas del y es yo tengo mi mis para por que como con una uno hola gracias se lo al puedo" +
    // German
    " der die das ein eine und ist ich mein meine wie kann für mit nicht zu auf den dem im es sie wir hallo danke"
  )
    .split(/\s+/)
    .concat(SUPPORT_STOPWORDS),
);

/** Words people use for the same thing in support questions; each group maps to all its members. */
const SYNONYM_GROUPS: readonly string[][] = [
  ["pet", "pets", "dog", "dogs", "cat", "cats", "animal", "animals"],
  ["wifi", "internet", "wireless"],
  ["cost", "price", "fee", "charge", "pricing", "expensive"],
  ["refund", "reimburse", "reimbursement"],
  ["cancel", "cancellation", "terminate"],
  ["parking", "park", "car"],
  ["password", "login", "log", "sign"],
  ["invoice", "receipt", "bill", "billing"],
  ["delete", "remove", "erase"],
  ["phone", "mobile", "smartphone"],
  ["smoke", "smoking", "cigarette"],
  ["child", "children", "kid", "kids", "baby"],
  ["breakfast", "meal", "food"],
  ["2fa", "mfa", "two-factor", "factor", "authenticator"],
  ["view", "read", "readonly"],
  ["difference", "compare", "compared", "comparison", "versus", "vs"],
  ["offline", "airplane", "plane", "flight"],
  ["nested", "nest", "inside", "subfolder"],
  ["wheelchair", "accessible", "accessibility", "disabled", "disability"],
];

const synonyms = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS)
  for (const word of group)
    synonyms.set(
      word,
      group.filter((w) => w !== word),
    );
// Customers' support vocabulary and other languages (support-lexicon.ts): merged, so a word in both keeps both.
for (const [word, extra] of supportExpansions()) synonyms.set(word, [...new Set([...(synonyms.get(word) ?? []), ...extra])]);

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Every word, in order, folded; keeps stopwords (entity matching needs them). */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Content words of a text, in order, without duplicates. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of words(text)) {
    if (word.length < 2 && !/\d/.test(word)) continue;
    if (STOPWORDS.has(word) || seen.has(word)) continue;
    seen.add(word);
    out.push(word);
  }
  return out;
}

export function withSynonyms(terms: readonly string[]): string[] {
  const out = new Set(terms);
  for (const term of terms) for (const s of synonyms.get(term) ?? []) out.add(s);
  return [...out];
}

/** An FTS5 MATCH expression that ORs the terms; each is quoted so no word can act as FTS syntax. */
export function ftsQuery(terms: readonly string[]): string | undefined {
  const safe = terms.map((t) => t.replace(/"/g, "")).filter(Boolean);
  if (safe.length === 0) return undefined;
  return safe.map((t) => `"${t}"`).join(" OR ");
}

/** A crude stem, enough to compare question words with chunk words outside the index. */
export function stem(word: string): string {
  // By hand rather than two regular expressions: every chunk's words go through here, and it showed in profiles.
  let out = word;
  if (out.endsWith("ing")) out = out.slice(0, -3);
  else if (out.endsWith("ed") || out.endsWith("es")) out = out.slice(0, -2);
  else if (out.endsWith("s")) out = out.slice(0, -1);
  const n = out.length;
  if (n < 2) return out;
  const last = out.charCodeAt(n - 1);
  // A letter outside the Basic Multilingual Plane is two code units: compared as code points the slow way.
  if (last >= 0xdc00 && last <= 0xdfff) return out.replace(/(.)\1$/u, "$1");
  return last === out.charCodeAt(n - 2) && !isLineBreak(last) ? out.slice(0, -1) : out;
}

const isLineBreak = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/** The rule stem() implements, kept for the test that compares them. */
export function stemByPattern(word: string): string {
  return word.replace(/(ing|ed|es|s)$/u, "").replace(/(.)\1$/u, "$1");
}
