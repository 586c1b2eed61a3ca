/**
 * What the Slack layer needs from the rest of Switchboard, in the narrowest shape. The composition root
 * adapts the agent's personas, tool catalog and audit log to these (src/slack/services-from-agent.ts), so the
 * listeners do not depend on how those are stored.
 */
import type { Risk } from "../../tools/define.js";
import type { RunEngine } from "../agent/run-types.js";
import type { RunWriteOutcome } from "../writes/write-once.js";
import type { IntercomLookup } from "./flows/intercom-lookup.js";

export interface PersonaSummary {
  name: string;
  description?: string;
  /** The tool scope in a few words, e.g. "reads; reply, note, tag, assign with approval". */
  scope: string;
  /** Slack user or user-group ids that may approve; empty means anyone in Slack but the person who asked. */
  approvers: string[];
  /** With no approvers listed, the person who asked may approve their own write too (persona `self_approval`). */
  selfApproval?: boolean;
}

export interface PersonaCatalog {
  defaultPersona: string;
  list(): PersonaSummary[];
  get(name: string): PersonaSummary | undefined;
}

export interface ToolSummary {
  name: string;
  title: string;
  risk: Risk;
  /** What the persona's policy does with a call: run it, ask a person, or refuse. */
  policy: "auto" | "ask" | "deny";
}

/** The tools each persona may use, as Slack shows them (the checked catalog itself is tools/catalog.ts). */
export interface PersonaTools {
  /** Tools a persona may use, best matches first when a query is given. */
  forPersona(persona: string, query: string | undefined, limit: number): { tools: ToolSummary[]; total: number; closest?: ToolSummary[] };
}

export interface AuditEntrySummary {
  at: number;
  tool: string;
  persona: string;
  status: string;
  decision: string;
  requester?: string;
  approver?: string;
  /** The call's arguments, for a line that says what was affected and what was written. */
  args?: unknown;
}

export interface AuditReader {
  latest(limit: number): AuditEntrySummary[];
}

export interface ModelStatus {
  configured: boolean;
  detail: string;
}

export interface ConnectionStatus {
  intercom: { mode: "oauth" | "token" | "emulator"; detail: string };
  model: ModelStatus;
}

/** What the Slack layer reads about a run beyond the RunEngine contract (the engine's ledger and run record). */
export interface RunFacts {
  get(runId: string): { requesterUser?: string; threadId: string; channelId?: string } | undefined;
  /** Each write of the run with its outcome from the write ledger; [] when the engine keeps none. */
  writeOutcomes(runId: string): RunWriteOutcome[];
}

export interface SlackServices {
  engine: RunEngine;
  personas: PersonaCatalog;
  tools: PersonaTools;
  audit: AuditReader;
  modelStatus(): ModelStatus;
  /** Absent: cards fall back to what the run's events said. */
  runs?: RunFacts;
  /** Absent: cards show ids, and Close is offered without checking the conversation's state. */
  lookup?: IntercomLookup;
  /** Set when approved replies and notes go out as the approver's own Intercom teammate (TeammateDirectory). */
  sendsAsApprover?: { defaultAdminId?: string };
}
