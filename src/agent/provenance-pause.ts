/**
 * The human-in-the-loop side of the provenance check: writes a persona runs on its own get a conditional
 * pause, taken only when a value of the call appears in customer-written text and nowhere trusted
 * (src/agent/provenance.ts). The guard repeats the same check before it runs the call.
 */
import type { BaseMessage, InterruptOnConfig } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import type { Persona } from "./personas.js";
import { checkProvenance, checksProvenance, type ProvenanceFinding } from "./provenance.js";

/** Tools of the persona that run on their own unless their arguments came from untrusted text. */
export function provenanceCheckedTools(persona: Persona, tools: readonly ToolDefinition[]): ToolDefinition[] {
  return tools.filter((tool) => checksProvenance(persona, tool));
}

/**
 * Marks a pause's description as the provenance reason. Other gated calls are described by their summary,
 * which starts with the tool's own title, so customer text can never make a description start with this.
 */
const WHY_MARK = "why:";

/** One short line for the person deciding: which values came from customer-written text. */
export function provenanceWhy(findings: readonly ProvenanceFinding[]): string {
  const shown = findings.slice(0, 2).map((f) => `${f.field} "${f.value.length > 30 ? `${f.value.slice(0, 30)}…` : f.value}"`);
  const more = findings.length > 2 ? ` and ${findings.length - 2} more` : "";
  const verb = findings.length === 1 ? "appears" : "appear";
  return `Would run on its own, but ${shown.join(" and ")}${more} ${verb} in customer-written text and not in the request, so it waits for a person.`;
}

/** The provenance reason carried by a pause's description, or undefined for any other pause. */
export function whyFromDescription(description: string | undefined): string | undefined {
  return description?.startsWith(WHY_MARK) ? description.slice(WHY_MARK.length) : undefined;
}

export function provenanceInterrupts(persona: Persona, tools: readonly ToolDefinition[]): Record<string, InterruptOnConfig> {
  const entries: Record<string, InterruptOnConfig> = {};
  for (const tool of provenanceCheckedTools(persona, tools)) {
    const verdict = (args: Record<string, unknown> | undefined, messages: BaseMessage[] | undefined) =>
      checkProvenance({ tool, args: args ?? {}, messages: messages ?? [], persona });
    entries[tool.name] = {
      allowedDecisions: ["approve", "edit", "reject"],
      // Asked only for a call `when` stopped, so the verdict names the values that stopped it.
      description: (toolCall: { args?: Record<string, unknown> }, state: { messages?: BaseMessage[] }) => {
        const found = verdict(toolCall.args, state?.messages);
        return found.needsPerson ? `${WHY_MARK}${provenanceWhy(found.findings)}` : `${WHY_MARK}${tool.title} waits for a person.`;
      },
      when: ({ toolCall, state }: { toolCall: { args?: Record<string, unknown> }; state: { messages?: BaseMessage[] } }) =>
        verdict(toolCall.args, state.messages).needsPerson,
    } as InterruptOnConfig;
  }
  return entries;
}
