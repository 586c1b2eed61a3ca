/**
 * May this write run on this authority? Pure: the persona's scope and policy, the tool's risk and the
 * approver rule from src/agent/policy.ts. Destructive tools always need a person, whatever the persona says.
 */
import type { ToolDefinition } from "../../tools/define.js";
import type { Persona } from "../agent/personas.js";
import { approvalMode, inScope, mayDecide } from "../agent/policy.js";
import type { WriteAuthority } from "../workflows/contracts.js";

export type AuthorityCheck = { allowed: true; decision: "auto" | "approved"; approver?: string } | { allowed: false; reason: string };

function approverList(persona: Persona): string {
  const people = [...persona.approvers.users.map((u) => `<@${u}>`), ...persona.approvers.groups.map((g) => `<!subteam^${g}>`)];
  return people.length > 0 ? ` Who can: ${people.join(", ")}.` : "";
}

export function checkAuthority(
  persona: Persona,
  tool: Pick<ToolDefinition, "name" | "title" | "resource" | "risk">,
  authority: WriteAuthority,
): AuthorityCheck {
  if (tool.risk === "read") return { allowed: false, reason: `${tool.title} only reads; it does not go through the write gate.` };
  if (!inScope(persona, tool)) return { allowed: false, reason: `${tool.title} is outside what the ${persona.name} persona may use.` };
  const mode = approvalMode(persona, tool);
  if (mode === "deny") return { allowed: false, reason: `The ${persona.name} persona's policy refuses ${tool.title}.` };
  if (authority.kind === "policy") {
    if (tool.risk === "destructive")
      return { allowed: false, reason: `${tool.title} cannot be undone, so a person must approve it; a policy alone may not run it.` };
    if (mode !== "auto")
      return { allowed: false, reason: `The ${persona.name} persona's policy does not run ${tool.title} on its own; a person must approve it.` };
    return { allowed: true, decision: "auto" };
  }
  const decider = { slackUserId: authority.slackUserId, source: authority.source, groupIds: authority.groupIds };
  if (!mayDecide(persona, decider)) {
    const who = authority.slackUserId ? `<@${authority.slackUserId}>` : authority.source;
    return { allowed: false, reason: `${who} may not approve writes for the ${persona.name} persona.${approverList(persona)}` };
  }
  return { allowed: true, decision: "approved", approver: authority.slackUserId ?? authority.source };
}
