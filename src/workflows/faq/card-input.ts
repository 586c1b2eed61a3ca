/** A stored draft as the card builder reads it: the one place that decides which buttons a draft still has. */
import { withoutEmail } from "../../domain/faq/display-name.js";
import type { FaqCardInput } from "../../slack/blocks/faq-draft-card.js";
import type { FaqDraft } from "./drafts-repo.js";

export function draftCardInput(draft: FaqDraft, internal: FaqCardInput["internal"] = []): FaqCardInput {
  return {
    draftId: draft.id,
    customerName: withoutEmail(draft.customerName),
    companyName: draft.companyName,
    question: draft.question,
    answerText: draft.answerText,
    citations: draft.citations,
    internal,
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
