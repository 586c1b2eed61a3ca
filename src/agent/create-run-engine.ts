/**
 * The run engine: starts agent runs, pauses them durably when a gated tool needs a person, and resumes them
 * when decisions arrive, possibly in another process. Runs, approvals and the LangGraph checkpoints all live
 * in the same SQLite file, so a restart loses nothing.
 */
import { randomUUID } from "node:crypto";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { Command } from "@langchain/langgraph";
import { SqliteSaver } from "@langchain/langgraph-checkpoint-sqlite";
import { AIMessage, type BaseMessage, type HITLRequest, HumanMessage } from "langchain";
import type { ToolDefinition } from "../../tools/define.js";
import { createToolExecutor } from "../../tools/execute.js";
import { AppError, isAppError, toUserMessage } from "../errors.js";
import type { IntercomTransport } from "../intercom/types.js";
import type { Logger } from "../logger.js";
import { redactString } from "../redact.js";
import { type ApprovalRecord, ApprovalStore } from "../store/approvals.js";
import { AuditLog } from "../store/audit-log.js";
import type { Db } from "../store/database.js";
import { type RunRecord, RunStore } from "../store/runs.js";
import { buildAgent, gatedToolNames } from "./build-agent.js";
import { MODEL_SETUP_HELP } from "./chat-model.js";
import { decideAtomically, type ResumeDecision, validateDecisions } from "./decisions.js";
import { EmbeddingCache, type EmbeddingsLike } from "./embedding-cache.js";
import type { GuardContext, ToolExecutorLike } from "./guard-middleware.js";
import { answersIn, type Persona } from "./personas.js";
import { pausedCalls, storePause } from "./record-pause.js";
import { auditApproval } from "./run-audit.js";
import type { ApprovalDecision, Decider, PendingApproval, RunEngine, RunEvent, RunOutcome, StartRunInput } from "./run-types.js";
import { ToolSelector } from "./tool-selector.js";

export interface RunEngineOptions {
  /** The application database; the LangGraph checkpointer writes its tables into the same file. */
  db: Db;
  tools: readonly ToolDefinition[];
  personas: readonly Persona[];
  /** Where tool calls go: the Intercom client, the emulator, or a recorder in tests. */
  transport?: IntercomTransport;
  /** Overrides the executor built from `transport` and `tools` (tools/execute.ts). */
  executor?: ToolExecutorLike;
  /** Undefined when no model is configured: runs then fail at once with setup instructions. */
  chatModel?: BaseChatModel;
  embeddings?: EmbeddingsLike;
  /** The embedding model's name, the cache key for stored tool vectors. */
  embeddingModel?: string;
  logger?: Logger;
  maxToolsPerRequest?: number;
  approvalTtlMinutes?: number;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Called with the tool names sent on each model request (for tests and diagnostics). */
  onToolsSelected?: (names: string[]) => void;
  /** Upper bound on graph steps per invocation; stops a model that loops. */
  recursionLimit?: number;
}

/** The engine plus what the Slack app shows around it. */
export interface SwitchboardRunEngine extends RunEngine {
  readonly audit: AuditLog;
  readonly personas: readonly Persona[];
  readonly selector: ToolSelector;
  /** Marks approvals past their time as expired (and their runs); returns how many expired. */
  expireStale(): number;
  getRun(runId: string): RunRecord | undefined;
}

const toPending = (a: ApprovalRecord): PendingApproval => ({
  approvalId: a.id,
  runId: a.runId,
  tool: a.tool,
  title: a.title,
  risk: a.risk,
  args: a.args,
  summary: a.summary,
  persona: a.persona,
  expiresAt: a.expiresAt,
});

function messageText(message: BaseMessage | undefined): string {
  if (!message) return "";
  if (typeof message.content === "string") return message.content;
  return message.text;
}

export function createRunEngine(options: RunEngineOptions): SwitchboardRunEngine {
  const db = options.db;
  const now = options.now ?? Date.now;
  const runs = new RunStore(db);
  const approvals = new ApprovalStore(db);
  const audit = new AuditLog(db);
  const checkpointer = new SqliteSaver(db);
  const maxTools = options.maxToolsPerRequest ?? 12;
  const ttlMs = (options.approvalTtlMinutes ?? 1440) * 60_000;
  const catalog = new Map(options.tools.map((t) => [t.name, t]));
  const executor =
    options.executor ?? (options.transport ? createToolExecutor({ transport: options.transport, tools: options.tools, logger: options.logger }) : undefined);
  if (!executor) throw new AppError("INTERNAL", "createRunEngine needs a transport (or an executor) to run tools.");
  const selector = new ToolSelector(options.tools, {
    embeddings: options.embeddings,
    cache: options.embeddings ? new EmbeddingCache(db, options.embeddingModel ?? "default") : undefined,
    logger: options.logger,
    now,
  });
  const personaNamed = (name: string) => options.personas.find((p) => p.name === name);

  const guardFor = (run: RunRecord, persona: Persona, onEvent?: (e: RunEvent) => void): GuardContext => ({
    run,
    persona,
    catalog,
    approvals,
    audit,
    executor,
    now,
    onEvent,
  });

  // A finished run never resumes (callers pass earlier turns as history), so its checkpoints can go.
  const forget = async (runId: string) => {
    try {
      await checkpointer.deleteThread(runId);
    } catch (error) {
      options.logger?.warn({ err: error, runId }, "could not delete the checkpoints of a finished run");
    }
  };

  const fail = async (run: RunRecord, message: string): Promise<RunOutcome> => {
    runs.finish(run.id, "failed", now(), message);
    await forget(run.id);
    return { status: "failed", runId: run.id, error: message };
  };

  const describeError = (error: unknown): string => {
    if (isAppError(error)) return error.userMessage;
    const name = (error as Error)?.name ?? "";
    const text = redactString((error as Error)?.message ?? String(error)).slice(0, 300);
    if (name === "GraphRecursionError") return "The agent took too many steps without finishing, so it stopped. Try a narrower request.";
    if (/api key|401|403|404 .*model|ECONNREFUSED|fetch failed|ENOTFOUND|timed out|429|quota/i.test(text)) {
      return `The language model could not be reached or refused the request: ${text}`;
    }
    return toUserMessage(error);
  };

  /** Invokes the graph once (a fresh start or a resume) and records what came of it. */
  const drive = async (run: RunRecord, persona: Persona, input: unknown, onEvent?: (e: RunEvent) => void): Promise<RunOutcome> => {
    if (!options.chatModel) return fail(run, MODEL_SETUP_HELP);
    const guard = guardFor(run, persona, onEvent);
    const agent = buildAgent({ model: options.chatModel, checkpointer, selector, maxTools, guard, onSelect: options.onToolsSelected });
    let result: { messages: BaseMessage[]; __interrupt__?: { value?: unknown }[] };
    try {
      result = (await agent.invoke(input as never, {
        configurable: { thread_id: run.id },
        recursionLimit: options.recursionLimit ?? 40,
      })) as unknown as typeof result;
    } catch (error) {
      options.logger?.error({ err: error, runId: run.id }, "agent run failed");
      return fail(run, describeError(error));
    }
    const pause = result.__interrupt__?.[0]?.value as HITLRequest | undefined;
    if (pause) {
      try {
        return recordPause(run, persona, pause, result.messages);
      } catch (error) {
        options.logger?.error({ err: error, runId: run.id }, "could not record the approvals of a paused run");
        return fail(run, "The run paused for approval but the approval could not be stored; nothing was changed. Try again.");
      }
    }
    const last = [...result.messages].reverse().find((m) => AIMessage.isInstance(m));
    const text = messageText(last).trim() || "(The agent finished without a written answer.)";
    runs.finish(run.id, "answered", now(), text);
    await forget(run.id);
    return { status: "answered", runId: run.id, text };
  };

  const recordPause = (run: RunRecord, persona: Persona, pause: HITLRequest, messages: BaseMessage[]): Promise<RunOutcome> | RunOutcome => {
    const calls = pausedCalls(pause, messages, new Set(gatedToolNames({ persona }, options.tools)));
    if (!calls) return fail(run, "The run paused for approval in a way Switchboard could not match to its tool calls; nothing was changed.");
    const stored = storePause({ db, approvals, runs, catalog, run, persona: persona.name, calls, now: now(), ttlMs });
    return { status: "needs_approval", runId: run.id, approvals: stored.map(toPending) };
  };

  const expireStale = (runId?: string): number => {
    const expired = approvals.expire(now(), runId);
    for (const a of expired) {
      if (runs.transition(a.runId, "waiting", "expired", now())) void forget(a.runId);
      auditApproval(audit, runs.get(a.runId), a, now(), {
        decision: "expired",
        status: "expired",
        result: "No one decided before the approval expired; nothing was sent.",
      });
    }
    return expired.length;
  };

  return {
    audit,
    personas: options.personas,
    selector,
    expireStale: () => expireStale(),
    getRun: (runId) => runs.get(runId),

    async start(input: StartRunInput, onEvent?: (event: RunEvent) => void): Promise<RunOutcome> {
      const run = runs.create(
        {
          id: `run_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
          threadId: input.threadId,
          persona: input.persona,
          requesterUser: input.requester.slackUserId,
          requesterSource: input.requester.source,
          teamId: input.requester.teamId,
          channelId: input.channelId,
          prompt: input.text,
        },
        now(),
      );
      const persona = personaNamed(input.persona);
      if (!persona) return fail(run, `There is no persona named "${input.persona}". Known personas: ${options.personas.map((p) => p.name).join(", ")}.`);
      if (!answersIn(persona, input.channelId)) return fail(run, `The ${persona.name} persona does not answer in this channel.`);
      if (!options.chatModel) return fail(run, MODEL_SETUP_HELP);
      const history: BaseMessage[] = (input.history ?? []).map((turn) => (turn.role === "user" ? new HumanMessage(turn.text) : new AIMessage(turn.text)));
      return drive(run, persona, { messages: [...history, new HumanMessage(input.text)] }, onEvent);
    },

    async decide(runId: string, decisions: ApprovalDecision[], decider: Decider, onEvent?: (event: RunEvent) => void): Promise<RunOutcome> {
      const run = runs.get(runId);
      if (!run) throw new AppError("APPROVAL_NOT_FOUND", `There is no run ${runId}.`);
      const persona = personaNamed(run.persona);
      if (!persona) throw new AppError("PERSONA_NOT_FOUND", `The run's persona "${run.persona}" is no longer configured, so it cannot be resumed.`);
      expireStale(runId);
      const checked = validateDecisions({ run, persona, decisions, decider, records: approvals.forRun(runId), catalog });
      const outcome = decideAtomically({ db, runs, approvals, run, checked, decider, now: now() });
      for (const rejected of checked.filter((c) => c.decision.type === "reject")) {
        const reason = rejected.decision.type === "reject" ? rejected.decision.reason : undefined;
        auditApproval(audit, run, rejected.record, now(), {
          decision: "rejected",
          status: "rejected",
          approver: outcome.decidedBy,
          result: reason ? `Rejected: ${reason}` : "Rejected",
        });
        onEvent?.({
          type: "tool_refused",
          tool: rejected.record.tool,
          title: rejected.record.title,
          reason: `rejected by ${outcome.decidedBy}${reason ? `: ${reason}` : ""}`,
        });
      }
      if (!outcome.resume) return { status: "needs_approval", runId, approvals: approvals.pending({ runId }).map(toPending) };
      const result = await drive(run, persona, new Command({ resume: { decisions: outcome.resume satisfies ResumeDecision[] } }), onEvent);
      // With a rejection in the same pause, LangChain drops that turn's approved calls; say so in the audit.
      for (const skipped of approvals.batch(outcome.batch).filter((a) => (a.status === "approved" || a.status === "edited") && !a.executedAt)) {
        auditApproval(audit, run, skipped, now(), {
          decision: skipped.status === "edited" ? "edited" : "approved",
          status: "skipped",
          approver: skipped.decidedBy,
          result: "Not run: another call in the same step was rejected, so the agent reconsidered the whole step.",
        });
      }
      return result;
    },

    pendingApprovals(filter?: { runId?: string }): PendingApproval[] {
      expireStale(filter?.runId);
      return approvals.pending(filter ?? {}).map(toPending);
    },
  };
}
