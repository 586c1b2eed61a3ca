/**
 * The approval policy as pure functions: is a tool in a persona's scope, and does a call run, wait for a
 * person, or get refused. Destructive tools always wait for a person, whatever the persona file says.
 */
import type { ToolDefinition } from "../../tools/define.js";
import type { ApprovalMode, Persona, ScopeMatcher } from "./personas.js";
import type { Decider } from "./run-types.js";

type ToolFacts = Pick<ToolDefinition, "name" | "resource" | "risk">;

const matches = (m: ScopeMatcher, tool: ToolFacts): boolean =>
  m.names.includes(tool.name) || m.resources.includes(tool.resource) || m.risks.includes(tool.risk);

export function inScope(persona: Persona, tool: ToolFacts): boolean {
  return matches(persona.scope.allow, tool) && !matches(persona.scope.deny, tool);
}

/** auto | ask | deny for a tool in scope. A per-tool entry wins over the risk default, except that nothing destructive runs unasked. */
export function approvalMode(persona: Persona, tool: ToolFacts): ApprovalMode {
  const configured = persona.approval.tools[tool.name] ?? persona.approval.risks[tool.risk];
  if (tool.risk === "destructive" && configured === "auto") return "ask";
  return configured;
}

export type CallVerdict = { kind: "run" } | { kind: "ask" } | { kind: "refuse"; reason: string };

export function verdictFor(persona: Persona, tool: ToolFacts | undefined, calledName: string): CallVerdict {
  if (!tool) return { kind: "refuse", reason: `There is no tool named ${calledName}.` };
  if (!inScope(persona, tool)) return { kind: "refuse", reason: `${calledName} is outside what the ${persona.name} persona may use.` };
  const mode = approvalMode(persona, tool);
  if (mode === "deny") return { kind: "refuse", reason: `The ${persona.name} persona's policy refuses ${calledName}.` };
  return mode === "ask" ? { kind: "ask" } : { kind: "run" };
}

export function scopedTools<T extends ToolFacts>(persona: Persona, tools: readonly T[]): T[] {
  return tools.filter((tool) => inScope(persona, tool) && approvalMode(persona, tool) !== "deny");
}

/**
 * Who may decide: the local operator at the terminal always; in Slack, a listed user or a member of a listed
 * group. A persona that lists nobody lets any Slack user decide except the person who asked for the write
 * (a second pair of eyes), unless it says `self_approval: true`. Never the model.
 */
export function mayDecide(persona: Persona, decider: Decider, requester?: { requesterUser?: string }): boolean {
  if (decider.source.startsWith("cli:")) return true;
  if (!decider.slackUserId) return false;
  const { users, groups } = persona.approvers;
  if (users.length === 0 && groups.length === 0) {
    return persona.self_approval === true || requester?.requesterUser === undefined || requester.requesterUser !== decider.slackUserId;
  }
  return users.includes(decider.slackUserId) || (decider.groupIds ?? []).some((g) => groups.includes(g));
}

/** Who can approve a persona's writes, in Slack mrkdwn (mentions), for the message a refused person reads. */
export function whoMayDecide(persona: Persona, requester?: { requesterUser?: string }): string {
  const people = [...persona.approvers.users.map((u) => `<@${u}>`), ...persona.approvers.groups.map((g) => `<!subteam^${g}>`)];
  if (people.length > 0) return `The approvers of the ${persona.name} persona are ${people.join(", ")}.`;
  if (persona.self_approval) return `The ${persona.name} persona lists no approvers, so anyone in Slack may approve.`;
  const asker = requester?.requesterUser ? ` than <@${requester.requesterUser}>, who asked for it` : " than the person who asked for it";
  return `The ${persona.name} persona lists no approvers, so anyone in Slack other${asker}, may approve.`;
}
