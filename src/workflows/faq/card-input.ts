/** A stored draft as the card builder reads it: the one place that decides which buttons a draft still has. */
import { withoutEmail } from "../../domain/faq/display-name.js";
import type { Citation } from "../../domain/faq/types.js";
import type { FaqCardInput } from "../../slack/blocks/faq-draft-card.js";
import type { FaqDraft } from "./drafts-repo.js";

/**
 * The answer's own words from the stored plain text (customerText: the words, the "[1][2]" marks, then one
 * "[n] title: url" line a source). The card lists the sources itself, so a kept copy would show each twice.
 * Only the exact tail customerText writes is taken off; text of any other shape is shown whole.
 */
export function answerWords(answerText: string, citations: readonly Citation[]): string {
  if (citations.length === 0) return answerText;
  const lines = `\n\n${citations.map((c) => `[${c.number}] ${c.title}: ${c.url}`).join("\n")}`;
  const marks = ` ${citations.map((c) => `[${c.number}]`).join("")}`;
  let words = answerText.endsWith(lines) ? answerText.slice(0, -lines.length) : answerText;
  if (words.endsWith(marks)) words = words.slice(0, -marks.length);
  return words;
}

/** Built from the stored draft alone, so the first post and every refresh show the same card. */
export function draftCardInput(draft: FaqDraft): FaqCardInput {
  return {
    draftId: draft.id,
    kind: draft.kind,
    customerName: withoutEmail(draft.customerName),
    companyName: draft.companyName,
    question: draft.question,
    answerText: answerWords(draft.answerText, draft.citations),
    citations: draft.citations,
    internal: draft.internal,
    confidence: draft.confidence,
    status: draft.status,
    decidedBy: draft.decidedBy,
    outcome: draft.outcome,
    // Only an answer that went out is "answered automatically"; one the policy kept, or that failed, is a draft.
    autoResolved: draft.decision === "auto_resolve" && draft.status === "sent" && (draft.action === "auto" || draft.action === "auto_close"),
    uncertain: draft.uncertain,
    closeOffered: draft.status === "sent" && draft.action === "auto" && draft.kind === "conversation",
  };
}
