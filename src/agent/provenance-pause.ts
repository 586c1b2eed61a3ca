/**
 * The human-in-the-loop side of the provenance check: writes a persona runs on its own get a conditional
 * pause, taken only when a value of the call appears in customer-written text and nowhere trusted
 * (src/agent/provenance.ts). The guard repeats the same check before it runs the call.
 */
import type { BaseMessage, InterruptOnConfig } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import { summarizeCall } from "./call-summary.js";
import type { Persona } from "./personas.js";
import { checkProvenance, checksProvenance } from "./provenance.js";

/** Tools of the persona that run on their own unless their arguments came from untrusted text. */
export function provenanceCheckedTools(persona: Persona, tools: readonly ToolDefinition[]): ToolDefinition[] {
  return tools.filter((tool) => checksProvenance(persona, tool));
}

export function provenanceInterrupts(persona: Persona, tools: readonly ToolDefinition[]): Record<string, InterruptOnConfig> {
  const entries: Record<string, InterruptOnConfig> = {};
  for (const tool of provenanceCheckedTools(persona, tools)) {
    entries[tool.name] = {
      allowedDecisions: ["approve", "edit", "reject"],
      description: (toolCall: { args: Record<string, unknown> }) => summarizeCall(tool.title, toolCall.args ?? {}),
      when: ({ toolCall, state }: { toolCall: { args?: Record<string, unknown> }; state: { messages?: BaseMessage[] } }) =>
        checkProvenance({ tool, args: toolCall.args ?? {}, messages: state.messages ?? [], persona }).needsPerson,
    } as InterruptOnConfig;
  }
  return entries;
}
