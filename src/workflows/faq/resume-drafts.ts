/**
 * At start, after the write ledger has been reconciled: every FAQ reply a stopped process left half-done is
 * finished. A person's Send is carried out under that person (their click was the approval), an automatic
 * answer under the persona's policy, both with the keys they were first given, so whatever already reached
 * Intercom is found in the ledger and never sent twice. The card then shows what happened.
 */

import { resumeDecidedDraft } from "./draft-decisions.js";
import type { FaqDraft } from "./drafts-repo.js";
import type { FaqWorkflowDeps } from "./faq-deps.js";
import { finishRedelivered, isInterruptedAuto } from "./handle-inbound.js";

export interface ResumedDrafts {
  resumed: number;
  failed: number;
}

export async function resumeInterruptedDrafts(deps: FaqWorkflowDeps, channel: string | undefined): Promise<ResumedDrafts> {
  const result: ResumedDrafts = { resumed: 0, failed: 0 };
  for (const draft of deps.drafts.interrupted()) {
    try {
      await resumeOne(deps, draft, channel);
      result.resumed += 1;
      const after = deps.drafts.get(draft.id);
      deps.logger?.info({ draftId: draft.id, conversationId: draft.conversationId, status: after?.status }, "FAQ: a reply interrupted by a stop was finished");
    } catch (error) {
      // Left as it is: the next start tries again, and the card still says "Sending…", never "sent".
      result.failed += 1;
      deps.logger?.warn({ draftId: draft.id, error: (error as Error).message }, "FAQ: could not finish a reply interrupted by a stop");
    }
  }
  return result;
}

async function resumeOne(deps: FaqWorkflowDeps, draft: FaqDraft, channel: string | undefined): Promise<void> {
  if (isInterruptedAuto(draft)) {
    await finishRedelivered(deps, draft, channel);
    return;
  }
  if (draft.decidedBy && (draft.action === "send" || draft.action === "send_close")) await resumeDecidedDraft(deps, draft);
}
