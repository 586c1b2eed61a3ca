/**
 * The card's buttons. Each click is a person's decision about exactly what the button says, so it is the
 * approval itself: checked against the persona's approvers, recorded atomically (the first click wins, a
 * second is told who decided), sent through the gated writes with the click as authority, and audited there.
 * What the card and the clicker are told comes from the write's outcome, never from a guess.
 */
import { mayDecide } from "../../agent/policy.js";
import { localTimeText, tomorrowAt } from "../../domain/escalation/snooze-time.js";
import { timelineOf } from "../../domain/escalation/timeline.js";
import type { WriteOutcome } from "../contracts.js";
import type { AlertRecord, AlertStatus } from "./alerts-repo.js";
import { updateCard } from "./card.js";
import type { EscalationDeps } from "./deps.js";

type Doc = Record<string, unknown>;

export interface Clicker {
  slackUserId: string;
  /** Slack user groups the clicker belongs to, for personas that name groups. */
  groupIds?: string[];
}

export interface DecisionReply {
  /** What the clicker is told (ephemeral). */
  text: string;
  outcome?: WriteOutcome["status"];
}

const STATUS_WORDS: Record<AlertStatus, string> = {
  posting: "being posted",
  open: "open",
  snoozed: "snoozed",
  taken: "taken",
  assigned: "assigned to a team",
  closed: "closed",
  ended: "over (a teammate replied or it was closed)",
};

/** @param timeZone where "tomorrow" is read: the team's zone (SWITCHBOARD_TIMEZONE) */
export function snoozeUntil(choice: string, nowSeconds: number, timeZone = "UTC"): number | undefined {
  if (choice === "1h") return nowSeconds + 3600;
  if (choice === "4h") return nowSeconds + 4 * 3600;
  if (choice === "tomorrow") return tomorrowAt(nowSeconds, timeZone, 9);
  return undefined;
}

export function createEscalationDecisions(deps: EscalationDeps) {
  const nowSeconds = () => Math.floor((deps.now ?? Date.now)() / 1000);

  function alreadyDecided(alert: AlertRecord): DecisionReply {
    const who = alert.takenBy ? ` by <@${alert.takenBy}>` : "";
    return { text: `Nothing changed: this alert is already ${STATUS_WORDS[alert.status]}${who}.` };
  }

  function gate(alertId: number, clicker: Clicker): { alert: AlertRecord } | { reply: DecisionReply } {
    const alert = deps.alerts.get(alertId);
    if (!alert) return { reply: { text: "This alert is not known here any more, so nothing changed." } };
    if (alert.status !== "open" && alert.status !== "snoozed") return { reply: alreadyDecided(alert) };
    if (!mayDecide(deps.persona, { slackUserId: clicker.slackUserId, source: "slack", groupIds: clicker.groupIds })) {
      return { reply: { text: `You are not one of the approvers for the ${deps.persona.name} persona, so nothing changed. Ask one of them.` } };
    }
    return { alert };
  }

  const authority = (clicker: Clicker, button: string) => ({
    authority: { kind: "person" as const, slackUserId: clicker.slackUserId, source: `slack:escalation:${button}`, groupIds: clicker.groupIds },
    requester: { slackUserId: clicker.slackUserId, source: "slack" },
  });

  /** Runs the write for a decision already recorded; undoes the record when nothing was applied. */
  async function settle(alert: AlertRecord, status: AlertStatus, outcome: WriteOutcome, done: string): Promise<DecisionReply> {
    const fresh = deps.alerts.get(alert.id) ?? alert;
    if (outcome.status === "sent") {
      deps.alerts.setNote(alert.id, done);
      await updateCard(deps, fresh, { outcome: done });
      return { text: done, outcome: "sent" };
    }
    if (outcome.status === "uncertain") {
      const note = `${done.replace(/\.$/, "")}, but Intercom's answer never came back, so it may not have been applied: check the conversation.`;
      deps.alerts.setNote(alert.id, note);
      await updateCard(deps, fresh, { outcome: note });
      return { text: note, outcome: "uncertain" };
    }
    deps.alerts.undoDecision(alert.id, status);
    const reopened = deps.alerts.get(alert.id) ?? alert;
    await updateCard(deps, reopened, { change: `The last attempt did not go through: ${outcome.reason}` });
    return { text: `Nothing changed in Intercom: ${outcome.reason}`, outcome: outcome.status };
  }

  async function take(alertId: number, clicker: Clicker): Promise<DecisionReply> {
    const gated = gate(alertId, clicker);
    if ("reply" in gated) return gated.reply;
    const admin = await deps.directory.adminFor(clicker.slackUserId);
    if (!admin) {
      return {
        text:
          "Your Slack email matches no Intercom teammate and no default teammate is set (INTERCOM_DEFAULT_ADMIN_ID), so nothing was assigned. " +
          "Use Assign to team, or ask an admin to give you an Intercom seat with the same email.",
      };
    }
    if (!deps.alerts.decide(alertId, "taken", clicker.slackUserId, { takenAdmin: admin.adminId }))
      return alreadyDecided(deps.alerts.get(alertId) ?? gated.alert);
    const outcome = await deps.writes.run({
      tool: "INTERCOM_ASSIGN_CONVERSATION",
      args: { conversation_id: gated.alert.conversationId, type: "admin", admin_id: admin.adminId, assignee_id: admin.adminId },
      persona: deps.persona,
      ...authority(clicker, "take"),
      prompt: `Take it on the escalation alert for conversation ${gated.alert.conversationId}`,
      idempotencyKey: `escalation:${alertId}:take`,
    });
    return settle(gated.alert, "taken", outcome, `Taken by <@${clicker.slackUserId}>: assigned to ${admin.name} in Intercom.`);
  }

  async function assignTeam(alertId: number, teamId: string, clicker: Clicker): Promise<DecisionReply> {
    const gated = gate(alertId, clicker);
    if ("reply" in gated) return gated.reply;
    const admin = await deps.directory.adminFor(clicker.slackUserId);
    if (!admin) return { text: "Intercom needs to know which teammate makes the assignment, and your Slack email matches none, so nothing was assigned." };
    const teams = await deps.reads.read<Doc>("INTERCOM_RETRIEVE_A_TEAM", { team_id: teamId }, "team chosen on an escalation card");
    const teamName = teams.ok && typeof teams.data.name === "string" ? teams.data.name : `team ${teamId}`;
    if (!deps.alerts.decide(alertId, "assigned", clicker.slackUserId, { takenAdmin: admin.adminId }))
      return alreadyDecided(deps.alerts.get(alertId) ?? gated.alert);
    const outcome = await deps.writes.run({
      tool: "INTERCOM_ASSIGN_CONVERSATION",
      args: { conversation_id: gated.alert.conversationId, type: "team", admin_id: admin.adminId, assignee_id: teamId },
      persona: deps.persona,
      ...authority(clicker, "assign-team"),
      prompt: `Assign to team ${teamName} on the escalation alert for conversation ${gated.alert.conversationId}`,
      idempotencyKey: `escalation:${alertId}:assign-team`,
    });
    return settle(gated.alert, "assigned", outcome, `<@${clicker.slackUserId}> assigned it to ${teamName} in Intercom.`);
  }

  async function snooze(alertId: number, choice: string, clicker: Clicker): Promise<DecisionReply> {
    const gated = gate(alertId, clicker);
    if ("reply" in gated) return gated.reply;
    const timeZone = deps.timezone ?? "UTC";
    const until = snoozeUntil(choice, nowSeconds(), timeZone);
    if (!until) return { text: `"${choice}" is not a snooze choice; pick 1 hour, 4 hours or tomorrow.` };
    if (!deps.alerts.snooze(alertId, until, clicker.slackUserId)) return alreadyDecided(deps.alerts.get(alertId) ?? gated.alert);
    const alert = deps.alerts.get(alertId) as AlertRecord;
    await updateCard(deps, alert, { change: `Snoozed by <@${clicker.slackUserId}>; it comes back if the customer is still waiting then.` });
    return {
      text: `Snoozed until ${localTimeText(until, timeZone)}. Only the alert sleeps; the conversation is unchanged.`,
    };
  }

  async function close(alertId: number, clicker: Clicker): Promise<DecisionReply> {
    const gated = gate(alertId, clicker);
    if ("reply" in gated) return gated.reply;
    const conversation = await deps.reads.read<Doc>(
      "INTERCOM_GET_CONVERSATION",
      { conversation_id: gated.alert.conversationId },
      "close from an escalation card",
    );
    if (!conversation.ok) return { text: `Could not read conversation ${gated.alert.conversationId} (${conversation.message}), so nothing was closed.` };
    const timeline = timelineOf(conversation.data);
    const lastCustomer = timeline.filter((m) => m.speaker === "customer").pop();
    const replied = timeline.some((m) => m.speaker === "teammate" && (!lastCustomer || m.at >= lastCustomer.at));
    if (!replied) return { text: "Not closed: the customer's last message has no teammate reply yet. Reply first, then close." };
    const admin = await deps.directory.adminFor(clicker.slackUserId);
    if (!admin) return { text: "Intercom needs to know which teammate closes it, and your Slack email matches none, so nothing was closed." };
    if (!deps.alerts.decide(alertId, "closed", clicker.slackUserId, { takenAdmin: admin.adminId }))
      return alreadyDecided(deps.alerts.get(alertId) ?? gated.alert);
    const outcome = await deps.writes.run({
      tool: "INTERCOM_CLOSE_CONVERSATION",
      args: { conversation_id: gated.alert.conversationId, admin_id: admin.adminId },
      persona: deps.persona,
      ...authority(clicker, "close"),
      prompt: `Close on the escalation alert for conversation ${gated.alert.conversationId}`,
      idempotencyKey: `escalation:${alertId}:close`,
    });
    return settle(gated.alert, "closed", outcome, `Closed in Intercom by <@${clicker.slackUserId}>.`);
  }

  return { take, assignTeam, snooze, close };
}

export type EscalationDecisions = ReturnType<typeof createEscalationDecisions>;
