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
import { lookUpTargets } from "./call-target.js";
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
  /** How long to spend looking up who a gated call is about before showing the approval anyway (default 3 s). */
  targetLookupMs?: number;
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

/** Who "decides" a call whose arguments cannot run: nobody is asked, the model hears why. */
const VALIDATION_DECIDER: Decider = { source: "switchboard:argument-check" };
const MAX_MALFORMED_ROUNDS = 3;

/** Why a tool would refuse these arguments, in words the model can act on; undefined when they are fine. */
function argumentProblem(tool: ToolDefinition | undefined, args: Record<string, unknown>): string | undefined {
  if (!tool) return undefined;
  const parsed = tool.input.safeParse(args);
  if (parsed.success) return undefined;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "arguments"}: ${issue.message}`).slice(0, 5);
  return `The arguments do not fit ${tool.title} (${problems.join("; ")}), so no one was asked to approve it and nothing ran. Call it again with corrected arguments.`;
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
    logger: options.logger,
  });

  // A finished run never resumes (callers pass earlier turns as history), so its checkpoints can go.
  const forget = async (runId: string) => {
    try {
      await checkpointer.deleteThread(runId);
    } catch (error) {
      options.logger?.warn({ err: error, runId }, "could not delete the checkpoints of a finished run");
    }
  };

  const runFields = (run: RunRecord) => ({ runId: run.id, persona: run.persona, slackUser: run.requesterUser, source: run.requesterSource });

  const fail = async (run: RunRecord, message: string, logged = false): Promise<RunOutcome> => {
    if (!logged) options.logger?.warn({ ...runFields(run), reason: message }, "agent run failed");
    runs.finish(run.id, "failed", now(), message);
    await forget(run.id);
    return { status: "failed", runId: run.id, error: message };
  };

  /** What the person is told, and whether it is a known condition (logged without a stack) or a bug. */
  const describeError = (error: unknown, runId: string): { message: string; known: boolean } => {
    if (isAppError(error)) return { message: error.userMessage, known: error.code !== "INTERNAL" };
    const name = (error as Error)?.name ?? "";
    const text = redactString((error as Error)?.message ?? String(error)).slice(0, 300);
    if (name === "GraphRecursionError")
      return { message: "The agent took too many steps without finishing, so it stopped. Try a narrower request.", known: true };
    // The OpenAI SDK says only "Connection error." when the server is down or the URL is wrong.
    if (/connection error|ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|ENOTFOUND|timed out|timeout/i.test(text)) {
      const message = `The language model could not be reached or refused the request: ${text} Check OPENAI_BASE_URL (and that the model server is running), then try again.`;
      return { message, known: true };
    }
    if (/api key|^(4\d\d|5\d\d)\b|404 .*model|429|quota/i.test(text)) {
      return { message: `The language model could not be reached or refused the request: ${text}`, known: true };
    }
    // The run id is the reference: the person can quote it, and every log line of the run carries it.
    return { message: toUserMessage(error, runId), known: false };
  };

  /**
   * A step whose gated calls all have arguments their tool would refuse is sent straight back to the model
   * with the problems, instead of asking a person to approve something that cannot run (a few rounds at most).
   */
  const refuseMalformedStep = async (
    run: RunRecord,
    persona: Persona,
    outcome: RunOutcome,
    onEvent: ((e: RunEvent) => void) | undefined,
    round: number,
  ): Promise<RunOutcome> => {
    if (outcome.status !== "needs_approval" || round >= MAX_MALFORMED_ROUNDS) return outcome;
    const problems = outcome.approvals.map((a) => argumentProblem(catalog.get(a.tool), a.args));
    if (problems.some((p) => p === undefined)) return outcome;
    const records = approvals.forRun(run.id);
    const checked = outcome.approvals.map((a, i) => ({
      decision: { approvalId: a.approvalId, type: "reject" as const, reason: problems[i] as string },
      record: records.find((r) => r.id === a.approvalId) as ApprovalRecord,
    }));
    const decided = decideAtomically({ db, runs, approvals, run, checked, decider: VALIDATION_DECIDER, now: now() });
    for (const { decision, record } of checked) {
      auditApproval(audit, run, record, now(), { decision: "refused", status: "refused", approver: decided.decidedBy, result: decision.reason });
      onEvent?.({ type: "tool_refused", tool: record.tool, title: record.title, reason: decision.reason });
    }
    options.logger?.info({ ...runFields(run), tools: checked.map((c) => c.record.tool) }, "gated calls with invalid arguments sent back to the model");
    if (!decided.resume) return outcome;
    return drive(run, persona, new Command({ resume: { decisions: decided.resume satisfies ResumeDecision[] } }), onEvent, round + 1);
  };

  /** Invokes the graph once (a fresh start or a resume) and records what came of it. */
  const drive = async (run: RunRecord, persona: Persona, input: unknown, onEvent?: (e: RunEvent) => void, round = 0): Promise<RunOutcome> => {
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
      const { message, known } = describeError(error, run.id);
      const fields = runFields(run);
      // A known condition (model down, key refused, too many steps) needs no stack trace to act on.
      if (known) options.logger?.warn({ ...fields, reason: message }, "agent run failed");
      else options.logger?.error({ ...fields, err: error }, "agent run failed");
      return fail(run, message, true);
    }
    const pause = result.__interrupt__?.[0]?.value as HITLRequest | undefined;
    if (pause) {
      let paused: RunOutcome;
      try {
        paused = await recordPause(run, persona, pause, result.messages);
      } catch (error) {
        options.logger?.error({ err: error, runId: run.id }, "could not record the approvals of a paused run");
        return fail(run, "The run paused for approval but the approval could not be stored; nothing was changed. Try again.");
      }
      return refuseMalformedStep(run, persona, paused, onEvent, round);
    }
    const last = [...result.messages].reverse().find((m) => AIMessage.isInstance(m));
    const text = messageText(last).trim() || "(The agent finished without a written answer.)";
    runs.finish(run.id, "answered", now(), text);
    options.logger?.info({ ...runFields(run), elapsedMs: now() - run.createdAt }, "agent run answered");
    await forget(run.id);
    return { status: "answered", runId: run.id, text };
  };

  const recordPause = async (run: RunRecord, persona: Persona, pause: HITLRequest, messages: BaseMessage[]): Promise<RunOutcome> => {
    const calls = pausedCalls(pause, messages, new Set(gatedToolNames({ persona }, options.tools)));
    if (!calls) return fail(run, "The run paused for approval in a way Switchboard could not match to its tool calls; nothing was changed.");
    // Best effort: a card that says whose conversation it is beats an id, but a failed lookup must not block the pause.
    const targets = await lookUpTargets({ calls, catalog, executor, timeoutMs: options.targetLookupMs }).catch((error: unknown) => {
      options.logger?.warn({ err: error, runId: run.id }, "could not look up what a gated call is about");
      return new Map<string, string>();
    });
    const stored = storePause({ db, approvals, runs, catalog, run, persona: persona.name, calls, now: now(), ttlMs, targets });
    options.logger?.info(
      { ...runFields(run), approvals: stored.map((a) => ({ approvalId: a.id, tool: a.tool })), elapsedMs: now() - run.createdAt },
      "agent run waiting for approval",
    );
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
      options.logger?.info({ ...runFields(run), channel: input.channelId, threadId: input.threadId }, "agent run started");
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
      options.logger?.info(
        {
          ...runFields(run),
          decisions: checked.map((c) => ({ approvalId: c.record.id, tool: c.record.tool, decision: c.decision.type })),
          decidedBy: outcome.decidedBy,
        },
        "approval decided",
      );
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
