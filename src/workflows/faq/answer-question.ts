/**
 * Search then decide: the one path from a customer's message to an FAQ answer, used by every trigger. With a
 * composer (a configured model) the answer is written by the model and checked against the chunks; without
 * one, or when the retrieval is not confident, the chunk's own sentences are the answer.
 */
import { answerFromHits } from "../../domain/faq/answer.js";
import { defaultNeedsPerson, needsPersonIn, type PersonSignal } from "../../domain/faq/needs-person.js";
import type { FaqAnswer, FaqPolicy } from "../../domain/faq/types.js";
import type { KbRetriever } from "../../kb/hybrid-search.js";
import type { FaqComposer } from "./grounded-answer.js";

export interface AnswerQuestionInput {
  message: string;
  /** Earlier turns, oldest first (the subject, earlier customer messages). */
  context?: string[];
  policy: FaqPolicy;
  /** The escalation signal for one text, run on the message and each earlier turn; defaults to the escalation lexicons and the word list. */
  needsPerson?: (text: string) => PersonSignal;
  k?: number;
  /** Writes the answer with a model; absent → extractive. */
  composer?: FaqComposer;
}

export async function answerQuestion(retriever: KbRetriever, input: AnswerQuestionInput): Promise<FaqAnswer> {
  const person = needsPersonIn(input.needsPerson ?? defaultNeedsPerson, input.message, input.context ?? []);
  const ranked = await retriever.rank({ text: input.message, context: input.context, k: input.k ?? 5 });
  const extractive: FaqAnswer = {
    ...answerFromHits({
      questionTerms: ranked.terms,
      termWeights: ranked.termWeights,
      kbChunks: ranked.chunkCount,
      hits: ranked.hits,
      policy: input.policy,
      person,
    }),
    by: "extractive",
  };
  if (!input.composer || extractive.decision === "abstain") return extractive;
  return input.composer.compose({ question: input.message, context: input.context ?? [], hits: ranked.hits, extractive });
}
