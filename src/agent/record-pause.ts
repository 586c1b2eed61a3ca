/**
 * Turns a human-in-the-loop pause into approval rows. The pause lists the gated calls by name in the order of
 * the model's tool calls; matching them to the calls themselves gives each approval its tool-call id, which
 * the guard later uses to find it.
 */
import { randomUUID } from "node:crypto";
import { AIMessage, type BaseMessage, type HITLRequest } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import type { ApprovalRecord, ApprovalStore } from "../store/approvals.js";
import type { RunRecord, RunStore } from "../store/runs.js";
import type { Transaction } from "../store/stores.js";
import { summarizeCall } from "./call-summary.js";
import { whyFromDescription } from "./provenance-pause.js";

type ToolCall = NonNullable<AIMessage["tool_calls"]>[number];

/** A paused call, with the reason it waits when a persona would otherwise have run it on its own. */
export type PausedCall = ToolCall & { why?: string };

/** A stored approval plus the pause's reason, which the approval card shows (see PendingApproval.why). */
export type PausedApproval = ApprovalRecord & { why?: string };

/**
 * The paused calls of the last model turn, or undefined when they do not line up with the pause. A conditional
 * pause (an automatic write steered by customer text) stops only some calls of a gated tool, so the pause's
 * requests are matched in order, by name and arguments, against the turn's calls of gated tools.
 */
export function pausedCalls(pause: HITLRequest, messages: readonly BaseMessage[], gated: ReadonlySet<string>): PausedCall[] | undefined {
  const lastAi = [...messages].reverse().find((m) => AIMessage.isInstance(m)) as AIMessage | undefined;
  const candidates = (lastAi?.tool_calls ?? []).filter((c) => gated.has(c.name));
  const matched: PausedCall[] = [];
  let next = 0;
  for (const request of pause.actionRequests) {
    while (next < candidates.length && !sameCall(candidates[next] as ToolCall, request)) next++;
    if (next >= candidates.length) return undefined;
    const why = whyFromDescription(request.description);
    matched.push(why ? { ...(candidates[next] as ToolCall), why } : (candidates[next] as ToolCall));
    next++;
  }
  return matched;
}

function sameCall(call: ToolCall, request: { name: string; args?: unknown }): boolean {
  return call.name === request.name && JSON.stringify(call.args ?? {}) === JSON.stringify(request.args ?? {});
}

export function storePause(input: {
  transaction: Transaction;
  approvals: ApprovalStore;
  runs: RunStore;
  catalog: ReadonlyMap<string, ToolDefinition>;
  run: RunRecord;
  persona: string;
  calls: readonly PausedCall[];
  now: number;
  ttlMs: number;
  /** Who or what each call is about, by tool-call id (looked up before the pause is stored). */
  targets?: ReadonlyMap<string, string>;
}): PausedApproval[] {
  const batch = `${input.run.id}:${randomUUID().slice(0, 8)}`;
  input.transaction(() => {
    input.calls.forEach((call, position) => {
      const tool = input.catalog.get(call.name) as ToolDefinition;
      const args = (call.args ?? {}) as Record<string, unknown>;
      input.approvals.insert({
        id: `apr_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
        runId: input.run.id,
        batch,
        position,
        toolCallId: call.id ?? `call_${position}`,
        tool: call.name,
        title: tool.title,
        risk: tool.risk,
        args,
        summary: summarizeCall(tool.title, args, call.id ? input.targets?.get(call.id) : undefined),
        persona: input.persona,
        createdAt: input.now,
        expiresAt: input.now + input.ttlMs,
      });
    });
    input.runs.transition(input.run.id, "running", "waiting", input.now);
  });
  const whys = new Map(input.calls.flatMap((call, position) => (call.why ? [[call.id ?? `call_${position}`, call.why] as const] : [])));
  return input.approvals.batch(batch).map((record) => {
    const why = whys.get(record.toolCallId);
    return why ? { ...record, why } : record;
  });
}
