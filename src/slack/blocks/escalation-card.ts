/**
 * The escalation card: reasons, score, the briefing, the customer (name, company, plan; never the email), a
 * link to the conversation in Intercom, and the four buttons. Every customer-controlled text is escaped and
 * sent verbatim, so nothing a customer wrote becomes a mention, a channel ping or a live link.
 */
import type { KnownBlock } from "@slack/types";
import { escapeMrkdwn, truncate } from "./mrkdwn.js";

export const ESCALATION_ACTIONS = {
  take: "escalation_take",
  assignTeam: "escalation_assign_team",
  snooze: "escalation_snooze",
  close: "escalation_close",
} as const;

export const SNOOZE_CHOICES = [
  { value: "1h", label: "1 hour" },
  { value: "4h", label: "4 hours" },
  { value: "tomorrow", label: "Until tomorrow 9:00" },
] as const;

export interface EscalationCardInput {
  alertId: number;
  conversationId: string;
  url: string;
  reasonLabels: string[];
  score: number;
  briefing: string;
  customer: { name?: string; company?: string; plan?: string };
  teams: { id: string; name: string }[];
  /** What changed since the card was first posted ("New: Legal threat"). */
  change?: string;
  /** Shown instead of the buttons once someone decided, or the episode ended. */
  outcome?: string;
  /** Shown under the briefing while the alert is snoozed. */
  snoozedUntil?: number;
}

const text = (value: string, max = 2900) => ({ type: "mrkdwn" as const, text: truncate(value, max), verbatim: true });
const plain = (value: string, max = 150) => ({ type: "plain_text" as const, text: truncate(value, max), emoji: false });

export function escalationHeadline(input: Pick<EscalationCardInput, "conversationId" | "reasonLabels">): string {
  return `Escalation on conversation ${input.conversationId}: ${input.reasonLabels.join(", ")}`;
}

export function escalationCardBlocks(input: EscalationCardInput): KnownBlock[] {
  const value = JSON.stringify({ a: input.alertId });
  const customer = [
    `*Customer:* ${escapeMrkdwn(input.customer.name ?? "unknown")}`,
    `*Company:* ${escapeMrkdwn(input.customer.company ?? "none on file")}`,
    `*Plan:* ${escapeMrkdwn(input.customer.plan ?? "unknown")}`,
    `*Score:* ${input.score.toFixed(2)}`,
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(`Escalation: ${input.reasonLabels.join(", ")}`) },
    { type: "section", fields: customer.map((field) => text(field, 1900)) },
    { type: "section", text: text(escapeMrkdwn(input.briefing)) },
    { type: "context", elements: [text(`<${input.url}|Open conversation ${escapeMrkdwn(input.conversationId)} in Intercom>`)] },
  ];
  if (input.change) blocks.push({ type: "context", elements: [text(`:arrows_counterclockwise: ${escapeMrkdwn(input.change)}`)] });
  if (input.snoozedUntil && !input.outcome)
    blocks.push({
      type: "context",
      elements: [text(`:zzz: Snoozed until <!date^${input.snoozedUntil}^{date_short_pretty} {time}|${new Date(input.snoozedUntil * 1000).toISOString()}>`)],
    });
  if (input.outcome) {
    blocks.push({ type: "section", text: text(input.outcome) });
    return blocks;
  }
  const teamOptions = input.teams.slice(0, 100).map((team) => ({ text: plain(team.name, 75), value: JSON.stringify({ a: input.alertId, t: team.id }) }));
  blocks.push({
    type: "actions",
    block_id: `escalation:${input.alertId}`,
    elements: [
      { type: "button", action_id: ESCALATION_ACTIONS.take, style: "primary", text: plain("Take it"), value },
      ...(teamOptions.length
        ? [{ type: "static_select" as const, action_id: ESCALATION_ACTIONS.assignTeam, placeholder: plain("Assign to team"), options: teamOptions }]
        : []),
      {
        type: "static_select",
        action_id: ESCALATION_ACTIONS.snooze,
        placeholder: plain("Snooze alert"),
        options: SNOOZE_CHOICES.map((choice) => ({ text: plain(choice.label), value: JSON.stringify({ a: input.alertId, s: choice.value }) })),
      },
      {
        type: "button",
        action_id: ESCALATION_ACTIONS.close,
        text: plain("Close"),
        value,
        confirm: {
          title: plain("Close the conversation?"),
          text: text("This closes it in Intercom. It is refused while the customer's last message has no teammate reply."),
          confirm: plain("Close it"),
          deny: plain("Cancel"),
        },
      },
    ],
  });
  return blocks;
}

export function decodeEscalationValue(value: string | undefined): { alertId: number; teamId?: string; snooze?: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { a?: unknown; t?: unknown; s?: unknown };
    if (typeof parsed.a !== "number" || !Number.isInteger(parsed.a)) return undefined;
    return {
      alertId: parsed.a,
      teamId: typeof parsed.t === "string" ? parsed.t : undefined,
      snooze: typeof parsed.s === "string" ? parsed.s : undefined,
    };
  } catch {
    return undefined;
  }
}
