/** The FAQ flow's pure shapes: a decision with its confidence, the answer and the sources behind it. */
import type { SearchHit } from "../../kb/types.js";

export type FaqDecision = "auto_resolve" | "draft" | "abstain";

export interface FaqPolicy {
  autoResolve: boolean;
  /** Confidence an answer needs to be sent with no person (0–1). */
  minConfidence: number;
  /** Below this, nothing is drafted: the question is treated as unanswered. */
  draftMinConfidence: number;
}

export const DEFAULT_FAQ_POLICY: FaqPolicy = { autoResolve: false, minConfidence: 0.85, draftMinConfidence: 0.45 };

export interface Citation {
  /** 1-based, as shown in the text. */
  number: number;
  articleId: string;
  title: string;
  url: string;
}

export interface FaqAnswer {
  decision: FaqDecision;
  confidence: number;
  /** Why, in plain words: "matched 'PIN' in Changing your PIN", "a person should take this: legal". */
  reason: string;
  /** Plain sentences as the customer would read them (empty when abstaining). */
  sentences: string[];
  /** Public sources only; each one is a chunk retrieved for this message. */
  citations: Citation[];
  /** Teammate-only articles that matched: shown in a draft, marked internal, never sent. */
  internal: { articleId: string; title: string; excerpt: string }[];
  /** The best public match, even when abstaining (for a knowledge-gap note). */
  best?: SearchHit;
  /** Who wrote the sentences: the chunk itself (extractive) or the model, checked against the chunks. */
  by?: "extractive" | "model";
  /** Sentences the model wrote that the grounding check removed, with why. */
  dropped?: { text: string; why: string }[];
}
