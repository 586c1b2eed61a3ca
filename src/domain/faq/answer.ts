/**
 * One message in, one decision out: abstain unless a public article answers with enough confidence, never
 * answer what a person should take, and cite only chunks retrieved for this message. Pure: the caller runs
 * the search and passes the hits.
 */
import type { SearchHit } from "../../kb/types.js";
import { confidenceOf, confidenceParts } from "./confidence.js";
import { extractSentences } from "./extract.js";
import type { PersonSignal } from "./needs-person.js";
import type { Citation, FaqAnswer, FaqPolicy } from "./types.js";

export interface AnswerInput {
  questionTerms: readonly string[];
  /** How informative each question term is (same order); plain coverage without it. */
  termWeights?: readonly number[];
  /** Chunks in the knowledge base (a tiny one gives bm25 scores with no scale). */
  kbChunks?: number;
  /** Best first, public and internal together. */
  hits: readonly SearchHit[];
  policy: FaqPolicy;
  person: PersonSignal;
}

const MAX_INTERNAL = 2;

export function answerFromHits(input: AnswerInput): FaqAnswer {
  const publicHits = input.hits.filter((h) => h.visibility === "public");
  const internal = input.hits
    .filter((h) => h.visibility === "internal")
    .slice(0, MAX_INTERNAL)
    .map((h) => ({ articleId: h.articleId, title: h.title, excerpt: h.chunk.text.slice(0, 300) }));
  const best = publicHits[0];
  const base = { sentences: [], citations: [], internal, best };
  if (input.person.needed) return { ...base, decision: "abstain", confidence: 0, reason: `a person should take this (${input.person.reason ?? "escalation"})` };
  if (!best) return { ...base, decision: "abstain", confidence: 0, reason: "no public article matches" };
  if (!best.url) return { ...base, decision: "abstain", confidence: 0, reason: `the best match (${best.title}) has no public link to cite` };
  const confidence = confidenceOf(confidenceParts(input.questionTerms, publicHits, input.termWeights, input.kbChunks));
  if (confidence < input.policy.draftMinConfidence)
    return { ...base, decision: "abstain", confidence, reason: `no article answers this confidently (best: ${best.title}, ${confidence.toFixed(2)})` };
  const sentences = extractSentences(input.questionTerms, best.chunk.text);
  if (sentences.length === 0) return { ...base, decision: "abstain", confidence, reason: `the best match (${best.title}) has no text to quote` };
  const citations: Citation[] = [{ number: 1, articleId: best.articleId, title: best.title, url: best.chunk.anchorUrl ?? best.url }];
  const decision = input.policy.autoResolve && confidence >= input.policy.minConfidence ? "auto_resolve" : "draft";
  return { ...base, sentences, citations, decision, confidence, reason: `answered from ${best.title}` };
}
