/**
 * The persona a person at the terminal acts under (`switchboard tools call`): every tool is in scope and
 * every write needs that person's say-so, which `--yes` or the confirmation prompt gives.
 */
import type { Persona } from "../agent/personas.js";

export function operatorPersona(): Persona {
  return {
    name: "operator",
    description: "A person running one tool from the terminal.",
    prompt: {
      personality: "Not used: no model runs under this persona.",
      formatting: "Not used.",
      workflow: "Not used.",
      escalation: "Not used.",
      boundaries: "Not used.",
    },
    scope: { allow: { resources: [], risks: ["read", "write", "destructive"], names: [] }, deny: { resources: [], risks: [], names: [] } },
    approval: { risks: { read: "auto", write: "ask", destructive: "ask" }, tools: {} },
    approvers: { users: [], groups: [] },
    channels: [],
  };
}
