/** One audit entry as a Slack line, shared by `/switchboard audit` and App Home. */

import type { AuditEntrySummary } from "../slack-services.js";
import { hideEmails } from "./approval-card.js";
import { escapeMrkdwn, slackDate, truncate } from "./mrkdwn.js";

const who = (id: string | undefined) => (id && /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(id ?? "—"));

const TARGETS: [string, string][] = [
  ["conversation_id", "conversation"],
  ["ticket_id", "ticket"],
  ["contact_id", "contact"],
  ["company_id", "company"],
  ["article_id", "article"],
];
const WORDS = ["body", "message", "note", "name", "text", "title"];

/** "on conversation 123, contact 6a1…" and "wrote “Your refund…”", in short; empty when the args say neither. */
export function auditDetail(tool: string, args: unknown): string {
  if (!args || typeof args !== "object") return "";
  const a = args as Record<string, unknown>;
  const scalar = (v: unknown) => (typeof v === "string" && v.length > 0) || typeof v === "number";
  const targets = TARGETS.filter(([key]) => scalar(a[key])).map(([key, label]) => `${label} ${truncate(String(a[key]), 30)}`);
  if (scalar(a.id) && /TAG/.test(tool)) targets.push(`tag ${truncate(String(a.id), 30)}`);
  if (scalar(a.assignee_id)) targets.push(`to ${a.type === "team" ? "team" : "admin"} ${truncate(String(a.assignee_id), 30)}`);
  const field = WORDS.find((k) => typeof a[k] === "string" && (a[k] as string).trim());
  const words = field
    ? `wrote “${truncate(
        hideEmails(
          (a[field] as string)
            .replace(/<[^>]+>/g, " ")
            .replace(/\s+/g, " ")
            .trim(),
        ),
        60,
      )}”`
    : "";
  return [targets.length > 0 ? `on ${targets.join(", ")}` : "", words].filter(Boolean).map(escapeMrkdwn).join(" · ");
}

/**
 * "… · `TOOL` · rejected · rejected by @bob · asked by @ann · support · on conversation 123 · wrote “…”". The
 * decider is named with the decision they made: an approver column that always read "approved by"
 * misreported rejections.
 */
export function auditLine(e: AuditEntrySummary): string {
  const decision = e.approver ? `${escapeMrkdwn(e.decision)} by ${who(e.approver)}` : escapeMrkdwn(e.decision);
  const detail = auditDetail(e.tool, e.args);
  return `${slackDate(e.at)} · \`${escapeMrkdwn(e.tool)}\` · ${escapeMrkdwn(e.status)} · ${decision} · asked by ${who(e.requester)} · _${escapeMrkdwn(e.persona)}_${detail ? ` · ${detail}` : ""}`;
}
