/**
 * The writes of a run as facts for Slack: from the write ledger when the engine keeps one (exactly what was
 * sent, and how Intercom answered), else from the run's own tool events. Either way the lines come from the
 * executor, never from the model's wording.
 */
import type { RunEvent } from "../../agent/run-types.js";
import type { RunWriteOutcome } from "../../writes/write-once.js";
import type { WriteLine, WriteStatus } from "../blocks/write-lines.js";
import type { SlackAppContext } from "../slack-app-context.js";

/** The guard's and the ledger's wording for a write that may or may not have been applied. */
const MAYBE = /may or may not have been applied|outcome unknown/i;

export function lineFromLedger(write: RunWriteOutcome, titleOf: (tool: string) => string): WriteLine {
  const { outcome } = write;
  const status: WriteStatus = write.status === "executing" ? "executing" : outcome.status;
  const detail = outcome.status === "sent" ? outcome.summary : outcome.reason;
  return { tool: write.tool, title: titleOf(write.tool), status, detail, args: write.args, approvalId: write.approvalId, decision: write.decision };
}

/** A run's write lines from its tool events, in order; reads are left out. Pure. */
export function writeLinesFromEvents(events: readonly RunEvent[], isWrite: (tool: string) => boolean): WriteLine[] {
  const entries: WriteLine[] = [];
  for (const event of events) {
    if (!isWrite(event.tool)) continue;
    if (event.type === "tool_started") {
      const args = event.args && typeof event.args === "object" ? (event.args as Record<string, unknown>) : undefined;
      entries.push({ tool: event.tool, title: event.title, status: "executing", args });
      continue;
    }
    if (event.type === "tool_finished") {
      const status: WriteStatus = event.ok ? "sent" : MAYBE.test(event.summary) ? "uncertain" : "failed";
      const open = entries.find((e) => e.tool === event.tool && e.status === "executing");
      if (open) Object.assign(open, { status, detail: event.summary });
      else entries.push({ tool: event.tool, title: event.title, status, detail: event.summary });
      continue;
    }
    // A refusal never started: the guard (or a person's rejection) stopped it before anything was sent.
    entries.push({ tool: event.tool, title: event.title, status: "refused", detail: event.reason });
  }
  return entries;
}

/** Tool facts for a persona's tools, read once per flow from what Slack already knows. */
export function toolFacts(context: SlackAppContext, persona: string): { isWrite: (tool: string) => boolean; titleOf: (tool: string) => string } {
  const { tools } = context.services.tools.forPersona(persona, undefined, 10_000);
  const byName = new Map(tools.map((t) => [t.name, t]));
  return {
    // A tool outside the persona's list is refused by the guard; count it as a write so the refusal is shown.
    isWrite: (tool) => (byName.get(tool)?.risk ?? "write") !== "read" && tool !== "find_tools",
    titleOf: (tool) => byName.get(tool)?.title ?? tool,
  };
}

/**
 * The run's writes: the ledger's lines when it has any (the whole run, earlier steps included), plus the
 * refusals seen in this leg's events (refusals never reach the ledger); else the events alone.
 */
export function runWriteLines(context: SlackAppContext, runId: string, persona: string, events: readonly RunEvent[]): WriteLine[] {
  const facts = toolFacts(context, persona);
  const seen = writeLinesFromEvents(events, facts.isWrite);
  const ledger = context.services.runs?.writeOutcomes(runId) ?? [];
  if (ledger.length === 0) return seen;
  return [...ledger.map((w) => lineFromLedger(w, facts.titleOf)), ...seen.filter((l) => l.status === "refused")];
}

/** The outcome of one approval's call, for its card; undefined when the call has not run (yet). */
export function approvalWriteLine(
  context: SlackAppContext,
  runId: string,
  approval: { approvalId: string; tool: string; title: string },
  events: readonly RunEvent[],
): WriteLine | undefined {
  const ledger = context.services.runs?.writeOutcomes(runId) ?? [];
  const written = ledger.find((w) => w.approvalId === approval.approvalId);
  if (written) return lineFromLedger(written, () => approval.title);
  if (ledger.length > 0) return undefined;
  return writeLinesFromEvents(events, (tool) => tool === approval.tool).find((l) => l.status !== "refused");
}
