/**
 * The escalation card's buttons: Take it, Assign to team, Snooze alert, Close. Each click is acknowledged at
 * once; the decision runs after and the clicker hears the outcome privately (the card itself is rewritten by
 * the decision). The lead routes this with registerEscalationActions(app, deps).
 */
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger } from "../../src/logger.js";
import { decodeEscalationValue, ESCALATION_ACTIONS } from "../../src/slack/blocks/escalation-card.js";
import type { Clicker, DecisionReply, EscalationDecisions } from "../../src/workflows/escalation/decisions.js";

export interface EscalationActionDeps {
  decisions: EscalationDecisions;
  /** Slack user groups of the clicker that the persona names as approvers (best effort). */
  groupsOf?: (slackUserId: string) => Promise<string[]>;
  logger?: Pick<Logger, "warn">;
  /** Lets tests wait for the work that runs after the ack. */
  onSettled?: (reply: DecisionReply) => void;
  /** Runs the decision after the ack as tracked Slack work (so a stop waits for it); plain fire-and-forget without. */
  runAfterAck?: (name: string, work: () => Promise<void>) => void;
}

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function actionValue(action: unknown): string | undefined {
  const a = action as { value?: string; selected_option?: { value?: string } };
  return a.selected_option?.value ?? a.value;
}

export function escalationActionHandler(kind: keyof typeof ESCALATION_ACTIONS, deps: EscalationActionDeps) {
  return async ({ ack, body, action, client }: Args): Promise<void> => {
    await ack();
    const ref = decodeEscalationValue(actionValue(action));
    const userId = body.user.id;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const run = async (): Promise<DecisionReply> => {
      if (!ref) return { text: "This button's data could not be read, so nothing changed." };
      const clicker: Clicker = { slackUserId: userId, groupIds: (await deps.groupsOf?.(userId)) ?? [] };
      if (kind === "take") return deps.decisions.take(ref.alertId, clicker);
      if (kind === "close") return deps.decisions.close(ref.alertId, clicker);
      if (kind === "snooze") return deps.decisions.snooze(ref.alertId, ref.snooze ?? "", clicker);
      return ref.teamId ? deps.decisions.assignTeam(ref.alertId, ref.teamId, clicker) : { text: "No team was chosen, so nothing changed." };
    };
    // After the ack: Slack wants an answer within 3 seconds, and Intercom plus the card update can take longer.
    const work = () =>
      run()
        .catch((error: unknown): DecisionReply => {
          deps.logger?.warn({ err: error, kind }, "escalation button failed");
          return { text: "Something went wrong on our side and the click may not have been applied; look at the card before trying again." };
        })
        .then(async (reply) => {
          if (channel) await client.chat.postEphemeral({ channel, user: userId, text: reply.text }).catch(() => undefined);
          deps.onSettled?.(reply);
        });
    if (deps.runAfterAck) deps.runAfterAck(`escalation ${kind}`, work);
    else void work();
  };
}

export function registerEscalationActions(app: App, deps: EscalationActionDeps): void {
  app.action(ESCALATION_ACTIONS.take, escalationActionHandler("take", deps));
  app.action(ESCALATION_ACTIONS.assignTeam, escalationActionHandler("assignTeam", deps));
  app.action(ESCALATION_ACTIONS.snooze, escalationActionHandler("snooze", deps));
  app.action(ESCALATION_ACTIONS.close, escalationActionHandler("close", deps));
}
