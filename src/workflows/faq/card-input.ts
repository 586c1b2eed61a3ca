/** A stored draft as the card builder reads it: the one place that decides which buttons a draft still has. */
import type { FaqCardInput } from "../../slack/blocks/faq-draft-card.js";
import type { FaqDraft } from "./drafts-repo.js";

export function draftCardInput(draft: FaqDraft, internal: FaqCardInput["internal"] = []): FaqCardInput {
  return {
    draftId: draft.id,
    customerName: draft.customerName,
    companyName: draft.companyName,
    question: draft.question,
    answerText: draft.answerText,
    citations: draft.citations,
    internal,
    confidence: draft.confidence,
    status: draft.status,
    decidedBy: draft.decidedBy,
    outcome: draft.outcome,
    autoResolved: draft.decision === "auto_resolve",
    uncertain: draft.uncertain,
    closeOffered: draft.status === "sent" && draft.action === "auto" && draft.kind === "conversation",
  };
}
