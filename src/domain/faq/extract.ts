/**
 * The extractive answer: the sentences of the best chunk that speak to the question, in the chunk's own
 * words and order. A short chunk is one answer and is kept whole.
 */
import { contentTerms, stem, withSynonyms } from "../../kb/analyze.js";

const WHOLE_CHUNK_CHARS = 420;
const MAX_SENTENCES = 3;

/**
 * A sentence ends at . ! or ? before a capital or a digit, but not after an abbreviation that a capital often
 * follows: "any card, e.g. Visa" cut there would leave a fragment that no longer says what its chunk says.
 */
const SENTENCE_END = /(?<=[.!?])(?<!\b(?:[eE]\.g|[iI]\.e|vs|[aA]pprox|[iI]ncl|Mrs?|Ms|Dr|Prof)\.)\s+(?=[\p{Lu}\p{N}"'(])|\n/u;

export function splitSentences(text: string): string[] {
  return text
    .replace(/\s*\n+\s*/g, "\n")
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

export function stemSet(text: string): Set<string> {
  return new Set(contentTerms(text).map(stem));
}

/** Each question term's stemmed forms (the term and its synonyms), computed once per question. */
export function termForms(questionTerms: readonly string[]): string[][] {
  return questionTerms.map((term) => withSynonyms([term]).map(stem));
}

/** What coverage asks of a text's stems: a Set, or the knowledge base's compact cached form. */
export interface Stems {
  has(stem: string): boolean;
}

/** Share of the terms (as termForms) found in a text's stem set, weighted when weights are given. */
export function formsCoverage(forms: readonly (readonly string[])[], have: Stems, weights?: readonly number[]): number {
  if (forms.length === 0) return 0;
  let hit = 0;
  let all = 0;
  forms.forEach((termForms, i) => {
    const weight = weights?.[i] ?? 1;
    all += weight;
    if (termForms.some((f) => have.has(f))) hit += weight;
  });
  return all === 0 ? 0 : hit / all;
}

/**
 * Like termCoverage, but a term found only through a synonym counts `synonymCredit` of a term found as the
 * customer wrote it: "bin" meeting "trash" is likelier a near miss than "trash" meeting "trash".
 */
export function creditedCoverage(questionTerms: readonly string[], text: string, weights?: readonly number[], synonymCredit = 1): number {
  if (questionTerms.length === 0) return 0;
  const have = stemSet(text);
  let hit = 0;
  let all = 0;
  questionTerms.forEach((term, i) => {
    const weight = weights?.[i] ?? 1;
    all += weight;
    const own = stem(term);
    if (have.has(own)) hit += weight;
    else if (withSynonyms([term]).some((w) => have.has(stem(w)))) hit += weight * synonymCredit;
  });
  return all === 0 ? 0 : hit / all;
}

/** Share of the question's content words (or their synonyms) that appear in the text, weighted when weights are given. */
export function termCoverage(questionTerms: readonly string[], text: string, weights?: readonly number[]): number {
  if (questionTerms.length === 0) return 0;
  return formsCoverage(termForms(questionTerms), stemSet(text), weights);
}

export function extractSentences(questionTerms: readonly string[], chunkText: string): string[] {
  const sentences = splitSentences(chunkText);
  if (chunkText.length <= WHOLE_CHUNK_CHARS || sentences.length <= 2) return sentences;
  const scored = sentences.map((sentence, i) => ({ i, sentence, score: termCoverage(questionTerms, sentence) }));
  const picked = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => a.i - b.i);
  // No sentence shares a word with the question: the chunk's opening is its summary.
  if (picked.length === 0) return sentences.slice(0, 2);
  return picked.map((s) => s.sentence);
}
