/**
 * Adapts the agent's pieces (personas, the tool catalog with its retriever, the audit log, the run engine) to
 * the narrow shapes the Slack layer reads. Built once in the composition root.
 */
import type { ToolDefinition } from "../../tools/define.js";
import type { SwitchboardRunEngine } from "../agent/create-run-engine.js";
import type { Persona } from "../agent/personas.js";
import { approvalMode, scopedTools } from "../agent/policy.js";
import type { RunEngine } from "../agent/run-types.js";
import { buildToolIndex, type ToolIndex, toRetrievable } from "../agent/tool-retriever.js";
import type { Config } from "../config.js";
import type { AuditLog } from "../store/audit-log.js";
import { toolMatches } from "./blocks/tool-matches.js";
import { createIntercomLookup, type ToolReader } from "./flows/intercom-lookup.js";
import type { PersonaSummary, SlackServices, ToolSummary } from "./slack-services.js";

export interface AgentParts {
  /** The run engine; when it also offers run records and write outcomes (SwitchboardRunEngine), cards show them. */
  engine: RunEngine & Partial<Pick<SwitchboardRunEngine, "getRun" | "writeOutcomes">>;
  /** The tool executor: cards read names and conversation states through it (reads only). */
  reader?: ToolReader;
  /** Set when the engine sends approved replies as the approver's teammate (its `teammates` option). */
  sendsAsApprover?: { defaultAdminId?: string };
  personas: readonly Persona[];
  defaultPersona: string;
  tools: readonly ToolDefinition[];
  audit: AuditLog;
  model: Readonly<Config["model"]>;
}

const RISK_WORDS = { read: "reads", write: "writes", destructive: "destructive actions" } as const;

/** A persona's scope in a line: what runs on its own, what asks first. */
export function describeScope(persona: Persona, tools: readonly ToolDefinition[]): string {
  const scoped = scopedTools(persona, tools);
  if (scoped.length === 0) return "no tools";
  const auto = scoped.filter((t) => approvalMode(persona, t) === "auto");
  const ask = scoped.filter((t) => approvalMode(persona, t) === "ask");
  const parts: string[] = [];
  if (auto.length > 0) {
    const risks = [...new Set(auto.map((t) => t.risk))].map((r) => RISK_WORDS[r]);
    parts.push(`${auto.length} tools run on their own (${risks.join(", ")})`);
  }
  if (ask.length > 0) {
    const names = ask.slice(0, 6).map((t) => t.title.toLowerCase());
    parts.push(`asks a person before: ${names.join(", ")}${ask.length > 6 ? ` and ${ask.length - 6} more` : ""}`);
  }
  return parts.join("; ");
}

export function slackServicesFrom(parts: AgentParts): SlackServices {
  const summaries: PersonaSummary[] = parts.personas.map((p) => ({
    name: p.name,
    description: p.description,
    scope: describeScope(p, parts.tools),
    approvers: [...p.approvers.users, ...p.approvers.groups],
    selfApproval: p.self_approval === true,
  }));
  const indexes = new Map<string, { index: ToolIndex; scoped: ToolDefinition[] }>();
  const scopedFor = (persona: Persona) => {
    let entry = indexes.get(persona.name);
    if (!entry) {
      const scoped = scopedTools(persona, parts.tools);
      entry = { scoped, index: buildToolIndex(scoped.map(toRetrievable)) };
      indexes.set(persona.name, entry);
    }
    return entry;
  };
  return {
    engine: parts.engine,
    personas: {
      defaultPersona: parts.defaultPersona,
      list: () => summaries,
      get: (name) => summaries.find((p) => p.name === name),
    },
    tools: {
      forPersona(name, query, limit) {
        const persona = parts.personas.find((p) => p.name === name);
        if (!persona) return { tools: [], total: 0 };
        const { scoped, index } = scopedFor(persona);
        const byName = new Map(scoped.map((t) => [t.name, t]));
        // Only tools that fit the words above a relevance floor; none is a real answer ("nothing fits").
        const matches = query ? toolMatches(index, query) : undefined;
        const ordered = matches ? matches.fits.map((name) => byName.get(name)!) : scoped;
        const summary = (t: ToolDefinition): ToolSummary => ({ name: t.name, title: t.title, risk: t.risk, policy: approvalMode(persona, t) });
        const tools = ordered.slice(0, limit).map(summary);
        const closest = matches?.closest.map((name) => summary(byName.get(name)!));
        return { tools, total: query ? ordered.length : scoped.length, ...(closest && closest.length > 0 ? { closest } : {}) };
      },
    },
    audit: {
      latest: (limit) =>
        parts.audit.recent({ limit }).map((e) => ({
          at: e.at,
          tool: e.tool,
          persona: e.persona,
          status: e.status,
          decision: e.decision,
          requester: e.requesterUser ?? e.requesterSource,
          approver: e.approver,
          args: e.args,
        })),
    },
    runs:
      parts.engine.getRun && parts.engine.writeOutcomes
        ? {
            get: (runId) => {
              const run = parts.engine.getRun?.(runId);
              return run ? { requesterUser: run.requesterUser, threadId: run.threadId, channelId: run.channelId } : undefined;
            },
            writeOutcomes: (runId) => parts.engine.writeOutcomes?.(runId) ?? [],
          }
        : undefined,
    lookup: parts.reader ? createIntercomLookup(parts.reader) : undefined,
    sendsAsApprover: parts.sendsAsApprover,
    modelStatus: () =>
      parts.model.configured
        ? { configured: true, detail: `${parts.model.chatModel} via ${parts.model.baseUrl ?? "api.openai.com"}` }
        : { configured: false, detail: "not configured: set OPENAI_API_KEY or OPENAI_BASE_URL to let the agent answer" },
  };
}
