/**
 * Turns a customer message into the terms the clustering counts: words and word pairs, and character n-grams
 * inside content words, which catch typos and word forms ("verify", "verification").
 */

// Filler words, left out of the character n-grams and the theme keywords; negations and question words stay.
const STOP_WORDS = new Set(
  (
    "a an the i me my mine myself we our ours you your yours he him his she her it its they them their " +
    "is am are was were be been being do does did doing have has had having will would shall should may might must " +
    "and or but if so than then that this these those there here of at by for with about into onto to from in on " +
    "up down out off over again just also very too please thanks thank hi hello hey dear regards cheers ok okay " +
    "im ive id its whats thats theres could can get got some any"
  ).split(" "),
);

export function words(text: string): string[] {
  const lowered = text
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return lowered === "" ? [] : lowered.split(" ");
}

export function contentWords(tokens: string[]): string[] {
  return tokens.filter((w) => !STOP_WORDS.has(w) && w.length > 1);
}

/**
 * Every word and every pair of adjacent words, filler words included: measured on Banking77, "not working",
 * "how long" and "why is" separate intents that share all their nouns (NMI +.02 against content words only).
 */
export function wordTerms(text: string): string[] {
  const tokens = words(text);
  const terms = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) terms.push(`${tokens[i]}_${tokens[i + 1]}`);
  return terms;
}

/** Character n-grams of each content word padded with spaces, like a "char_wb" analyser. */
export function charTerms(text: string, min = 3, max = 5): string[] {
  const out: string[] = [];
  for (const word of contentWords(words(text))) {
    const padded = ` ${word} `;
    for (let n = min; n <= max; n++) {
      if (padded.length < n) break;
      for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
    }
  }
  return out;
}
