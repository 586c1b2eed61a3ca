/**
 * The last line of defence around every tool call, whatever the model asked for: refuses tools outside the
 * persona's scope, runs a gated tool only with a recorded approval (and only once per approval), executes
 * through the tool executor, audits every outcome and reports progress. Every write (approved or run by the
 * persona's policy) goes through the write ledger: recorded as executing before it is sent, settled right
 * after, keyed by the approval (or the run and tool call), so a crash is reconciled and a resumed run never
 * sends twice. The model reads the write's real outcome, not just the raw answer. A write the persona would
 * run on its own needs an approval after all when one of its values appears only in customer-written text
 * (src/agent/provenance.ts); the human-in-the-loop pause asks for it with the same check.
 */
import { createMiddleware, ToolMessage } from "langchain";
import type { ToolDefinition, ToolResult } from "../../tools/define.js";
import type { Logger } from "../logger.js";
import type { ApprovalStore } from "../store/approvals.js";
import type { AuditEntry, AuditLog } from "../store/audit-log.js";
import type { RunRecord } from "../store/runs.js";
import type { TeammateDirectory } from "../workflows/contracts.js";
import { actAsTeammate } from "../writes/act-as.js";
import { AUDIT_STATUS, modelTextFor } from "../writes/outcome.js";
import type { WriteOnce } from "../writes/write-once.js";
import { FIND_TOOLS } from "./find-tools.js";
import type { Persona } from "./personas.js";
import { verdictFor } from "./policy.js";
import { checkProvenance, checksProvenance } from "./provenance.js";
import type { RunEvent } from "./run-types.js";

export interface ToolExecutorLike {
  execute(name: string, args: unknown): Promise<ToolResult>;
}

export interface GuardContext {
  run: RunRecord;
  persona: Persona;
  catalog: ReadonlyMap<string, ToolDefinition>;
  approvals: ApprovalStore;
  audit: AuditLog;
  executor: ToolExecutorLike;
  now: () => number;
  onEvent?: (event: RunEvent) => void;
  /** One line per tool call for whoever runs the service (never the arguments or results: those are audited). */
  logger?: Pick<Logger, "info" | "warn">;
  /** The write ledger (src/writes/write-once.ts). Without it writes still run once per approval, but a crash mid-write cannot be reconciled. */
  writes?: WriteOnce;
  /** When given, an approved write goes out as the approver's Intercom teammate (src/writes/act-as.ts). */
  teammates?: TeammateDirectory;
}

/** The ledger key of a write: its approval, or for a write the policy runs on its own, the run and the tool call. */
export function writeKey(runId: string, callId: string, approvalId?: string): string {
  return approvalId ? `approval:${approvalId}` : `run:${runId}:${callId}`;
}

/** What the model reads back from a tool: trimmed data, marked as data. */
const MODEL_RESULT_LIMIT = 12_000;

export function resultForModel(result: ToolResult): string {
  if (!result.ok) return `Tool error (${result.kind}${result.status ? ` ${result.status}` : ""}): ${result.message}`;
  const text = JSON.stringify(result.data ?? null) ?? "null";
  return text.length > MODEL_RESULT_LIMIT ? `${text.slice(0, MODEL_RESULT_LIMIT)}… [truncated ${text.length - MODEL_RESULT_LIMIT} characters]` : text;
}

function oneLine(result: ToolResult): string {
  if (!result.ok) return result.message.slice(0, 200);
  return `HTTP ${result.status} in ${Math.round(result.latencyMs)} ms`;
}

export function toolGuardMiddleware(ctx: GuardContext) {
  const base = (): Pick<AuditEntry, "requesterUser" | "requesterSource" | "persona" | "runId" | "prompt"> => ({
    requesterUser: ctx.run.requesterUser,
    requesterSource: ctx.run.requesterSource,
    persona: ctx.persona.name,
    runId: ctx.run.id,
    prompt: ctx.run.prompt,
  });

  const logFields = () => ({ runId: ctx.run.id, persona: ctx.persona.name, slackUser: ctx.run.requesterUser, source: ctx.run.requesterSource });

  const refuse = (callId: string, name: string, args: unknown, reason: string, approvalId?: string) => {
    ctx.audit.record({ ...base(), at: ctx.now(), tool: name, args, decision: "refused", status: "refused", result: reason, approvalId });
    ctx.logger?.warn({ ...logFields(), tool: name, approvalId, status: "refused", reason }, "tool call refused");
    ctx.onEvent?.({ type: "tool_refused", tool: name, title: ctx.catalog.get(name)?.title ?? name, reason });
    return new ToolMessage({ content: `Refused: ${reason} Do not retry this call; tell the person instead.`, tool_call_id: callId, name, status: "error" });
  };

  return createMiddleware({
    name: "ToolGuard",
    wrapToolCall: async (request, handler) => {
      const call = request.toolCall;
      const callId = call.id ?? "";
      const name = call.name;
      const args = (call.args ?? {}) as Record<string, unknown>;

      if (name === FIND_TOOLS) {
        const started = performance.now();
        const message = await handler(request);
        const content = ToolMessage.isInstance(message) ? message.content : "";
        ctx.audit.record({
          ...base(),
          at: ctx.now(),
          tool: name,
          args,
          decision: "auto",
          status: "ok",
          result: content,
          latencyMs: performance.now() - started,
        });
        return message;
      }

      const tool = ctx.catalog.get(name);
      const verdict = verdictFor(ctx.persona, tool, name);
      if (verdict.kind === "refuse" || !tool) return refuse(callId, name, args, verdict.kind === "refuse" ? verdict.reason : "Unknown tool.");

      let runArgs: Record<string, unknown> = args;
      let decision: AuditEntry["decision"] = "auto";
      let approver: string | undefined;
      let approvalId: string | undefined;
      // The same check the pause made: an automatic write steered by customer text needs an approval like any other.
      const provenance =
        verdict.kind === "run" && checksProvenance(ctx.persona, tool)
          ? checkProvenance({ tool, args, messages: request.state?.messages ?? [], persona: ctx.persona })
          : undefined;
      if (verdict.kind === "ask" || provenance?.needsPerson) {
        const approval = callId ? ctx.approvals.byToolCall(ctx.run.id, callId) : undefined;
        if (!approval || (approval.status !== "approved" && approval.status !== "edited")) {
          const why = provenance?.needsPerson ? provenance.reason : `${tool.title} needs a person's approval and none was given.`;
          return refuse(callId, name, args, why, approval?.id);
        }
        // With the ledger, claiming the approval happens in the same transaction as recording the write (below).
        if (!ctx.writes && !ctx.approvals.claimExecution(approval.id, ctx.now())) {
          return refuse(callId, name, args, `${tool.title} was already carried out for this approval.`, approval.id);
        }
        // Run exactly what the person approved, not whatever the message history says.
        runArgs = approval.finalArgs ?? approval.args;
        decision = approval.status;
        approver = approval.decidedBy;
        approvalId = approval.id;
        if (ctx.teammates && approver && /^[UW][A-Z0-9]+$/.test(approver)) {
          const teammate = await ctx.teammates.adminFor(approver).catch(() => undefined);
          runArgs = actAsTeammate(tool, runArgs, teammate);
        }
      }

      if (ctx.writes && tool.risk !== "read") {
        return ledgeredWrite({ ctx, tool, callId, args: runArgs, decision, approver, approvalId, refuse, base, logFields });
      }

      ctx.onEvent?.({ type: "tool_started", tool: name, title: tool.title, args: runArgs });
      const started = performance.now();
      const result: ToolResult = await ctx.executor.execute(name, runArgs).catch((error: unknown) => ({
        ok: false as const,
        tool: name,
        kind: "network" as const,
        message: `The tool could not run: ${(error as Error)?.message ?? String(error)}`,
        latencyMs: performance.now() - started,
      }));
      ctx.audit.record({
        ...base(),
        at: ctx.now(),
        tool: name,
        args: runArgs,
        decision,
        approver,
        approvalId,
        result: result.ok ? result.raw : { kind: result.kind, status: result.status, message: result.message },
        status: result.ok ? "ok" : "failed",
        latencyMs: result.latencyMs,
      });
      const line = {
        ...logFields(),
        tool: name,
        decision,
        approver,
        approvalId,
        status: result.ok ? "ok" : "failed",
        httpStatus: result.status,
        latencyMs: Math.round(result.latencyMs),
        ...(result.ok ? {} : { kind: result.kind, error: result.message.slice(0, 200) }),
      };
      if (result.ok) ctx.logger?.info(line, "tool call");
      else ctx.logger?.warn(line, "tool call failed");
      ctx.onEvent?.({ type: "tool_finished", tool: name, title: tool.title, ok: result.ok, summary: oneLine(result) });
      return new ToolMessage({ content: resultForModel(result), tool_call_id: callId, name, status: result.ok ? "success" : "error" });
    },
  });
}

interface LedgeredWriteInput {
  ctx: GuardContext;
  tool: ToolDefinition;
  callId: string;
  args: Record<string, unknown>;
  decision: AuditEntry["decision"];
  approver?: string;
  approvalId?: string;
  refuse: (callId: string, name: string, args: unknown, reason: string, approvalId?: string) => ToolMessage;
  base: () => Pick<AuditEntry, "requesterUser" | "requesterSource" | "persona" | "runId" | "prompt">;
  logFields: () => Record<string, unknown>;
}

/** One write through the ledger: executing before the send, settled after, and the model told the real outcome. */
async function ledgeredWrite(input: LedgeredWriteInput): Promise<ToolMessage> {
  const { ctx, tool, callId, args, decision, approver, approvalId } = input;
  const writes = ctx.writes as WriteOnce;
  const name = tool.name;
  const key = writeKey(ctx.run.id, callId || `call-${ctx.now()}`, approvalId);
  ctx.onEvent?.({ type: "tool_started", tool: name, title: tool.title, args });
  const attempt = await writes.run(
    {
      key,
      tool: name,
      args,
      persona: ctx.persona.name,
      requesterUser: ctx.run.requesterUser,
      requesterSource: ctx.run.requesterSource,
      decision,
      approver,
      runId: ctx.run.id,
      approvalId,
      prompt: ctx.run.prompt,
    },
    () => ctx.executor.execute(name, args),
    {
      ...(approvalId
        ? { claim: { check: () => ctx.approvals.claimExecution(approvalId, ctx.now()), refusal: `${tool.title} was already carried out for this approval.` } }
        : {}),
      // Written in the transaction that settles the ledger row: a settled write always has its audit row.
      audit: {
        log: ctx.audit,
        entry: (done) => ({
          ...input.base(),
          at: ctx.now(),
          tool: name,
          args,
          decision,
          approver,
          approvalId,
          result: done.result?.ok
            ? done.result.raw
            : {
                outcome: done.outcome.status,
                kind: done.result?.kind,
                status: done.result?.status,
                message: done.outcome.status === "sent" ? undefined : done.outcome.reason,
              },
          status: AUDIT_STATUS[done.outcome.status],
          latencyMs: done.latencyMs,
        }),
      },
    },
  );
  const { outcome, result } = attempt;
  if (outcome.status === "refused") return input.refuse(callId, name, args, outcome.reason, approvalId);
  const sent = outcome.status === "sent";
  const summary = sent ? (result?.ok ? `HTTP ${result.status} in ${Math.round(result.latencyMs)} ms` : outcome.summary) : outcome.reason.slice(0, 200);

  if (!attempt.fresh) {
    // A resumed run or a repeated delivery: the first attempt already decided (and audited) it; send nothing.
    ctx.logger?.info({ ...input.logFields(), tool: name, approvalId, key, status: outcome.status }, "write already made for this call; not sent again");
    ctx.onEvent?.({ type: "tool_finished", tool: name, title: tool.title, ok: sent, summary: `already handled earlier: ${summary}` });
    const earlier = sent ? `This was already carried out earlier and was not sent again. ${outcome.summary}` : "";
    return new ToolMessage({ content: modelTextFor(outcome, earlier), tool_call_id: callId, name, status: sent ? "success" : "error" });
  }

  const line = {
    ...input.logFields(),
    tool: name,
    decision,
    approver,
    approvalId,
    status: outcome.status,
    httpStatus: result?.status,
    latencyMs: Math.round(attempt.latencyMs ?? 0),
    ...(sent ? {} : { error: outcome.reason.slice(0, 200) }),
  };
  if (sent) ctx.logger?.info(line, "tool call");
  else ctx.logger?.warn(line, "tool call failed");
  ctx.onEvent?.({ type: "tool_finished", tool: name, title: tool.title, ok: sent, summary });
  const sentText = result ? resultForModel(result) : "";
  return new ToolMessage({ content: modelTextFor(outcome, sentText), tool_call_id: callId, name, status: sent ? "success" : "error" });
}
