/** One audit entry as a Slack line, shared by `/switchboard audit` and App Home. */

import type { AuditEntrySummary } from "../slack-services.js";
import { escapeMrkdwn, slackDate } from "./mrkdwn.js";

const who = (id: string | undefined) => (id && /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id ?? "—"));

/**
 * "… · `TOOL` · rejected · rejected by @bob · asked by @ann · support". The decider is named with the decision
 * they made: an approver column that always read "approved by" misreported rejections.
 */
export function auditLine(e: AuditEntrySummary): string {
  const decision = e.approver ? `${escapeMrkdwn(e.decision)} by ${who(e.approver)}` : escapeMrkdwn(e.decision);
  return `${slackDate(e.at)} · \`${escapeMrkdwn(e.tool)}\` · ${escapeMrkdwn(e.status)} · ${decision} · asked by ${who(e.requester)} · _${escapeMrkdwn(e.persona)}_`;
}
