/** The FAQ Edit modal's submit: closes the modal at once, then sends the edited answer (and closes if ticked). */
import type { App } from "@slack/bolt";
import { FAQ_EDIT_BLOCK, FAQ_EDIT_CALLBACK, FAQ_EDIT_CLOSE_BLOCK, FAQ_EDIT_CLOSE_INPUT, FAQ_EDIT_INPUT } from "../../src/slack/blocks/faq-edit-modal.js";
import { decideDraft, editedParagraphs } from "../../src/workflows/faq/draft-decisions.js";
import { type FaqActionDeps, tellPrivately } from "../actions/faq-draft-actions.js";

export function registerFaqEditView(app: App, deps: FaqActionDeps): void {
  app.view(FAQ_EDIT_CALLBACK, async ({ ack, body, view }) => {
    const values = view.state.values;
    const text = values[FAQ_EDIT_BLOCK]?.[FAQ_EDIT_INPUT]?.value ?? "";
    const draftId = view.private_metadata;
    const draft = deps.drafts.get(draftId);
    // Said in the modal: once it closes, a draft with no row has no channel to tell the person in.
    if (!draft) {
      await ack({ response_action: "errors", errors: { [FAQ_EDIT_BLOCK]: "This draft no longer exists, so nothing was sent." } });
      return;
    }
    if (editedParagraphs(text, draft.citations).length === 0) {
      await ack({ response_action: "errors", errors: { [FAQ_EDIT_BLOCK]: "The answer cannot be empty." } });
      return;
    }
    await ack();
    const close = (values[FAQ_EDIT_CLOSE_BLOCK]?.[FAQ_EDIT_CLOSE_INPUT]?.selected_options ?? []).some((o) => o.value === "close");
    const work = async () => {
      const result = await decideDraft(deps, { draftId, action: close ? "send_close" : "send", slackUserId: body.user.id, editedText: text });
      if (result.kind !== "decided") await tellPrivately(deps, draft.channelId, body.user.id, result.message);
    };
    if (deps.runAfterAck) deps.runAfterAck("faq edit", work);
    else work().catch((error: unknown) => deps.logger?.warn({ err: error }, "faq edit failed"));
  });
}
