/** Search results as a person reads them in a terminal. */
import { splitSentences, termCoverage } from "../domain/faq/extract.js";
import { contentTerms } from "./analyze.js";
import type { FusedHit } from "./hybrid-search.js";

const EXCERPT_CHARS = 160;

/**
 * Pure: up to EXCERPT_CHARS of the chunk, from the sentence that shares the most words with the query, so a
 * match deep in a long section is what the person sees (the opening when no sentence shares a word).
 */
export function matchingExcerpt(chunkText: string, query: string): string {
  const text = chunkText.replace(/\s+/g, " ").trim();
  if (text.length <= EXCERPT_CHARS) return text;
  const terms = contentTerms(query);
  let start = 0;
  let best = 0;
  for (const sentence of splitSentences(text)) {
    const score = termCoverage(terms, sentence);
    if (score > best) {
      best = score;
      start = Math.max(0, text.indexOf(sentence));
    }
  }
  const excerpt = text.slice(start, start + EXCERPT_CHARS);
  return `${start > 0 ? "…" : ""}${excerpt}${start + EXCERPT_CHARS < text.length ? "…" : ""}`;
}

/** The score a person can read: the lexical one, or what the fusion knows when the lexical ranking had none. */
function scoreWords(hit: FusedHit): string {
  if (hit.fusion?.foundBy === "meaning") return "found by meaning only";
  return `score ${hit.score.toFixed(2)}${hit.fusion?.foundBy === "both" ? ", also found by meaning" : ""}`;
}

export function formatHits(hits: readonly FusedHit[], query = ""): string {
  if (hits.length === 0) return "No article matches.";
  return hits
    .map((h, i) => {
      const where = [h.collection, h.chunk.heading].filter(Boolean).join(" › ");
      const tag = h.visibility === "internal" ? " [internal]" : "";
      return `${i + 1}. ${h.title}${tag}  (${scoreWords(h)}, ${h.articleId})\n   ${where ? `${where}\n   ` : ""}${h.chunk.anchorUrl ?? h.url ?? "no public link"}\n   ${matchingExcerpt(h.chunk.text, query)}`;
    })
    .join("\n");
}
