/**
 * How sure the no-model answer is, from what the retrieval itself shows: how much of the question the best
 * chunk covers (title and heading count), how far it stands above the next article, and how strong the
 * match is at all. Calibrated on the help-center dev set (bench/data/helpcenter), not on the held-out part.
 */
import type { SearchHit } from "../../kb/types.js";
import { termCoverage } from "./extract.js";

export interface ConfidenceParts {
  coverage: number;
  titleCoverage: number;
  margin: number;
  strength: number;
}

export function confidenceParts(questionTerms: readonly string[], hits: readonly SearchHit[], weights?: readonly number[]): ConfidenceParts {
  const [first, second] = hits;
  if (!first) return { coverage: 0, titleCoverage: 0, margin: 0, strength: 0 };
  const coverage = termCoverage(questionTerms, `${first.title} ${first.chunk.heading} ${first.chunk.text}`, weights);
  const titleCoverage = termCoverage(questionTerms, `${first.title} ${first.chunk.heading}`, weights);
  const margin = second && first.score > 0 ? Math.max(0, (first.score - second.score) / first.score) : 1;
  const strength = Math.min(1, first.score / 12);
  return { coverage, titleCoverage, margin, strength };
}

export function confidenceOf(parts: ConfidenceParts): number {
  const value = 0.45 * parts.coverage + 0.2 * parts.titleCoverage + 0.2 * parts.margin + 0.15 * parts.strength;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
