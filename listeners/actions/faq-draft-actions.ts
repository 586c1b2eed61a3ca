/**
 * Buttons on an FAQ draft card. Each click is acknowledged at once; the decision and the send run after,
 * and a click on an already-decided draft tells the clicker, privately, who decided and what happened.
 */
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { FAQ_ACTIONS } from "../../src/slack/blocks/faq-draft-card.js";
import { buildFaqEditModal } from "../../src/slack/blocks/faq-edit-modal.js";
import { alreadyMessage, closeAnswered, type DecideInput, type DecisionDeps, decideDraft, editableAnswer } from "../../src/workflows/faq/draft-decisions.js";

export interface FaqActionDeps extends DecisionDeps {
  /** Runs work after the ack (the app's BackgroundWork); defaults to a detached promise. */
  runAfterAck?: (name: string, work: () => Promise<void>) => void;
}

const detached = (deps: FaqActionDeps) =>
  deps.runAfterAck ??
  ((name: string, work: () => Promise<void>) => {
    work().catch((error: unknown) => deps.logger?.warn({ err: error }, `${name} failed`));
  });

export async function tellPrivately(deps: Pick<DecisionDeps, "slack">, channel: string | undefined, user: string, text: string): Promise<void> {
  if (!channel) return;
  await deps.slack.chat.postEphemeral({ channel, user, text });
}

export function registerFaqDraftActions(app: App, deps: FaqActionDeps): void {
  const run = detached(deps);
  const decideOn =
    (action: DecideInput["action"]) =>
    async ({ ack, body, action: button }: { ack: () => Promise<void>; body: BlockAction; action: ButtonAction }) => {
      await ack();
      const channel = body.channel?.id;
      run(`faq ${action}`, async () => {
        const result = await decideDraft(deps, { draftId: button.value ?? "", action, slackUserId: body.user.id });
        if (result.kind !== "decided") await tellPrivately(deps, channel, body.user.id, result.message);
      });
    };
  app.action<BlockAction<ButtonAction>>(FAQ_ACTIONS.send, decideOn("send"));
  app.action<BlockAction<ButtonAction>>(FAQ_ACTIONS.sendClose, decideOn("send_close"));
  app.action<BlockAction<ButtonAction>>(FAQ_ACTIONS.dismiss, decideOn("dismiss"));
  app.action<BlockAction<ButtonAction>>(FAQ_ACTIONS.close, async ({ ack, body, action }) => {
    await ack();
    const channel = body.channel?.id;
    run("faq close", async () => {
      const result = await closeAnswered(deps, { draftId: action.value ?? "", slackUserId: body.user.id });
      if (result.kind !== "decided") await tellPrivately(deps, channel, body.user.id, result.message);
    });
  });
  app.action<BlockAction<ButtonAction>>(FAQ_ACTIONS.edit, async ({ ack, body, action }) => {
    await ack();
    const draft = deps.drafts.get(action.value ?? "");
    if (draft?.status !== "pending") {
      await tellPrivately(deps, body.channel?.id, body.user.id, draft ? alreadyMessage(draft) : "This draft no longer exists.");
      return;
    }
    // The trigger id expires in 3 seconds: open the modal now, not in the background.
    await deps.slack.views.open({ trigger_id: body.trigger_id, view: buildFaqEditModal(draft.id, editableAnswer(draft), draft.kind) as never });
  });
}
