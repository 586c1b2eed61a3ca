/**
 * Provenance of a write's arguments. A persona may run some writes on its own (triage tags and assigns), but
 * only with arguments nobody outside the team planted: when a target or value of an automatic write appears
 * in customer-authored text (a message, a contact's name, a note, a ticket title, an article) and the
 * requester's own words and the persona's configuration do not vouch for it, the call waits for a person,
 * whatever the persona's policy says. Intercom's own lists (teams, tags, admins) do not vouch for a value the
 * customer text names: an attacker picks targets from those very lists. Pure: messages and arguments in,
 * a verdict out.
 */
import type { BaseMessage } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import type { Persona } from "./personas.js";
import { systemPromptFor } from "./personas.js";
import { approvalMode } from "./policy.js";
import { runSources } from "./provenance-sources.js";

export interface ProvenanceFinding {
  /** The argument, e.g. "id" or "assignee.id". */
  field: string;
  value: string;
}

export type ProvenanceVerdict = { needsPerson: false } | { needsPerson: true; findings: ProvenanceFinding[]; reason: string };

/** Writes a persona runs without asking: the only ones whose arguments need their origin checked. */
export function checksProvenance(persona: Persona, tool: Pick<ToolDefinition, "name" | "resource" | "risk">): boolean {
  return tool.risk !== "read" && approvalMode(persona, tool) === "auto";
}

interface ZodLike {
  _zod?: { def?: { type?: string; innerType?: ZodLike } };
}

/** A field the schema limits to fixed words (an enum or a literal): the model picks among them, no one plants them. */
function isFixedChoice(schema: unknown): boolean {
  let current = schema as ZodLike | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    const type = current._zod?.def?.type;
    if (type === "enum" || type === "literal" || type === "boolean") return true;
    if (type !== "optional" && type !== "default" && type !== "nullable" && type !== "readonly") return false;
    current = current._zod?.def?.innerType;
  }
  return false;
}

/** The values of a call that name a target or carry data: every scalar except fixed choices and booleans. */
export function argumentValues(tool: Pick<ToolDefinition, "input">, args: Record<string, unknown>): ProvenanceFinding[] {
  const shape = (tool.input as { shape?: Record<string, unknown> }).shape ?? {};
  const out: ProvenanceFinding[] = [];
  const walk = (field: string, value: unknown) => {
    if (value === null || value === undefined || typeof value === "boolean") return;
    if (Array.isArray(value)) for (const item of value) walk(field, item);
    else if (typeof value === "object") for (const [key, inner] of Object.entries(value)) walk(`${field}.${key}`, inner);
    else {
      const text = String(value).trim();
      if (text) out.push({ field, value: text });
    }
  };
  for (const [field, value] of Object.entries(args)) {
    if (isFixedChoice(shape[field])) continue;
    walk(field, value);
  }
  return out;
}

/** Whether `value` occurs in `haystack` as a whole word or phrase (so "17" is not found in "2017"). */
export function mentions(haystack: string, value: string): boolean {
  const text = haystack.toLowerCase();
  const needle = value.toLowerCase();
  const edge = /[a-z0-9]/;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1];
    const after = text[at + needle.length];
    const startsWord = !edge.test(needle[0] ?? "") || before === undefined || !edge.test(before);
    const endsWord = !edge.test(needle[needle.length - 1] ?? "") || after === undefined || !edge.test(after);
    if (startsWord && endsWord) return true;
  }
  return false;
}

/** The persona's own words and settings: what its owner configured, so a trusted source. */
export function personaText(persona: Persona): string {
  return `${systemPromptFor(persona)}\n${JSON.stringify(persona)}`;
}

/** Checks one automatic write against what the run has seen so far. */
export function checkProvenance(input: {
  tool: Pick<ToolDefinition, "title" | "input">;
  args: Record<string, unknown>;
  messages: readonly BaseMessage[];
  persona: Persona;
}): ProvenanceVerdict {
  const sources = runSources(input.messages);
  if (sources.untrusted.length === 0) return { needsPerson: false };
  const untrusted = sources.untrusted.join("\n");
  const vouched = [...sources.requester, personaText(input.persona)].join("\n");
  const findings = argumentValues(input.tool, input.args).filter(({ value }) => mentions(untrusted, value) && !mentions(vouched, value));
  if (findings.length === 0) return { needsPerson: false };
  const listed = findings
    .slice(0, 3)
    .map((f) => `${f.field} "${f.value.slice(0, 40)}"`)
    .join(", ");
  return {
    needsPerson: true,
    findings,
    reason: `${input.tool.title} would use ${listed}, which appears in customer-written text and not in the request or the persona's settings, so a person must approve it.`,
  };
}
