/**
 * Shared by Edit and Reject: find the pending approval, tell a non-approver privately, otherwise open the
 * modal. A request that is no longer pending is reported instead of opening anything.
 */
import type { ModalView } from "@slack/types";
import type { PendingApproval } from "../../src/agent/run-types.js";
import { decodeApprovalRef } from "../../src/slack/blocks/approval-card.js";
import { notApproverText } from "../../src/slack/blocks/approval-errors.js";
import { findPending } from "../../src/slack/flows/approval-flow.js";
import { isSlackApprover } from "../../src/slack/flows/approver-check.js";
import type { SlackAppContext } from "../../src/slack/slack-app-context.js";
import type { ButtonClick } from "./button-click.js";

export async function openDecisionModal(
  context: SlackAppContext,
  click: ButtonClick,
  build: (approval: PendingApproval, where: { channel: string; messageTs: string; threadTs: string }) => ModalView,
): Promise<void> {
  const ref = decodeApprovalRef(click.value);
  if (!ref || !click.channel || !click.messageTs) return;
  const channel = click.channel;
  const threadTs = click.threadTs ?? click.messageTs;
  const say = (text: string) => context.poster.ephemeral(channel, click.userId, { text, threadTs });
  const approval = findPending(context, ref.runId, ref.approvalId);
  if (!approval) {
    await say("This request is no longer waiting for a decision (it was decided or has expired), so there is nothing to change. The card shows what happened.");
    return;
  }
  const requester = context.services.runs?.get(approval.runId)?.requesterUser;
  if (!(await isSlackApprover(context, click.userId, approval.persona, requester))) {
    await say(notApproverText(approval.persona, context.services.personas.get(approval.persona)?.approvers ?? [], requester === click.userId));
    return;
  }
  await context.poster.openModal(click.triggerId, build(approval, { channel, messageTs: click.messageTs, threadTs }));
}
