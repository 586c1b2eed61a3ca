/** Posting and rewriting an alert's card: the one place that turns a stored alert into Slack calls. */
import { isReasonCode, REASON_LABELS } from "../../domain/escalation/reasons.js";
import { escalationCardBlocks, escalationHeadline } from "../../slack/blocks/escalation-card.js";
import type { AlertRecord } from "./alerts-repo.js";
import { defaultConversationUrl, type EscalationDeps } from "./deps.js";

type Doc = Record<string, unknown>;

export const labelsOf = (reasons: readonly string[]) => reasons.map((r) => (isReasonCode(r) ? REASON_LABELS[r] : r));

export async function listTeams(deps: EscalationDeps): Promise<{ id: string; name: string }[]> {
  const result = await deps.reads.read<Doc>("INTERCOM_LIST_ALL_TEAMS", {}, "teams for the escalation card");
  if (!result.ok) return [];
  const teams = Array.isArray(result.data.teams) ? (result.data.teams as Doc[]) : [];
  return teams.map((t) => ({ id: String(t.id), name: String(t.name ?? t.id) }));
}

export interface CardExtras {
  change?: string;
  outcome?: string;
}

function cardInput(deps: EscalationDeps, alert: AlertRecord, teams: { id: string; name: string }[], extras: CardExtras) {
  const url = (deps.conversationUrl ?? defaultConversationUrl)(alert.conversationId);
  return {
    alertId: alert.id,
    conversationId: alert.conversationId,
    url,
    reasonLabels: labelsOf(alert.reasons),
    score: alert.score,
    briefing: alert.briefing ?? "",
    customer: alert.customer,
    teams,
    change: extras.change,
    outcome: extras.outcome,
    snoozedUntil: alert.status === "snoozed" ? alert.snoozedUntil : undefined,
  };
}

/** Posts a new card; returns its ts. */
export async function postCard(deps: EscalationDeps, alert: AlertRecord, extras: CardExtras = {}): Promise<{ channel: string; ts: string }> {
  const teams = await listTeams(deps);
  const input = cardInput(deps, alert, teams, extras);
  const posted = await deps.slack.chat.postMessage({
    channel: deps.channel,
    text: escalationHeadline(input),
    blocks: escalationCardBlocks(input),
    unfurl_links: false,
    unfurl_media: false,
  });
  if (!posted.ok || !posted.ts) throw new Error(`Slack did not post the escalation card: ${posted.error ?? "no ts"}`);
  return { channel: String(posted.channel ?? deps.channel), ts: posted.ts };
}

/** Rewrites the card in place; a card that cannot be updated (deleted, no access) is logged, not fatal. */
export async function updateCard(deps: EscalationDeps, alert: AlertRecord, extras: CardExtras = {}): Promise<boolean> {
  if (!alert.channel || !alert.ts) return false;
  const teams = extras.outcome ? [] : await listTeams(deps);
  const input = cardInput(deps, alert, teams, extras);
  try {
    await deps.slack.chat.update({ channel: alert.channel, ts: alert.ts, text: escalationHeadline(input), blocks: escalationCardBlocks(input) });
    return true;
  } catch (error) {
    deps.logger?.warn({ err: error, alert: alert.id }, "could not update an escalation card");
    return false;
  }
}
