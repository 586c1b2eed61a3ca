/**
 * Whether a Slack user stands among a persona's approvers, as seen from Slack (listed users, or members of
 * listed user groups). The run engine's own check (agent/policy.ts mayDecide) is the one that decides; this
 * one only lets the Slack side answer early, before a modal opens or a channel setting changes.
 */
import type { SlackAppContext } from "../slack-app-context.js";

/** Slack user groups named as approvers that this person belongs to (needs usergroups:read; best effort). */
export async function approverGroupsOf(context: SlackAppContext, userId: string, persona: string | undefined): Promise<string[]> {
  const groups = (persona ? (context.services.personas.get(persona)?.approvers ?? []) : []).filter((id) => id.startsWith("S"));
  const member: string[] = [];
  for (const group of groups) {
    try {
      const result = await context.client.usergroups.users.list({ usergroup: group });
      if (result.users?.includes(userId)) member.push(group);
    } catch (error) {
      context.logger.warn({ err: error, group }, "Could not read a user group's members; treating the person as not in it");
    }
  }
  return member;
}

/**
 * A courtesy check before opening a modal, so a non-approver is told at once instead of after typing.
 * The engine still makes the real decision when the modal is submitted.
 */
export async function isSlackApprover(context: SlackAppContext, userId: string, persona: string, requesterUser?: string): Promise<boolean> {
  const summary = context.services.personas.get(persona);
  const approvers = summary?.approvers ?? [];
  // Nobody listed: anyone but the person who asked for this write (unless the persona allows self-approval).
  if (approvers.length === 0) return summary?.selfApproval === true || requesterUser === undefined || requesterUser !== userId;
  if (approvers.includes(userId)) return true;
  return (await approverGroupsOf(context, userId, persona)).length > 0;
}
