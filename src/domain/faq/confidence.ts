/**
 * How sure the no-model answer is, from what the retrieval itself shows: how much of the question the best
 * chunk covers (title and heading count), how far it stands above the next article, and how strong the
 * match is at all. Calibrated on the help-center dev set (bench/data/helpcenter), not on the held-out part.
 */
import type { SearchHit } from "../../kb/types.js";
import { termCoverage } from "./extract.js";

/** A bm25 score at which the match counts as fully strong. */
const STRENGTH_FULL = 15;

export interface ConfidenceParts {
  coverage: number;
  titleCoverage: number;
  margin: number;
  strength: number;
}

/** Below this many chunks bm25 has no scale: a word in half the documents gets an idf of about zero. */
const SMALL_KB_CHUNKS = 20;

export function confidenceParts(questionTerms: readonly string[], hits: readonly SearchHit[], weights?: readonly number[], kbChunks?: number): ConfidenceParts {
  const [first, second] = hits;
  if (!first) return { coverage: 0, titleCoverage: 0, margin: 0, strength: 0 };
  const coverage = termCoverage(questionTerms, `${first.title} ${first.chunk.heading} ${first.chunk.text}`, weights);
  const titleCoverage = termCoverage(questionTerms, `${first.title} ${first.chunk.heading}`, weights);
  const margin = second && first.score > 0 ? Math.max(0, (first.score - second.score) / first.score) : 1;
  const strength = kbChunks !== undefined && kbChunks < SMALL_KB_CHUNKS ? coverage : Math.min(1, first.score / STRENGTH_FULL);
  return { coverage, titleCoverage, margin, strength };
}

/**
 * The weights came from a grid over the dev messages only. Margin gets none: a right article often has close
 * neighbours (the other billing pages), so a small margin said "unsure" about answers that were right, while
 * how strongly the best chunk matches separated answerable from unanswerable messages best. It stays in the
 * parts for explanations.
 */
export function confidenceOf(parts: ConfidenceParts): number {
  const value = 0.25 * parts.coverage + 0.15 * parts.titleCoverage + 0.1 * parts.margin + 0.5 * parts.strength;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
