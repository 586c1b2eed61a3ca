/** Search then decide: the one path from a customer's message to an FAQ answer, used by every trigger. */
import { answerFromHits } from "../../domain/faq/answer.js";
import { defaultNeedsPerson, type PersonSignal } from "../../domain/faq/needs-person.js";
import type { FaqAnswer, FaqPolicy } from "../../domain/faq/types.js";
import type { KbSearcher } from "../../kb/search.js";

export interface AnswerQuestionInput {
  message: string;
  /** Earlier turns, oldest first (the subject, earlier customer messages). */
  context?: string[];
  policy: FaqPolicy;
  /** The escalation signal; defaults to the built-in anger / legal / security word list. */
  needsPerson?: (text: string) => PersonSignal;
  k?: number;
}

export function answerQuestion(searcher: KbSearcher, input: AnswerQuestionInput): FaqAnswer {
  const person = (input.needsPerson ?? defaultNeedsPerson)(input.message);
  const ranked = searcher.rank({ text: input.message, context: input.context, k: input.k ?? 5 });
  return answerFromHits({ questionTerms: ranked.terms, termWeights: ranked.termWeights, hits: ranked.hits, policy: input.policy, person });
}
